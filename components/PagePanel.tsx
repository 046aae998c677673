import { render } from 'preact';
import { el } from './Badge';
import { formatKg, type Translate } from '@/lib/format';
import { PanelFooter } from './PanelFooter';

export interface PanelItem {
  title: string;
  url: string | null;
  kg: number;
  low: number;
  high: number;
}

export interface PagePanelProps {
  items: PanelItem[];
  /** Items without a place on the page for a badge (read from embedded data only). */
  unanchored: number;
  t: Translate;
  locale?: string;
  hidePage: () => void;
}

const range = (items: PanelItem[]) => ({ low: Math.min(...items.map((i) => i.low)), high: Math.max(...items.map((i) => i.high)) });

/** The opened page summary: how many items were read, their range, the greenest options. */
export function PageSummary({ items, unanchored, t, locale, hidePage, close }: PagePanelProps & { close: () => void }) {
  const f = (n: number) => formatKg(n, locale);
  const { low, high } = range(items);
  const greenest = [...items].sort((a, b) => a.kg - b.kg).slice(0, 3);
  return (
    <span class="cl-panel" role="region" aria-label={t('summaryTitle')}>
      <strong>{t('summaryTitle')}</strong>
      <span>{t('summaryRead', String(items.length), f(low), f(high))}</span>
      {unanchored > 0 && <span class="cl-note">{t('summaryUnanchored', String(unanchored))}</span>}
      <strong>{t('summaryGreenest')}</strong>
      {greenest.map((g, i) => (
        <span class="cl-alt" key={i}>
          {g.url ? (
            <a href={g.url} target="_top" rel="noopener noreferrer">
              {g.title}
            </a>
          ) : (
            <span>{g.title}</span>
          )}
          <span>{t('summaryItem', f(g.kg), f(g.low), f(g.high))}</span>
        </span>
      ))}
      <PanelFooter t={t} hidePage={hidePage} close={close} />
    </span>
  );
}

/**
 * The page summary in `root`, collapsed by default: a button built with the DOM API, and the
 * summary rendered with preact only while it is open. Returns `update` for newly read items.
 */
export function mountPagePanel(root: ShadowRoot | Element, initial: PagePanelProps): (next: PagePanelProps) => void {
  let props = initial;
  let open = false;
  let rendered = false; // preact runs only once the summary has been opened
  const wrap = el('span', 'cl-summary');
  const button = el('button', 'cl-badge');
  button.type = 'button';
  const slot = el('span');
  wrap.append(button, slot);
  const draw = () => {
    const { low, high } = range(props.items);
    const f = (n: number) => formatKg(n, props.locale);
    button.textContent = props.t('summaryButton', String(props.items.length), f(low), f(high));
    button.setAttribute('aria-expanded', String(open));
    if (!open && !rendered) return;
    rendered = true;
    render(open ? <PageSummary {...props} close={() => setOpen(false)} /> : null, slot);
  };
  const setOpen = (value: boolean) => {
    open = value;
    draw();
  };
  button.addEventListener('click', () => setOpen(!open));
  root.append(wrap);
  draw();
  return (next) => {
    props = next;
    draw();
  };
}
