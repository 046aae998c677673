/**
 * ISO 8601 weeks ("2026-W48"), always computed in UTC so that every client and the collector
 * agree on where a week starts (Monday 00:00 UTC) whatever their time zone.
 */
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

export function isoWeek(date: Date | number): string {
  const t = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('isoWeek: invalid date');
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = day + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK_MS);
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

function weeksInYear(year: number): number {
  // 28 December is always in the last ISO week of its year.
  return Number(isoWeek(Date.UTC(year, 11, 28)).slice(6));
}

export function parseIsoWeek(week: string): { year: number; week: number } | null {
  const m = WEEK_RE.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const w = Number(m[2]);
  if (year < 1970 || w < 1 || w > weeksInYear(year)) return null;
  return { year, week: w };
}

export function isValidIsoWeek(week: string): boolean {
  return parseIsoWeek(week) !== null;
}

/** Monday 00:00 UTC of the week, in ms since the epoch. */
export function weekStart(week: string): number {
  const parsed = parseIsoWeek(week);
  if (!parsed) throw new RangeError(`not an ISO week: ${week}`);
  const jan4 = Date.UTC(parsed.year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return mondayOfWeek1 + (parsed.week - 1) * WEEK_MS;
}

export function addWeeks(week: string, n: number): string {
  return isoWeek(weekStart(week) + n * WEEK_MS);
}
