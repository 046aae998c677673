/** Number formatting shared by every UI: two significant digits is as precise as the method is. */
const formatters = new Map<string, Intl.NumberFormat>();

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
  const whole = value >= 100;
  const key = `${locale ?? ''}|${whole}`;
  // Building an Intl.NumberFormat costs far more than using one: one per locale and style.
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, whole ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 2 });
    formatters.set(key, f);
  }
  return f.format(value);
}

export type Translate = (key: string, ...subs: string[]) => string;
