/**
 * Reading products out of embedded state (Next.js data, window.pageData, runParams,
 * g_page_config, TShop.Setup...). Key names differ by site and year, so an item is read from
 * whichever of the usual keys is present.
 */
import type { RawItem } from './types';
import { emptyItem, itemKey } from './types';
import { type Json, type JsonObject, at, embeddedState, findObjects, isObject, nextData, str } from './embedded';
import { normaliseCurrency, parsePrice, structuredPrice } from './price';
import { conditionFromTitle, countryToIso2, parseCondition, parseWeightKg } from './facts';
import { absUrl } from './dom';

const TITLE_KEYS = ['name', 'title', 'raw_title', 'subject', 'productTitle', 'itemTitle', 'displayName', 'productName', 'puretitle'];
const PRICE_KEYS = ['priceShow', 'view_price', 'salePrice', 'price', 'currentPrice', 'minPrice', 'finalPrice', 'linePrice', 'sale_price', 'tradePrice', 'displayPrice', 'priceText'];
const URL_KEYS = ['productUrl', 'itemUrl', 'detail_url', 'canonicalUrl', 'url', 'link', 'href', 'productDetailUrl', 'url_path', 'url_key'];
const CURRENCY_KEYS = ['currency', 'currencyCode', 'priceCurrency', 'currencyUnit'];
const LOCATION_KEYS = ['shipFrom', 'shipsFrom', 'location', 'item_loc', 'shippingFrom', 'countryOfOrigin'];

function stripTags(s: string): string {
  return s.replace(/<[^>]{0,200}>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

function titleOf(o: JsonObject): string | null {
  for (const k of TITLE_KEYS) {
    const v = o[k];
    const s = typeof v === 'string' ? str(stripTags(v)) : isObject(v) ? str(v['text']) ?? str(v['title']) : null;
    if (s && s.length >= 3 && s.length < 500 && !/^https?:\/\//.test(s)) return s;
  }
  return null;
}

/** A price value in state: number, numeric string, shown text, or {price|value|amount|priceString}. */
function priceOf(v: Json | undefined, host: string, depth = 0): { price: number; priceMax: number | null; currency: string | null } | null {
  if (typeof v === 'number') return structuredPrice(v) !== null ? { price: v, priceMax: null, currency: null } : null;
  if (typeof v === 'string') {
    const p = parsePrice(v, host, null);
    return p ? { price: p.price, priceMax: p.priceMax, currency: p.currency } : null;
  }
  if (!isObject(v) || depth > 2) return null;
  for (const k of ['priceString', 'formatedAmount', 'formattedPrice', 'price', 'value', 'amount', 'minPrice']) {
    const inner = priceOf(v[k], host, depth + 1);
    if (inner) {
      inner.currency ??= normaliseCurrency(v['currency'] ?? v['currencyUnit'] ?? v['currencyCode'], host);
      return inner;
    }
  }
  return null;
}

function looksLikeProduct(o: JsonObject): boolean {
  let hasTitle = false;
  for (const k of TITLE_KEYS) if (typeof o[k] === 'string') hasTitle = true;
  if (!hasTitle) return false;
  for (const k of PRICE_KEYS) if (o[k] !== undefined && o[k] !== null) return true;
  return isObject(o['priceInfo']);
}

/** One RawItem from a product-like state object (null without a title). */
export function itemFromState(o: JsonObject, base: URL): RawItem | null {
  const title = titleOf(o);
  if (!title) return null;
  const item = emptyItem(title);
  const host = base.hostname;
  let p = null;
  for (const k of PRICE_KEYS) if ((p = priceOf(o[k], host))) break;
  p ??= priceOf(at(o, 'priceInfo', 'currentPrice'), host) ?? priceOf(at(o, 'priceInfo', 'linePrice'), host);
  if (p) {
    item.price = p.price;
    item.priceMax = p.priceMax;
    let cur: string | null = null;
    for (const k of CURRENCY_KEYS) if ((cur = normaliseCurrency(o[k], host))) break;
    item.currency = p.currency ?? cur ?? parsePrice('1', host)?.currency ?? null;
  }
  for (const k of URL_KEYS) {
    const u = str(o[k]);
    if (u && (k !== 'url_key' || !u.includes('/'))) {
      item.url = absUrl(k === 'url_key' ? `/${u}.html` : u, base);
      if (item.url) break;
    }
  }
  for (const k of LOCATION_KEYS) {
    const c = countryToIso2(str(o[k]));
    if (c) {
      item.shipFrom = c;
      break;
    }
  }
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
  for (const s of states) {
    const arrays = findObjects(s, (o) => Object.values(o).some((v) => Array.isArray(v) && v.length > 1 && v.slice(0, 3).every((x) => isObject(x) && looksLikeProduct(x))), 12, 50);
    for (const holder of arrays) {
      for (const v of Object.values(holder)) {
        if (!Array.isArray(v) || v.length < 2) continue;
        const items = v.filter(isObject).filter(looksLikeProduct).map((o) => itemFromState(o, base)).filter((x): x is RawItem => !!x);
        if (items.length > best.length) best = items;
      }
    }
    if (!single) {
      const one = findObjects(s, looksLikeProduct, 8, 1)[0];
      if (one) single = itemFromState(one, base);
    }
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
