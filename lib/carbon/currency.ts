/** Price -> 2022 USD, ex-tax (for the EPA spend factors). */
import { FACTORS } from './data';

/**
 * Statutory standard VAT/GST rates by currency area (OECD Consumption Tax Trends 2024 and national
 * law). Marketplace prices in these areas are shown tax-inclusive; US, Canadian and Hong Kong
 * prices are shown before sales tax (or there is none), so they map to 0 (CAD: federal GST is added
 * at checkout). EUR uses 20%, the most common standard rate in the euro area (17-27% by country).
 */
export const VAT_BY_CURRENCY: Readonly<Record<string, number>> = {
  USD: 0, CAD: 0, HKD: 0,
  VND: 0.1, CNY: 0.13, PHP: 0.12, THB: 0.07, IDR: 0.11, MYR: 0.1, SGD: 0.09, JPY: 0.1, KRW: 0.1,
  INR: 0.18, GBP: 0.2, EUR: 0.2, MXN: 0.16, AUD: 0.1, NZD: 0.15, ILS: 0.17, RUB: 0.2, BRL: 0.17,
  CHF: 0.081, SEK: 0.25, NOK: 0.25, DKK: 0.25, PLN: 0.23, CZK: 0.21, HUF: 0.27, RON: 0.19, TRY: 0.2,
  ZAR: 0.15, BGN: 0.2, ISK: 0.24,
};

export interface UsdPrice {
  /** Price in 2022 US dollars, excluding VAT/GST. */
  usd2022: number;
  /** Units of the currency per USD that were used, and as of when. */
  perUsd: number;
  asOf: string;
  fxSource: string;
  vat: number;
}

const cpiCache = new Map<string, number>();
/** CPI multiplier to 2022 USD for the rate's year (latest year when the rate has no date). */
function cpiFor(asOf: string): number {
  let v = cpiCache.get(asOf);
  if (v === undefined) {
    const year = /^\d{4}/.exec(asOf)?.[0];
    v = (year && FACTORS.cpiToUsd2022[year]) || FACTORS.cpiToUsd2022['2025'] || 1;
    cpiCache.set(asOf, v);
  }
  return v;
}

/** Null when the currency is not in the rate table or the price is not a usable number. */
export function toUsd2022ExTax(price: unknown, currency: unknown): UsdPrice | null {
  if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) return null;
  const cur = typeof currency === 'string' && currency.trim() ? currency.trim().toUpperCase() : 'USD';
  const fx = FACTORS.fx[cur];
  if (!fx) return null;
  const usd = price / fx.perUsd;
  const cpi = cpiFor(fx.asOf);
  const vat = VAT_BY_CURRENCY[cur] ?? 0;
  const usd2022 = (usd * cpi) / (1 + vat);
  if (!Number.isFinite(usd2022) || usd2022 <= 0 || usd2022 > 1e8) return null;
  return { usd2022, perUsd: fx.perUsd, asOf: fx.asOf, fxSource: fx.source, vat };
}
