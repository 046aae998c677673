import { describe, expect, it } from 'vitest';
import { addWeeks, isoWeek, isValidIsoWeek, parseIsoWeek, weekStart } from '@/lib/share';

const utc = (y: number, m: number, d: number, h = 0): number => Date.UTC(y, m - 1, d, h);

describe('ISO weeks (UTC)', () => {
  it.each([
    [utc(2026, 11, 26), '2026-W48'],
    [utc(2026, 11, 23), '2026-W48'], // Monday
    [utc(2026, 11, 29, 23), '2026-W48'], // Sunday night
    [utc(2026, 11, 30), '2026-W49'],
    [utc(2021, 1, 3), '2020-W53'],
    [utc(2020, 12, 31), '2020-W53'],
    [utc(2024, 12, 30), '2025-W01'],
    [utc(2027, 1, 1), '2026-W53'],
    [utc(2027, 1, 4), '2027-W01'],
  ])('isoWeek(%s) = %s', (t, week) => {
    expect(isoWeek(t)).toBe(week);
    expect(isoWeek(new Date(t))).toBe(week);
  });

  it('knows which years have 53 weeks', () => {
    expect(isValidIsoWeek('2020-W53')).toBe(true);
    expect(isValidIsoWeek('2026-W53')).toBe(true);
    expect(isValidIsoWeek('2025-W53')).toBe(false);
    for (const bad of ['2026-W00', '2026-W54', '2026-w10', '2026W10', '26-W10', '2026-W1', ' 2026-W10']) {
      expect(isValidIsoWeek(bad)).toBe(false);
    }
    expect(parseIsoWeek('2026-W48')).toEqual({ year: 2026, week: 48 });
  });

  it('starts weeks on Monday 00:00 UTC and round-trips', () => {
    expect(weekStart('2026-W48')).toBe(utc(2026, 11, 23));
    expect(weekStart('2020-W53')).toBe(utc(2020, 12, 28));
    expect(weekStart('2025-W01')).toBe(utc(2024, 12, 30));
    for (let t = utc(2019, 1, 1); t < utc(2031, 1, 1); t += 5 * 86_400_000 + 3_600_000) {
      const w = isoWeek(t);
      expect(weekStart(w)).toBeLessThanOrEqual(t);
      expect(t - weekStart(w)).toBeLessThan(7 * 86_400_000);
    }
  });

  it('adds weeks across years', () => {
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(addWeeks('2021-W01', -1)).toBe('2020-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
  });
});
