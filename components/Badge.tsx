import { Component, render } from 'preact';
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

/** The panel's own state: the last action, kept while the panel is closed and opened again. */
interface PanelState {
  status: Status;
}

interface PanelProps extends BadgeProps {
  open: boolean;
  close: () => void;
}

/** The "why this number" panel of one badge, with its actions; rendered only once it is opened. */
export class BadgePanel extends Component<PanelProps, PanelState> {
  override state: PanelState = { status: { s: 'idle' } };

  override render({ estimate: e, t, locale, actions, open, close }: PanelProps, { status }: PanelState) {
    if (!open) return null;
    const setStatus = (value: Status) => this.setState({ status: value });
    const f = (n: number) => formatKg(n, locale);
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
      <PanelFooter t={t} hidePage={actions.hidePage} close={close} />
    </span>
    );
  }
}

/** An element with a class, made with the DOM API (text only ever goes in through text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * One item's footprint in `root`: "≈ N kg CO₂e" (range on hover/focus, or always in detailed mode)
 * and, once opened, its panel. The collapsed badge is built with the DOM API and the panel with
 * preact only when the shopper opens it: a page may carry 60 badges and most are never opened, so
 * the page pays for 60 buttons, not 60 component trees (docs/BENCHMARKS.md, main-thread time).
 */
export function mountBadge(root: ShadowRoot | Element, props: BadgeProps): void {
  const { estimate: e, t, locale, detailed } = props;
  const kg = formatKg(e.kg, locale);
  const low = formatKg(e.low, locale);
  const high = formatKg(e.high, locale);
  const wrap = el('span', detailed ? 'cl-root cl-detailed' : 'cl-root');
  const button = el('button', `cl-badge cl-${e.tier}`);
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', t('badgeAccessibleName', kg, low, high));
  const label = el('span');
  label.setAttribute('aria-hidden', 'true');
  label.append(`${t('badgeApprox', kg)} `, el('span', 'cl-range', `(${t('badgeRange', low, high)})`));
  button.append(label);
  const slot = el('span');
  wrap.append(button, slot);

  let open = false;
  const setOpen = (value: boolean) => {
    open = value;
    button.setAttribute('aria-expanded', String(value));
    render(<BadgePanel {...props} open={value} close={() => setOpen(false)} />, slot);
  };
  wrap.addEventListener('click', contain);
  wrap.addEventListener('keydown', (k) => {
    if (k.key === 'Escape' && open) setOpen(false);
  });
  button.addEventListener('click', () => setOpen(!open));
  root.append(wrap);
}
