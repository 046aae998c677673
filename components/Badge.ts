import { formatKg, formatNumber, type Translate } from '@/lib/format';
import type { EstimateNote } from '@/lib/carbon/types';
import type { EstimateReplyItem, SuggestionReply } from '@/lib/messages';
import { attrs, button, el, link, panelFooter } from './dom';

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

/** An estimate's note in the UI's language: numbers in its format, masses in the display unit. */
export function noteText({ key, args }: EstimateNote, t: Translate, locale?: string): string {
  return t(
    `note_${key}`,
    ...args.map((a) =>
      typeof a === 'string' ? a : typeof a === 'number' ? formatNumber(a, locale, true) : 'kg' in a ? t('mass', formatKg(a.kg, locale)) : t(a.key),
    ),
  );
}

/** A stacked bar of the stages (Okabe-Ito colours, safe for colour-blind readers) with a text legend. */
function breakdown(parts: EstimateReplyItem['breakdown'], t: Translate, locale?: string): HTMLElement {
  const total = parts.reduce((s, p) => s + p.kg, 0) || 1;
  const bar = attrs(el('span', 'cl-bar'), { 'aria-hidden': 'true' });
  const legend = el('span', 'cl-legend');
  for (const p of parts) {
    const seg = el('span', `cl-seg cl-${p.stage}`);
    seg.style.width = `${(100 * p.kg) / total}%`;
    bar.append(seg);
    const dot = attrs(el('span', `cl-dot cl-${p.stage}`), { 'aria-hidden': 'true' });
    legend.append(el('span', '', dot, ` ${t(`stage_${p.stage}`)} ${t('mass', formatKg(p.kg, locale))} (${Math.round((100 * p.kg) / total)}%)`));
  }
  return el('span', 'cl-bd', bar, legend);
}

/**
 * The "why this number" panel of one badge, with its actions. `status` is the badge's last action,
 * kept while the panel is closed and opened again; the returned `show` redraws it in place.
 */
function badgePanel(props: BadgeProps, status: () => Status, setStatus: (s: Status) => void, close: () => void) {
  const { estimate: e, t, locale, actions } = props;
  const f = (n: number) => formatKg(n, locale);
  const busy: HTMLButtonElement[] = []; // disabled while an action is being recorded

  const act = async (event: MouseEvent, kind: ChoiceKind, suggestion?: SuggestionReply) => {
    if (!event.isTrusted || status().s === 'busy') return; // synthetic clicks never count
    setStatus({ s: 'busy' });
    const r = await actions.choose(kind, suggestion);
    setStatus(r.ok ? { s: 'done', id: r.id, kg: r.kg } : { s: 'error', message: r.error });
  };
  const undo = async (event: MouseEvent) => {
    const s = status();
    if (!event.isTrusted || s.s !== 'done') return;
    setStatus((await actions.undo(s.id)) ? { s: 'undone' } : { s: 'error', message: t('undoFailed') });
  };
  const action = (kind: ChoiceKind, text: string, suggestion?: SuggestionReply) => {
    const b = button('cl-action', text, (ev) => act(ev, kind, suggestion));
    if (kind !== 'switch') b.dataset['action'] = kind;
    busy.push(b);
    return b;
  };

  // The status line sits after the actions; an empty text node holds its place while there is none.
  let line: ChildNode = new Text('');
  const show = () => {
    const s = status();
    for (const b of busy) b.disabled = s.s === 'busy';
    const next: ChildNode =
      s.s === 'done'
        ? attrs(el('span', '', `${t('actionRecorded', f(s.kg))} `, button('cl-link', t('undo'), undo)), { role: 'status' })
        : s.s === 'undone'
          ? attrs(el('span', '', t('actionUndone')), { role: 'status' })
          : s.s === 'error'
            ? attrs(el('span', '', t('actionFailed', s.message)), { role: 'alert' })
            : new Text('');
    line.replaceWith(next);
    line = next;
  };

  const alts =
    e.suggestions.length > 0 &&
    el(
      'span',
      'cl-alts',
      el('strong', '', t('altTitle')),
      ...e.suggestions.map((s) =>
        el(
          'span',
          'cl-alt',
          s.url ? link(s.url, s.title ?? t(`alt_${s.kind}`)) : el('span', '', t(`alt_${s.kind}`)),
          el('span', '', t('altSaving', f(s.kg), String(Math.round(s.share * 100)), f(s.low), f(s.high))),
          s.kind === 'item' && s.chosen && action('switch', t('actionSwitch'), s),
        ),
      ),
    );
  const node = attrs(
    el(
      'span',
      'cl-panel',
      el('strong', '', t('panelTitle')),
      el('span', '', t('panelRange', f(e.low), f(e.high))),
      e.comparison && el('strong', '', t(`cmp_${e.comparison}`)),
      el('span', 'cl-actions', action('skip', t('actionSkip')), action('second_hand', t('actionSecondHand'))),
      line,
      el('span', '', t('panelTier', t(`tier${e.tier}`))),
      breakdown(e.breakdown, t, locale),
      el('span', '', t(`match_${e.categoryMatch.by}`, e.categoryName, e.categoryMatch.keyword ?? '')),
      ...e.notes.map((n) => el('span', 'cl-note', noteText(n, t, locale))),
      el('span', 'cl-sources', `${t('panelSources')}: ${e.sources.map((s) => `${s.title} (${s.year})`).join('; ')}`),
      el(
        'span',
        'cl-sources',
        `${t('panelMethod', e.methodVersion)} `,
        button('cl-link', t('panelMethodLink'), (ev) => ev.isTrusted && actions.openMethodology()),
      ),
      alts,
      panelFooter(t, actions.hidePage, close),
    ),
    { role: 'dialog', 'aria-label': t('panelTitle') },
  );
  show();
  return { node, show };
}

