/**
 * Price parsing for every marketplace locale. Symbols are mapped by the site's country (a bare
 * "$" on shopee.sg is SGD, a bare "¥" on taobao is CNY), numbers by their own separators
 * ("1.499,99", "40.000 ₫", "₹1,499", "17,04 €"). A range keeps its low end and its high end.
 */
import { table } from './dom';

export interface ParsedPrice {
  /** Low end when the text is a range. */
  price: number;
  /** High end of a range, else null. */
  priceMax: number | null;
  /** ISO 4217, null when neither the text nor the site says. */
  currency: string | null;
}

/** Currencies with no minor unit: every separator in their prices groups thousands. */
const NO_DECIMALS = new Set(['VND', 'IDR', 'JPY', 'KRW', 'CLP', 'COP', 'TWD', 'HUF', 'PYG', 'UGX']);

/** Host suffix -> the currency the site prices in (checked in order; no listed suffix ends another). */
const HOST_CURRENCY = table(
  'VND:.vn|PHP:.ph|IDR:.co.id|THB:.co.th|MYR:.com.my|SGD:.sg|TWD:.tw|BRL:.com.br|CLP:.cl|COP:.com.co|MXN:.com.mx|' +
    'CAD:.ca|GBP:.co.uk|EUR:.de,.fr,.it,.es,.nl,.at,.be,.ie|CHF:.ch|SEK:.se|PLN:.pl|TRY:.com.tr|INR:.in|JPY:.co.jp|' +
    'AUD:.com.au|AED:.ae|SAR:.sa|EGP:.eg|HKD:.com.hk|CNY:taobao.com,tmall.com,jd.com|USD:amazon.com,ebay.com,walmart.com',
);

/** The currency a site prices in by default, from its host name; null when it varies (etsy, aliexpress). */
export function hostCurrency(hostname: string): string | null {
  // A page asks about one host for every price on it: remember the last answer.
  if (hostname === lastHost) return lastCurrency;
  const host = hostname.toLowerCase();
  let found: string | null = null;
  if (!/(^|\.)(aliexpress|alibaba|etsy)\./.test(host)) {
    for (const [suffix, cur] of HOST_CURRENCY) {
      if (host.endsWith(suffix)) {
        found = cur;
        break;
      }
    }
  }
  lastHost = hostname;
  lastCurrency = found;
  return found;
}
let lastHost: string | null = null;
let lastCurrency: string | null = null;

const CHINESE_HOST = /(^|\.)(taobao|tmall|jd|1688|alibaba|aliexpress)\.|\.cn$/;

/**
 * Symbols by currency, each currency's ISO code being one of its symbols too; groups in order,
 * so "US $" wins over "S$", "£" over "E£" (as before), "GH₵" over "₵".
 */
export const SYMBOLS = table(
  'USD:US $,US$|CAD:C $,CA$,C$|AUD:AU $,AU$,A$|NZD:NZ$|SGD:S$|HKD:HK$|MXN:MX$|BRL:R$|TWD:NT$|GHS:GH₵|CNY:CN¥,RMB,元|' +
    'JPY:JP¥,円|VND:VNĐ,₫|PHP:₱|INR:₹,Rs.|EUR:€|GBP:£|MYR:RM|IDR:Rp|THB:฿|KRW:₩|TRY:₺,TL|PLN:zł|SEK:kr|CHF:CHF|' +
    'AED:د.إ|SAR:ر.س|EGP:E£,ج.م|NGN:₦|UAH:₴|RUB:₽,руб',
).flatMap(([sym, cur], i, all): [string, string][] => (all[i - 1]?.[1] === cur ? [[sym, cur]] : [[cur, cur], [sym, cur]]));
const ANY_SYMBOL = new RegExp(SYMBOLS.map(([sym]) => sym.replace(/[.$]/g, '\\$&')).join('|'));
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD', 'CLP', 'COP']);

/** Whether a string is an ISO 4217 code we know (for structured data such as priceCurrency). */
export function normaliseCurrency(code: unknown, hostname = ''): string | null {
  if (typeof code !== 'string') return null;
  const c = code.trim();
  if (/^[A-Za-z]{3}$/.test(c)) return c.toUpperCase();
  return c ? symbolCurrency(c, hostname) : null;
}

