import type { ChoiceRecord, DayTotal } from './schema';

export const emptyDay = (day: string): DayTotal => ({ day, choices: 0, kg: 0, low: 0, high: 0 });

/** A choice's contribution to its day total: credited kg, and its range scaled alike. */
export function contribution(r: ChoiceRecord): Omit<DayTotal, 'day'> {
  const f = r.kg > 0 ? r.credited / r.kg : 0;
  return { choices: 1, kg: r.credited, low: r.low * f, high: r.high * f };
}

export function addTo(total: DayTotal, c: Omit<DayTotal, 'day'>, sign: 1 | -1 = 1): DayTotal {
  const fix = (n: number) => (Math.abs(n) < 1e-9 ? 0 : n); // no -0.0000001 after an undo
  return {
    day: total.day,
    choices: total.choices + sign * c.choices,
    kg: fix(total.kg + sign * c.kg),
    low: fix(total.low + sign * c.low),
    high: fix(total.high + sign * c.high),
  };
}

export function dayTotalOf(day: string, records: readonly ChoiceRecord[]): DayTotal {
  return records.reduce((t, r) => addTo(t, contribution(r)), emptyDay(day));
}
