/** schema.org readers shared by the generic reader and the adapters (JSON-LD and microdata). */
import type { RawItem } from './types';
import { emptyItem } from './types';
import { type Json, type JsonObject, at, hasType, isObject, jsonLdObjects, str } from './embedded';
import { normaliseCurrency, structuredPrice } from './price';
import { conditionFromTitle, countryToIso2, parseCondition, parseWeightKg } from './facts';
import { absUrl, attr, clean, cleanCrumbs, safeQueryAll, text } from './dom';

function asArray(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

interface OfferFacts {
  low: number | null;
  high: number | null;
  currency: string | null;
  condition: RawItem['condition'];
  shipFrom: string | null;
  url: string | null;
}

function readOffers(offers: Json | undefined, host: string): OfferFacts {
  const out: OfferFacts = { low: null, high: null, currency: null, condition: null, shipFrom: null, url: null };
  const prices: number[] = [];
  for (const o of asArray(offers).slice(0, 200)) {
    if (!isObject(o)) continue;
    const p = structuredPrice(o['price']) ?? structuredPrice(at(o, 'priceSpecification', 'price'));
    const low = structuredPrice(o['lowPrice']);
    const high = structuredPrice(o['highPrice']);
    for (const x of [p, low, high]) if (x !== null) prices.push(x);
    out.currency ??= normaliseCurrency(o['priceCurrency'] ?? at(o, 'priceSpecification', 'priceCurrency'), host);
    out.condition ??= parseCondition(str(o['itemCondition']));
    out.url ??= str(o['url']);
    out.shipFrom ??= countryToIso2(
      str(at([o['shippingDetails']].flat()[0], 'shippingOrigin', 'addressCountry')) ?? str(at(o, 'availableAtOrFrom', 'address', 'addressCountry')),
    );
    // Nested offers (AggregateOffer.offers, WebPage.mainEntity.offers.itemOffered...).
    if (o['offers'] !== undefined && p === null && low === null) {
      const inner = readOffers(o['offers'], host);
      for (const x of [inner.low, inner.high]) if (x !== null) prices.push(x);
      out.currency ??= inner.currency;
    }
  }
  if (prices.length) {
    out.low = Math.min(...prices);
    const max = Math.max(...prices);
    out.high = max > out.low ? max : null;
  }
  return out;
}

function readWeight(w: Json | undefined): number | null {
  if (typeof w === 'string') return parseWeightKg(w);
  if (!isObject(w)) return null;
  const value = str(w['value']);
  const unit = str(w['unitText']) ?? str(w['unitCode']);
  if (!value || !unit) return null;
  const codes: Record<string, string> = { KGM: 'kg', GRM: 'g', LBR: 'lb', ONZ: 'oz' };
  return parseWeightKg(`${value} ${codes[unit.toUpperCase()] ?? unit}`);
}

/** A RawItem from a schema.org Product / ProductGroup / Offer-bearing object, or null. */
export function itemFromSchema(o: JsonObject, base: URL): RawItem | null {
  const title = str(o['name']) ?? str(at(o, 'itemOffered', 'name'));
  if (!title) return null;
  const item = emptyItem(title);
  const host = base.hostname;
  let offers = readOffers(o['offers'], host);
  if (offers.low === null && Array.isArray(o['hasVariant'])) {
    offers = readOffers(o['hasVariant'].map((v) => (isObject(v) ? v['offers'] ?? null : null)), host);
  }
  item.price = offers.low;
  item.priceMax = offers.high;
  item.currency = item.price !== null ? offers.currency : null;
  item.condition = offers.condition ?? parseCondition(str(o['itemCondition'])) ?? conditionFromTitle(title);
  item.shipFrom = offers.shipFrom;
  item.weightKg = readWeight(o['weight']);
  item.url = absUrl(str(o['url']) ?? offers.url ?? str(o['@id']), base);
  item.categoryPath = categoryPathOf(str(o['category']));
  return item;
}

/** "Electronics > Computers > Monitors" (schema.org category text) as a breadcrumb. */
export function categoryPathOf(category: string | null): string[] | null {
  return category ? cleanCrumbs(category.split(/\s*(?:>|<|\/|›|»)\s*/)) : null;
}

/** Breadcrumb names from JSON-LD BreadcrumbList, dropping the root "Home"/site entry. */
export function breadcrumbFromJsonLd(objects: JsonObject[]): string[] | null {
  for (const o of objects) {
    if (!hasType(o, 'BreadcrumbList')) continue;
    const entries = asArray(o['itemListElement'])
      .filter(isObject)
      .sort((a, b) => Number(a['position'] ?? 0) - Number(b['position'] ?? 0))
      .map((e) => str(e['name']) ?? str(at(e, 'item', 'name')))
      .filter((n): n is string => !!n);
    const path = cleanCrumbs(entries);
    if (path) return path;
  }
  return null;
}

/** Items of JSON-LD ItemLists (Product entries, or ListItems with a url and name). */
export function itemsFromItemList(objects: JsonObject[], base: URL): RawItem[] {
  const out: RawItem[] = [];
  for (const o of objects) {
    if (!hasType(o, 'ItemList')) continue;
    for (const e of asArray(o['itemListElement'])) {
      if (!isObject(e)) continue;
      const inner = isObject(e['item']) ? e['item'] : e;
      const item = itemFromSchema(inner, base);
      if (item) {
        item.url ??= absUrl(str(e['url']), base);
        out.push(item);
      }
    }
  }
  return out;
}

/** Products described by JSON-LD (Product, ProductGroup, and a WebPage's mainEntity). */
export function productsFromJsonLd(objects: JsonObject[], base: URL): RawItem[] {
  const out: RawItem[] = [];
  for (const o of objects) {
    const candidates: JsonObject[] = [];
    if (hasType(o, 'Product|ProductGroup|Book|IndividualProduct')) candidates.push(o);
    const main = o['mainEntity'];
    if (isObject(main)) {
      if (hasType(main, 'Product|ProductGroup')) candidates.push(main);
      // eBay catalog pages: WebPage.mainEntity.offers.itemOffered[] Product.
      for (const p of asArray(at(main, 'offers', 'itemOffered'))) if (isObject(p)) candidates.push(p);
    }
    for (const c of candidates) {
      const item = itemFromSchema(c, base);
      if (item) out.push(item);
    }
  }
  return out;
}

/**
 * Microdata Products (itemscope itemtype=".../Product"), outermost only, read as the JSON-LD
 * object they describe (first value of each itemprop; offers' properties are the product's).
 */
export function itemsFromMicrodata(doc: Document, base: URL): { item: RawItem; el: Element }[] {
  const out: { item: RawItem; el: Element }[] = [];
  for (const scope of safeQueryAll(doc, '[itemtype*="schema.org/Product" i], [itemtype*="schema.org/IndividualProduct" i]')) {
    if (scope.parentElement?.closest('[itemtype*="schema.org/Product" i]')) continue;
    const o: JsonObject = {};
    for (const el of safeQueryAll(scope, '[itemprop]')) {
      for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/)) {
        o[name] ??= name === 'name' ? clean(el.getAttribute('content') ?? el.textContent) : attr(el, 'content') ?? attr(el, 'href') ?? attr(el, 'value') ?? text(el);
      }
    }
    o['offers'] = { price: o['price'] ?? o['lowPrice'] ?? null, highPrice: o['highPrice'] ?? null, priceCurrency: o['priceCurrency'] ?? null, itemCondition: o['itemCondition'] ?? null };
    const item = itemFromSchema(o, base);
    if (!item) continue;
    item.shipFrom = countryToIso2(str(o['availableAtOrFrom']));
    out.push({ item, el: scope });
  }
  return out;
}

export { jsonLdObjects };
