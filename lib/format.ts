/** Number formatting shared by every UI: two significant digits is as precise as the method is. */
export function formatKg(kg: number, locale?: string): string {
  const digits = kg >= 100 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 2 };
  return new Intl.NumberFormat(locale, digits).format(kg);
}

export type Translate = (key: string, ...subs: string[]) => string;
