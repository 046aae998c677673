/** Number formatting shared by every UI: two significant digits is as precise as the method is. */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatKg(kg: number, locale?: string): string {
  const whole = kg >= 100;
  const key = `${locale ?? ''}|${whole}`;
  // Building an Intl.NumberFormat costs far more than using one: one per locale and style.
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, whole ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 2 });
    formatters.set(key, f);
  }
  return f.format(kg);
}

export type Translate = (key: string, ...subs: string[]) => string;
