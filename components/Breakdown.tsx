import { formatKg, type Translate } from '@/lib/format';

type Part = { stage: 'production' | 'shipping' | 'packaging' | 'use'; kg: number };

/** A stacked bar of the stages (Okabe-Ito colours, safe for colour-blind readers) with a text legend. */
export function Breakdown({ parts, t, locale }: { parts: Part[]; t: Translate; locale?: string }) {
  const total = parts.reduce((s, p) => s + p.kg, 0) || 1;
  return (
    <span class="cl-bd">
      <span class="cl-bar" aria-hidden="true">
        {parts.map((p) => (
          <span key={p.stage} class={`cl-seg cl-${p.stage}`} style={{ width: `${(100 * p.kg) / total}%` }} />
        ))}
      </span>
      <span class="cl-legend">
        {parts.map((p) => (
          <span key={p.stage}>
            <span class={`cl-dot cl-${p.stage}`} aria-hidden="true" /> {t(`stage_${p.stage}`)} {t('mass', formatKg(p.kg, locale))} ({Math.round((100 * p.kg) / total)}%)
          </span>
        ))}
      </span>
    </span>
  );
}
