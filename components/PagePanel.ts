import { formatKg, type Translate } from '@/lib/format';
import { attrs, el, link, panelFooter } from './dom';

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

function range(items: PanelItem[]) {
  let low = Infinity;
  let high = -Infinity;
  for (const i of items) {
    low = Math.min(low, i.low);
    high = Math.max(high, i.high);
  }
  return { low, high };
}

/** The opened page summary: how many items were read, their range, the greenest options. */
export function pageSummary({ items, unanchored, t, locale, hidePage }: PagePanelProps, close: () => void): HTMLElement {
  const f = (n: number) => formatKg(n, locale);
  const { low, high } = range(items);
  const greenest = [...items].sort((a, b) => a.kg - b.kg).slice(0, 3);
  return attrs(
    el(
      'span',
      'cl-panel',
      el('strong', '', t('summaryTitle')),
      el('span', '', t('summaryRead', String(items.length), f(low), f(high))),
      unanchored > 0 && el('span', 'cl-note', t('summaryUnanchored', String(unanchored))),
      el('strong', '', t('summaryGreenest')),
      ...greenest.map((g) => el('span', 'cl-alt', link(g.url, g.title), el('span', '', t('summaryItem', f(g.kg), f(g.low), f(g.high))))),
      panelFooter(t, hidePage, close),
    ),
    { role: 'region', 'aria-label': t('summaryTitle') },
  );
}

/**
 * The page summary in `root`, collapsed by default: a button, and the summary built only while it
 * is open. Returns `update` for newly read items.
 */
export function mountPagePanel(root: ShadowRoot | Element, initial: PagePanelProps): (next: PagePanelProps) => void {
  let props = initial;
  let open = false;
  const button = attrs(el('button', 'cl-badge'), { type: 'button' });
  const slot = el('span');
  const wrap = el('span', 'cl-summary', button, slot);
  const focused = () => (wrap.getRootNode() as Document | ShadowRoot).activeElement;
  const draw = () => {
    const { low, high } = range(props.items);
    const f = (n: number) => formatKg(n, props.locale);
    button.textContent = props.t('summaryButton', String(props.items.length), f(low), f(high));
    button.setAttribute('aria-expanded', String(open));
    // A redraw while the shopper is inside the summary keeps their place: the same link or button
    // (by position) gets the focus back.
    const inside = slot.firstElementChild;
    const at = inside ? [...inside.querySelectorAll('a,button')].indexOf(focused() as Element) : -1;
    slot.replaceChildren(...(open ? [pageSummary(props, () => setOpen(false))] : []));
    if (at >= 0) (slot.querySelectorAll('a,button')[at] as HTMLElement | undefined ?? button).focus();
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
