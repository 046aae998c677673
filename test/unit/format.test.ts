import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatKg, formatNumber } from '@/lib/format';
import { buildNumberFormats, CHROME_UI_LOCALES } from '../../scripts/build-number-formats';

/** What the formatter replaces: Intl.NumberFormat with Latin digits. */
const intl = (v: number, locale: string, whole: boolean) =>
  new Intl.NumberFormat(locale, whole ? { maximumFractionDigits: 0, numberingSystem: 'latn' } : { maximumSignificantDigits: 2, numberingSystem: 'latn' }).format(v);

describe('formatNumber (ICU-free, table from CLDR)', () => {
  it('lib/number-formats.json is what scripts/build-number-formats.ts makes now', () => {
    expect(JSON.parse(readFileSync('lib/number-formats.json', 'utf8'))).toEqual(buildNumberFormats());
  });

  it('writes numbers as Intl.NumberFormat does, for every Chrome UI locale and 1e-9 <= |v| < 1e15 (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHROME_UI_LOCALES),
        fc.oneof(fc.double({ min: -1e15, max: 1e15, noNaN: true }).filter((v) => v === 0 || Math.abs(v) >= 1e-9), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: 1e-9, max: 1e3, noNaN: true })),
        fc.boolean(),
        (locale, v, whole) => {
          expect(formatNumber(v, locale, whole)).toBe(intl(v, locale, whole));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('rounds the decimal as written, half away from zero, and the edges', () => {
    for (const [v, whole] of [[0.15, false], [0.25, false], [1.25, false], [1.35, false], [2.5, true], [-2.5, true], [9.96, false], [99.96, false], [0.995, false], [0, false], [-0, true], [1e-8, false], [Infinity, true], [-Infinity, false]] as const) {
      for (const locale of ['en', 'vi', 'zh-CN', 'fr', 'hi', 'es', 'ar', 'sv']) expect(formatNumber(v, locale, whole)).toBe(intl(v, locale, whole));
    }
  });

  it('falls back to the language, then English, for locales Chrome does not ship', () => {
    expect(formatNumber(1234.5, 'de-AT', true)).toBe('1.235');
    expect(formatNumber(1.25, 'vi-VN', false)).toBe('1,3');
    expect(formatNumber(1234.5, 'xx-YY', true)).toBe('1,235');
    expect(formatNumber(1234.5, undefined, true)).toBe('1,235');
  });

  it('formatKg: two significant digits below 100, whole numbers from 100', () => {
    expect(formatKg(12.345, 'en')).toBe('12');
    expect(formatKg(99.5, 'en')).toBe('100');
    expect(formatKg(100.4, 'en')).toBe('100');
    expect(formatKg(-1234.5, 'vi')).toBe('-1.235');
  });
});
