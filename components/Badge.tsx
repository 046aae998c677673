import { Component } from 'preact';
import { formatKg, type Translate } from '@/lib/format';
import type { EstimateReplyItem, SuggestionReply } from '@/lib/messages';
import { Breakdown } from './Breakdown';
import { PanelFooter } from './PanelFooter';

export type ChoiceKind = 'skip' | 'second_hand' | 'switch';
export type ActionResult = { ok: true; id: string; kg: number } | { ok: false; error: string };

export interface BadgeActions {
  /** Called only for trusted user events. */
  choose: (kind: ChoiceKind, suggestion?: SuggestionReply) => Promise<ActionResult>;
  undo: (id: string) => Promise<boolean>;
  hidePage: () => void;
  openMethodology: () => void;
}

export interface BadgeProps {
  estimate: EstimateReplyItem;
  t: Translate;
  locale?: string;
  detailed: boolean;
  actions: BadgeActions;
}

type Status = { s: 'idle' } | { s: 'busy' } | { s: 'done'; id: string; kg: number } | { s: 'undone' } | { s: 'error'; message: string };

/** Keeps our clicks from following a link the badge sits in (tiles are often links). */
function contain(e: MouseEvent) {
  e.stopPropagation();
  if (!(e.target as Element).closest?.('a')) e.preventDefault();
}

interface BadgeState {
  open: boolean;
  status: Status;
}

/**
 * One item's footprint: "≈ N kg CO₂e" (range on hover/focus or always in detailed mode) and its
 * panel. A class component: the content script stays free of preact/hooks (about 1 KB gzip).
 */
export class Badge extends Component<BadgeProps, BadgeState> {
  override state: BadgeState = { open: false, status: { s: 'idle' } };

  override render({ estimate: e, t, locale, detailed, actions }: BadgeProps, { open, status }: BadgeState) {
    const setOpen = (value: boolean) => this.setState({ open: value });
    const setStatus = (value: Status) => this.setState({ status: value });
    const f = (n: number) => formatKg(n, locale);
    const kg = f(e.kg);
    const low = f(e.low);
    const high = f(e.high);

    const act = async (event: MouseEvent, kind: ChoiceKind, suggestion?: SuggestionReply) => {
      if (!event.isTrusted || status.s === 'busy') return; // synthetic clicks never count
      setStatus({ s: 'busy' });
      const r = await actions.choose(kind, suggestion);
      setStatus(r.ok ? { s: 'done', id: r.id, kg: r.kg } : { s: 'error', message: r.error });
    };
    const undo = async (event: MouseEvent) => {
      if (!event.isTrusted || status.s !== 'done') return;
      setStatus((await actions.undo(status.id)) ? { s: 'undone' } : { s: 'error', message: t('undoFailed') });
    };
    const trusted = (fn: () => void) => (event: MouseEvent) => event.isTrusted && fn();

    return (
      <span class={`cl-root${detailed ? ' cl-detailed' : ''}`} onClick={contain} onKeyDown={(k) => k.key === 'Escape' && setOpen(false)}>
        <button type="button" class={`cl-badge cl-${e.tier}`} aria-expanded={open} aria-label={t('badgeAccessibleName', kg, low, high)} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">
            {t('badgeApprox', kg)} <span class="cl-range">({t('badgeRange', low, high)})</span>
          </span>
        </button>
        {open && (
          <span class="cl-panel" role="dialog" aria-label={t('panelTitle')}>
            <strong>{t('panelTitle')}</strong>
            <span>{t('panelRange', low, high)}</span>
            {e.comparison && <strong>{t(`cmp_${e.comparison}`)}</strong>}
            <span class="cl-actions">
              <button type="button" class="cl-action" data-action="skip" disabled={status.s === 'busy'} onClick={(ev) => act(ev, 'skip')}>
                {t('actionSkip')}
              </button>
              <button type="button" class="cl-action" data-action="second_hand" disabled={status.s === 'busy'} onClick={(ev) => act(ev, 'second_hand')}>
                {t('actionSecondHand')}
              </button>
            </span>
            {status.s === 'done' && (
              <span role="status">
                {t('actionRecorded', f(status.kg))}{' '}
                <button type="button" class="cl-link" onClick={undo}>
                  {t('undo')}
                </button>
              </span>
            )}
            {status.s === 'undone' && <span role="status">{t('actionUndone')}</span>}
            {status.s === 'error' && <span role="alert">{t('actionFailed', status.message)}</span>}
            <span>{t('panelTier', t(`tier${e.tier}`))}</span>
            <Breakdown parts={e.breakdown} t={t} locale={locale} />
            <span>{t(`match_${e.categoryMatch.by}`, e.categoryName, e.categoryMatch.keyword ?? '')}</span>
            {e.notes.map((n) => (
              <span class="cl-note" key={n}>
                {n}
              </span>
            ))}
            <span class="cl-sources">
              {t('panelSources')}: {e.sources.map((s) => `${s.title} (${s.year})`).join('; ')}
            </span>
            <span class="cl-sources">
              {t('panelMethod', e.methodVersion)}{' '}
              <button type="button" class="cl-link" onClick={trusted(actions.openMethodology)}>
                {t('panelMethodLink')}
              </button>
            </span>
            {e.suggestions.length > 0 && (
              <span class="cl-alts">
                <strong>{t('altTitle')}</strong>
                {e.suggestions.map((s, i) => (
                  <span class="cl-alt" key={i}>
                    {s.url ? (
                      <a href={s.url} target="_top" rel="noopener noreferrer">
                        {s.title ?? t(`alt_${s.kind}`)}
                      </a>
                    ) : (
                      <span>{t(`alt_${s.kind}`)}</span>
                    )}
                    <span>{t('altSaving', f(s.kg), String(Math.round(s.share * 100)), f(s.low), f(s.high))}</span>
                    {s.kind === 'item' && s.chosen && (
                      <button type="button" class="cl-action" disabled={status.s === 'busy'} onClick={(ev) => act(ev, 'switch', s)}>
                        {t('actionSwitch')}
                      </button>
                    )}
                  </span>
                ))}
              </span>
            )}
            <PanelFooter t={t} hidePage={actions.hidePage} close={() => setOpen(false)} />
          </span>
        )}
      </span>
    );
  }
}