/** The currency a symbol names on this host ("$" on amazon.ca is CAD, "¥" on jd.com is CNY). */
export function symbolCurrency(text: string, hostname = ''): string | null {
  // One pass over the text for any symbol at all before the ordered search (about 75 symbols):
  // most price texts on a 60-tile page hold only "$" or "¥", which the loop would scan 75 times.
  if (ANY_SYMBOL.test(text))
    for (const [sym, cur] of SYMBOLS) {
      const i = text.indexOf(sym);
      if (i < 0) continue;
      // Letter codes only count as whole words ("TL" not in "TITLE", "kr" not in "kraft").
      if (/^[A-Za-z]/.test(sym)) {
        const before = text[i - 1] ?? ' ';
        const after = text[i + sym.length] ?? ' ';
        if (/[A-Za-z]/.test(before) || (/[A-Za-z]/.test(after) && sym !== 'Rs.')) continue;
      }
      return cur;
    }
  const host = hostname.toLowerCase();
  // "¥" is yuan on Chinese sites and everywhere but Japanese hosts.
  if (/[¥￥]/.test(text)) return /\.jp$/.test(host) && !CHINESE_HOST.test(host) ? 'JPY' : 'CNY';
  if (text.includes('$')) {
    const local = hostCurrency(host);
    return local && DOLLARS.has(local) ? local : 'USD';
  }
  return null;
}

/**
 * Reads one number in any locale. `noDecimals` (VND, IDR, JPY...) makes every separator a
 * thousands separator. Returns null for anything that is not a positive finite number.
 */
export function parseNumber(raw: string, noDecimals = false): number | null {
  let s = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(s) || s.length > 30) return null;
  s = s.replace(/[.,]+$/, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (noDecimals) s = s.replace(/[.,]/g, '');
  else if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const group = dec === '.' ? ',' : '.';
    s = s.split(group).join('').replace(dec, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const tail = parts[parts.length - 1] ?? '';
    // One separator followed by exactly three digits groups thousands ("40.000", "1,499");
    // anything else is a decimal mark ("17,04", "27.25").
    if (parts.length > 2 || tail.length === 3) s = parts.join('');
    else s = parts.join('.');
  }
  const n = Number(s);
  return Number.isFinite(n) && n > 0 && n < 1e12 ? n : null;
}

const NUMBER = /\d[\d.,\s\u00a0\u202f]*\d|\d/g;

/**
 * Parses a shown price: "₱305", "40.000 ₫", "€ 97,39 - 128,72", "US $13.00", "5499.00-6799.00",
 * "Now $19.99", "current price $16.77". `fallbackCurrency` is used when the text has no symbol
 * (the site's own currency); `hostname` decides what "$" and "¥" mean.
 */
export function parsePrice(
  text: string | null | undefined,
  hostname = '',
  fallbackCurrency: string | null = hostCurrency(hostname),
): ParsedPrice | null {
  if (typeof text !== 'string') return null;
  const t = text.length > 200 ? text.slice(0, 200) : text;
  const currency = symbolCurrency(t, hostname) ?? fallbackCurrency;
  const noDecimals = currency !== null && NO_DECIMALS.has(currency);
  const nums: number[] = [];
  for (const m of t.matchAll(NUMBER)) {
    // "1 499,99" groups with spaces; "149.00 - 159.00" is two numbers: split on spaced runs
    // only when both sides look like complete prices.
    for (const piece of splitSpaced(m[0])) {
      const n = parseNumber(piece, noDecimals);
      if (n !== null) nums.push(n);
    }
    if (nums.length >= 2) break;
  }
  if (nums.length === 0) return null;
  const price = nums[0]!;
  const isRange = nums.length >= 2 && /\d\s*(?:-|–|—|~|to|bis|à|a)\s*\D{0,6}\d/.test(t);
  const max = isRange ? nums[1]! : null;
  return { price, priceMax: max !== null && max > price ? max : null, currency };
}

function splitSpaced(run: string): string[] {
  const trimmed = run.trim();
  if (!/\s/.test(trimmed)) return [trimmed];
  // A space is a thousands separator only when every following group has 3 digits ("1 499,99").
  const groups = trimmed.split(/[\s\u00a0\u202f]+/);
  const grouped = groups.slice(1).every((g) => /^\d{3}([.,]\d+)?$/.test(g));
  return grouped ? [groups.join('')] : groups;
}

/** Reads a price that structured data gives as a number or numeric string ("40000.00", 27.25). */
export function structuredPrice(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    return n > 0 && Number.isFinite(n) ? n : null;
  }
  return parsePrice(s)?.price ?? null;
}
