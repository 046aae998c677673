import { useState } from 'preact/hooks';
import { formatKg, type Translate } from '@/lib/format';
import type { EstimateReplyItem } from '@/lib/messages';
import { badgeCss } from './badge-css';

export type ActionState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; kg: number } | { state: 'error'; message: string };

export interface BadgeProps {
  estimate: EstimateReplyItem;
  t: Translate;
  locale?: string;
  /** Called only for trusted user events; resolves with the reduction recorded. */
  onSkip: () => Promise<{ ok: true; kg: number } | { ok: false; error: string }>;
}

/** One item's footprint: compact "≈ N kg CO₂e" with its range, opening a small panel. */
export function Badge({ estimate, t, locale, onSkip }: BadgeProps) {
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<ActionState>({ state: 'idle' });
  const kg = formatKg(estimate.kg, locale);
  const low = formatKg(estimate.low, locale);
  const high = formatKg(estimate.high, locale);

  const skip = async (event: MouseEvent) => {
    if (!event.isTrusted || action.state === 'busy') return; // synthetic clicks never count
    setAction({ state: 'busy' });
    const result = await onSkip();
    setAction(result.ok ? { state: 'done', kg: result.kg } : { state: 'error', message: result.error });
  };

  return (
    <span class="cl-root">
      <style>{badgeCss}</style>
      <button
        type="button"
        class="cl-badge"
        aria-expanded={open}
        aria-label={t('badgeAccessibleName', kg, low, high)}
        onClick={() => setOpen(!open)}
      >
        <span class="cl-leaf" aria-hidden="true">●</span> {t('badgeApprox', kg)}{' '}
        <span class="cl-range">({t('badgeRange', low, high)})</span>
      </button>
      {open && (
        <span class="cl-panel" role="dialog" aria-label={t('panelTitle')}>
          <strong>{t('panelTitle')}</strong>
          <span>{t('panelRange', low, high)}</span>
          <span>{t('panelTier', t(`tier${estimate.tier}`))}</span>
          <span class="cl-sources">
            {t('panelSources')}: {estimate.sources.map((s) => `${s.title} (${s.year})`).join('; ')}
          </span>
          <span class="cl-actions">
            <button type="button" class="cl-action" data-action="skip" disabled={action.state === 'busy'} onClick={skip}>
              {t('actionSkip')}
            </button>
            <button type="button" class="cl-close" onClick={() => setOpen(false)}>
              {t('close')}
            </button>
          </span>
          {action.state === 'done' && <span role="status">{t('actionRecorded', formatKg(action.kg, locale))}</span>}
          {action.state === 'error' && <span role="alert">{t('actionFailed', action.message)}</span>}
        </span>
      )}
    </span>
  );
}
