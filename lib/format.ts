/** Number formatting shared by every UI: two significant digits is as precise as the method is. */
import NUMBER_FORMATS from './number-formats.json';

const STYLES = NUMBER_FORMATS as Record<string, string>;

/**
 * How a locale writes numbers (the exact Chrome UI locale, else its language, else en): decimal
 * mark, grouping separator, minimum grouping digits, Indian grouping, negative prefix.
 */
function styleOf(locale: string | undefined): Style {
  const l = locale ?? '';
  if (l === lastLocale && lastStyle) return lastStyle; // a page formats hundreds of numbers in one locale
  const [decimal = '.', group = ',', min = '1', indian = '0', ...minus] = STYLES[l] ?? STYLES[l.split(/[-_]/)[0]!] ?? STYLES.en!;
  lastLocale = l;
  return (lastStyle = [decimal, group, Number(min), indian === '1', minus.join('')]);
}
type Style = [string, string, number, boolean, string];
let lastLocale = '';
let lastStyle: Style | null = null;

/** `v` (> 0, finite) rounded half away from zero to `sig` significant digits, as decimal text. */
function significant(v: number, sig: number): string {
  // The shortest decimal form ("1.5e-1" for 0.15), shifted through its exponent, is rounded as
  // written and not as its binary neighbour, as Intl does: 0.15 -> 0.2 at one digit, 1.25 -> 1.3.
  const [mantissa, exp] = v.toExponential().split('e') as [string, string];
  const e = Number(exp);
  const k = sig - 1 - e;
  const rounded = Number(`${Math.round(Number(`${mantissa}e${sig - 1}`))}e${-k}`);
  return k > 0 ? rounded.toFixed(Math.min(k, 100)).replace(/\.?0+$/, '') : rounded.toFixed(0);
}

/**
 * Formats like Intl.NumberFormat(locale, { maximumFractionDigits: 0 }) when `whole`, else
 * { maximumSignificantDigits: 2 }, with Latin digits: same output (test/unit/format.test.ts),
 * without ICU, whose first use in a page costs 12-37 ms (scripts/build-number-formats.ts).
 * Checked for 1e-9 <= |value| < 1e15, which holds every footprint and total the extension shows.
 */
export function formatNumber(value: number, locale: string | undefined, whole: boolean): string {
  if (Number.isNaN(value)) return 'NaN';
  const [decimal, group, minGrouping, indian, minus] = styleOf(locale);
  const abs = Math.abs(value);
  const sign = value < 0 || Object.is(value, -0) ? minus : '';
  if (abs === Infinity) return `${sign}∞`;
  const text = abs === 0 ? '0' : whole ? Math.round(abs).toFixed(0) : significant(abs, 2);
  const [int = '0', frac] = text.split('.');
  let grouped = int;
  if (int.length >= 4 + minGrouping - 1) {
    const head = int.slice(0, -3);
    const step = indian ? 2 : 3;
    const groups: string[] = [int.slice(-3)];
    for (let end = head.length; end > 0; end -= step) groups.unshift(head.slice(Math.max(0, end - step), end));
    grouped = groups.join(group);
  }
  return sign + grouped + (frac ? decimal + frac : '');
}

export type MassUnit = 'kg' | 'lb';
const LB_PER_KG = 2.2046226218;

/**
 * The display unit for footprints (the shopper's setting). Estimates and the ledger are always
 * kg; only what is shown converts. Set by each entrypoint once it has read the settings.
 */
let massUnit: MassUnit = 'kg';
export function setMassUnit(unit: MassUnit): void {
  massUnit = unit === 'lb' ? 'lb' : 'kg';
}
export function getMassUnit(): MassUnit {
  return massUnit;
}

/** A footprint in the display unit, formatted for the locale (`kg` is always kilograms). */
export function formatKg(kg: number, locale?: string): string {
  const value = massUnit === 'lb' ? kg * LB_PER_KG : kg;
  return formatNumber(value, locale, Math.abs(value) >= 100);
}

export type Translate = (key: string, ...subs: string[]) => string;
