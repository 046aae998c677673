/**
 * Reading products out of embedded state (Next.js data, window.pageData, runParams,
 * g_page_config, TShop.Setup...). Key names differ by site and year, so an item is read from
 * whichever of the usual keys is present.
 */
import type { RawItem } from './types';
import { emptyItem, itemKey } from './types';
import { type Json, type JsonObject, at, embeddedState, findObjects, isObject, nextData, str } from './embedded';
import { type ParsedPrice, hostCurrency, normaliseCurrency, parsePrice, structuredPrice } from './price';
import { conditionFromTitle, countryToIso2, parseCondition, parseWeightKg } from './facts';
import { absUrl } from './dom';

const keys = (s: string): string[] => s.split(' ');
const TITLE_KEYS = keys('name title raw_title subject productTitle itemTitle displayName productName puretitle');
const PRICE_KEYS = keys('priceShow view_price salePrice price currentPrice minPrice finalPrice linePrice sale_price tradePrice displayPrice priceText');
const URL_KEYS = keys('productUrl itemUrl detail_url canonicalUrl url link href productDetailUrl url_path url_key');
const CURRENCY_KEYS = keys('currency currencyCode priceCurrency currencyUnit');
const LOCATION_KEYS = keys('shipFrom shipsFrom location item_loc shippingFrom countryOfOrigin');
/** Keys of a price object ({price|value|amount|priceString...}). */
const AMOUNT_KEYS = keys('priceString formatedAmount formattedPrice price value amount minPrice');

/** The first truthy `f(key)`, in key order. */
function firstOf<T>(list: readonly string[], f: (k: string) => T | null | undefined): T | null {
  for (const k of list) {
    const v = f(k);
    if (v) return v;
  }
  return null;
}

function stripTags(s: string): string {
  return s.replace(/<[^>]{0,200}>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

function titleOf(o: JsonObject): string | null {
  return firstOf(TITLE_KEYS, (k) => {
    const v = o[k];
    const s = typeof v === 'string' ? str(stripTags(v)) : isObject(v) ? str(v['text']) ?? str(v['title']) : null;
    return s && s.length >= 3 && s.length < 500 && !/^https?:\/\//.test(s) ? s : null;
  });
}

/** A price value in state: number, numeric string, shown text, or {price|value|amount|priceString}. */
function priceOf(v: Json | undefined, host: string, depth = 0): ParsedPrice | null {
  if (typeof v === 'number') return structuredPrice(v) !== null ? { price: v, priceMax: null, currency: null } : null;
  if (typeof v === 'string') return parsePrice(v, host, null);
  if (!isObject(v) || depth > 2) return null;
  const inner = firstOf(AMOUNT_KEYS, (k) => priceOf(v[k], host, depth + 1));
  if (inner) inner.currency ??= normaliseCurrency(v['currency'] ?? v['currencyUnit'] ?? v['currencyCode'], host);
  return inner;
}

function looksLikeProduct(o: JsonObject): boolean {
  return TITLE_KEYS.some((k) => typeof o[k] === 'string') && (PRICE_KEYS.some((k) => o[k] != null) || isObject(o['priceInfo']));
}

/** One RawItem from a product-like state object (null without a title). */
export function itemFromState(o: JsonObject, base: URL): RawItem | null {
  const title = titleOf(o);
  if (!title) return null;
  const item = emptyItem(title);
  const host = base.hostname;
  const p =
    firstOf(PRICE_KEYS, (k) => priceOf(o[k], host)) ??
    priceOf(at(o, 'priceInfo', 'currentPrice'), host) ??
    priceOf(at(o, 'priceInfo', 'linePrice'), host);
  if (p) Object.assign(item, p).currency ??= firstOf(CURRENCY_KEYS, (k) => normaliseCurrency(o[k], host)) ?? hostCurrency(host);
  item.url = firstOf(URL_KEYS, (k) => {
    const u = str(o[k]);
    if (!u) return null;
    if (k !== 'url_key') return absUrl(u, base);
    return u.includes('/') ? null : absUrl(`/${u}.html`, base);
  });
  item.shipFrom = firstOf(LOCATION_KEYS, (k) => countryToIso2(str(o[k])));
  item.condition = parseCondition(str(o['condition']) ?? str(o['itemCondition'])) ?? conditionFromTitle(title);
  item.weightKg = parseWeightKg(str(o['weight']));
  return item;
}

/** The state trees a page may carry, by the names sites use for them. */
const STATE_MARKERS = ['window.pageData', 'window.runParams', 'runParams', 'g_page_config', 'TShop.Setup(', '__INITIAL_STATE__', '__PRELOADED_STATE__', 'window.__APOLLO_STATE__'];

export function embeddedStates(doc: Document): Json[] {
  const out: Json[] = [];
  const next = nextData(doc);
  if (next !== undefined) out.push(next);
  for (const m of STATE_MARKERS) {
    const v = embeddedState(doc, m);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/**
 * Product-like objects in state: the largest list of them (a search page) or, when there is
 * no list, the first one (a product page). De-duplicated by item key.
 */
export function itemsFromStates(states: Json[], base: URL): { kind: 'product' | 'search'; items: RawItem[] } | null {
  let best: RawItem[] = [];
  let single: RawItem | null = null;
  const read = (o: JsonObject): RawItem | null => itemFromState(o, base);
  for (const s of states) {
    const arrays = findObjects(s, (o) => Object.values(o).some((v) => Array.isArray(v) && v.length > 1 && v.slice(0, 3).every((x) => isObject(x) && looksLikeProduct(x))), 12, 50);
    for (const holder of arrays) {
      for (const v of Object.values(holder)) {
        const items = Array.isArray(v) ? v.filter(isObject).filter(looksLikeProduct).map(read).filter((x): x is RawItem => !!x) : [];
        if (items.length > best.length) best = items;
      }
    }
    single ??= findObjects(s, looksLikeProduct, 8, 1).map(read)[0] ?? null;
  }
  if (best.length >= 2) return { kind: 'search', items: dedupe(best) };
  return single ? { kind: 'product', items: [single] } : null;
}

export function dedupe(items: RawItem[]): RawItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = itemKey(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