/**
 * One item's footprint in `root`: "≈ N kg CO₂e" (range on hover/focus, or always in detailed mode)
 * and, once opened, its panel. The panel is built only when the shopper opens it: a page may carry
 * 60 badges and most are never opened, so the page pays for 60 buttons, not 60 panels
 * (docs/BENCHMARKS.md, main-thread time).
 */
export function mountBadge(root: ShadowRoot | Element, props: BadgeProps): void {
  const { estimate: e, t, locale, detailed } = props;
  const kg = formatKg(e.kg, locale);
  const low = formatKg(e.low, locale);
  const high = formatKg(e.high, locale);
  const badge = attrs(el('button', `cl-badge cl-${e.tier}`), {
    type: 'button',
    'aria-expanded': 'false',
    'aria-label': t('badgeAccessibleName', kg, low, high),
  });
  badge.append(attrs(el('span', '', `${t('badgeApprox', kg)} `, el('span', 'cl-range', `(${t('badgeRange', low, high)})`)), { 'aria-hidden': 'true' }));
  const slot = el('span');
  const wrap = el('span', detailed ? 'cl-root cl-detailed' : 'cl-root', badge, slot);

  let status: Status = { s: 'idle' };
  let panel: { node: HTMLElement; show: () => void } | null = null;
  const setOpen = (open: boolean) => {
    badge.setAttribute('aria-expanded', String(open));
    // Closing from inside the panel (Escape, "close") returns focus to the badge, not the page.
    if (!open && panel?.node.contains((wrap.getRootNode() as Document | ShadowRoot).activeElement)) badge.focus();
    panel = open
      ? badgePanel(
          props,
          () => status,
          (s) => {
            status = s;
            panel?.show();
          },
          () => setOpen(false),
        )
      : null;
    slot.replaceChildren(...(panel ? [panel.node] : []));
  };
  wrap.addEventListener('click', contain);
  wrap.addEventListener('keydown', (k) => {
    if (k.key === 'Escape' && panel) setOpen(false);
  });
  badge.addEventListener('click', () => setOpen(!panel));
  root.append(wrap);
}
