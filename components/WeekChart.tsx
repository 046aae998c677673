import { formatKg, type Translate } from '@/lib/format';

export interface WeekChartProps {
  weeks: { start: string; kg: number; low: number; high: number }[];
  label: string;
  locale?: string;
  t: Translate;
}

/** Reductions per week as plain SVG bars with range whiskers; a table twin for screen readers. */
export function WeekChart({ weeks, label, locale, t }: WeekChartProps) {
  const W = 300;
  const H = 90;
  const max = Math.max(1e-9, ...weeks.map((w) => w.high));
  const bw = W / weeks.length;
  const y = (v: number) => H - (v / max) * (H - 12);
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H + 14}`} width="100%" role="img" aria-label={label}>
        {weeks.map((w, i) => (
          <g key={w.start}>
            <rect x={i * bw + 3} y={y(w.kg)} width={bw - 6} height={H - y(w.kg)} class="bar" />
            {w.high > w.low && <line x1={i * bw + bw / 2} x2={i * bw + bw / 2} y1={y(w.high)} y2={y(w.low)} class="whisker" />}
          </g>
        ))}
        <line x1="0" x2={W} y1={H} y2={H} class="axis" />
        <text x="0" y={H + 12} class="tick">{day.format(new Date(weeks[0]?.start ?? 0))}</text>
        <text x={W} y={H + 12} class="tick" text-anchor="end">{day.format(new Date(weeks.at(-1)?.start ?? 0))}</text>
      </svg>
      <table class="sr-only">
        <caption>{label}</caption>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start}>
              <th scope="row">{day.format(new Date(w.start))}</th>
              <td>{t('mass', formatKg(w.kg, locale))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
