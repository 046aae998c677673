/** Totals for the popup: by period, by choice kind, by category, and per week for the chart. */
import type { ChoiceKind, ChoiceRecord } from './schema';
import { contribution } from './day-totals';

export interface Amount {
  choices: number;
  kg: number;
  low: number;
  high: number;
}

export interface Summary {
  week: Amount;
  month: Amount;
  year: Amount;
  all: Amount;
  byKind: Record<ChoiceKind, Amount>;
  byCategory: { categoryId: string; amount: Amount }[];
  /** The last 12 weeks (Monday-based, UTC), oldest first; `start` is the Monday, YYYY-MM-DD. */
  perWeek: { start: string; amount: Amount }[];
}

const zero = (): Amount => ({ choices: 0, kg: 0, low: 0, high: 0 });

function add(a: Amount, r: ChoiceRecord): void {
  const c = contribution(r);
  a.choices += c.choices;
  a.kg += c.kg;
  a.low += c.low;
  a.high += c.high;
}

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week holding `ms`. */
export function weekStart(ms: number): number {
  const d = new Date(ms);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return midnight - ((d.getUTCDay() + 6) % 7) * DAY_MS;
}

export function summarise(choices: readonly ChoiceRecord[], now: number): Summary {
  const today = new Date(now);
  const weekFrom = new Date(weekStart(now)).toISOString().slice(0, 10);
  const monthPrefix = today.toISOString().slice(0, 7);
  const yearPrefix = today.toISOString().slice(0, 4);
  const s: Summary = {
    week: zero(),
    month: zero(),
    year: zero(),
    all: zero(),
    byKind: { skip: zero(), switch: zero(), second_hand: zero(), shipping: zero() },
    byCategory: [],
    perWeek: [],
  };
  const weeks = new Map<string, Amount>();
  const first = weekStart(now) - 11 * 7 * DAY_MS;
  for (let w = 0; w < 12; w++) weeks.set(new Date(first + w * 7 * DAY_MS).toISOString().slice(0, 10), zero());
  const categories = new Map<string, Amount>();

  for (const r of choices) {
    add(s.all, r);
    if (r.day.startsWith(yearPrefix)) add(s.year, r);
    if (r.day.startsWith(monthPrefix)) add(s.month, r);
    if (r.day >= weekFrom) add(s.week, r);
    add(s.byKind[r.kind], r);
    const cat = categories.get(r.categoryId) ?? zero();
    add(cat, r);
    categories.set(r.categoryId, cat);
    const wk = weeks.get(new Date(weekStart(Date.parse(r.day))).toISOString().slice(0, 10));
    if (wk) add(wk, r);
  }
  s.byCategory = [...categories].map(([categoryId, amount]) => ({ categoryId, amount })).sort((a, b) => b.amount.kg - a.amount.kg);
  s.perWeek = [...weeks].map(([start, amount]) => ({ start, amount }));
  return s;
}
