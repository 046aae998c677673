import { Component } from 'preact';
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

/** The page summary: how many items were read, their range, the greenest options. Collapsed by default. */
export class PagePanel extends Component<PagePanelProps, { open: boolean }> {
  override state = { open: false };

  override render({ items, unanchored, t, locale, hidePage }: PagePanelProps, { open }: { open: boolean }) {
    const setOpen = (value: boolean) => this.setState({ open: value });
    const f = (n: number) => formatKg(n, locale);
    const low = Math.min(...items.map((i) => i.low));
    const high = Math.max(...items.map((i) => i.high));
    const greenest = [...items].sort((a, b) => a.kg - b.kg).slice(0, 3);
    return (
      <span class="cl-summary">
        <button type="button" class="cl-badge" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('summaryButton', String(items.length), f(low), f(high))}
        </button>
        {open && (
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
            <PanelFooter t={t} hidePage={hidePage} close={() => setOpen(false)} />
          </span>
        )}
      </span>
    );
  }
}
