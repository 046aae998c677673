/** Reading a product page: named selectors first, structured data (JSON-LD, microdata) to fill gaps. */
import type { RawItem } from './types';
import { emptyItem } from './types';
import { absUrl, clean, crumbs, first, safeQueryAll, text } from './dom';
import { parsePrice } from './price';
import { WEIGHT_LABEL, conditionFromTitle, countryToIso2, parseCondition, parseWeightKg } from './facts';
import { pickFirst } from './tiles';
import { extractGeneric } from './generic';

export interface ProductSpec {
  title: readonly string[];
  price: readonly string[];
  /** Selectors whose matches, in order, are the breadcrumb entries (first selector with hits wins). */
  crumbs?: readonly string[];
  shipFrom?: readonly string[];
  condition?: readonly string[];
  /** Spec-table rows: tr (th/td), li ("Label: value"), dl children; read for weight and origin. */
  specRows?: readonly string[];
  titleNoise?: RegExp;
}

const SHIP_LABEL = /(ships? from|shipped from|ship from|item location|located in|gửi từ|kho hàng|发货地|发货)/i;

/** Label/value pairs of spec tables, e.g. ["Item Weight", "15 pounds"]. */
export function specPairs(root: ParentNode, rowSelectors: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const sel of rowSelectors) {
    for (const row of safeQueryAll(root, sel).slice(0, 300)) {
      const m = /^([^:：]{1,60})[:：]\s*(.+)$/.exec(text(row) ?? '');
      const cells = Array.from(row.children, text).filter((c): c is string => !!c);
      // "Label: value" list items; else cells (first and last); else "Label: value" text.
      if (m && (row.tagName === 'LI' || cells.length < 2)) out.push([m[1]!.trim(), m[2]!.trim()]);
      else if (cells.length >= 2) out.push([cells[0]!, cells[cells.length - 1]!]);
    }
  }
  return out;
}

export function weightFromPairs(pairs: [string, string][]): number | null {
  // Item / package / shipping weights first; a part's weight ("Battery Weight") is not the item's.
  const passes = [/item|product|package|shipping|net|unit|^\s*(weight|重量|trọng lượng)/i, /.*/];
  for (const pass of passes) {
    for (const [label, value] of pairs) {
      if (!WEIGHT_LABEL.test(label) || !pass.test(label) || /capacity|load|max|battery|cell|per /i.test(label)) continue;
      const kg = parseWeightKg(value);
      if (kg !== null) return kg;
    }
  }
  return null;
}

export function shipFromPairs(pairs: [string, string][]): string | null {
  for (const [label, value] of pairs) if (SHIP_LABEL.test(label)) {
    const c = countryToIso2(value);
    if (c) return c;
  }
  return null;
}

/** Fills every null field of `item` from `other` (structured data read of the same product). */
export function fillFrom(item: RawItem, other: RawItem | undefined): RawItem {
  if (!other) return item;
  if (item.price === null && other.price !== null) {
    item.price = other.price;
    item.priceMax = other.priceMax;
    item.currency = other.currency;
  }
  item.currency ??= item.price !== null ? other.currency : null;
  // "€40.63+" on the page, 40.63-48.75 in the data: same low end, so keep the data's high end.
  if (item.priceMax === null && other.priceMax !== null && item.price !== null && other.price !== null &&
      Math.abs(item.price - other.price) <= item.price * 0.01 && (item.currency ?? other.currency) === other.currency) {
    item.priceMax = other.priceMax;
  }
  item.categoryPath ??= other.categoryPath;
  item.shipFrom ??= other.shipFrom;
  item.weightKg ??= other.weightKg;
  item.condition ??= other.condition;
  item.url ??= other.url;
  return item;
}

export function breadcrumbs(doc: ParentNode, selectors: readonly string[] | undefined): string[] | null {
  for (const sel of selectors ?? []) {
    const path = crumbs(safeQueryAll(doc, sel));
    if (path) return path;
  }
  return null;
}

/** The product of a product page, or null when the page has no title we can find. */
export function readProduct(doc: Document, url: URL, spec: ProductSpec, currency: string | null): RawItem | null {
  const titleEl = first(doc, spec.title);
  let title = text(titleEl);
  if (title && spec.titleNoise) title = clean(title.replace(spec.titleNoise, ''));
  const root = doc.documentElement ?? doc;
  const shown = pickFirst(root as Element, spec.price);
  const p = shown ? parsePrice(shown, url.hostname, currency) : null;
  // Structured data fills what the page's markup lacks; scanning script state only when needed.
  const structured = extractGeneric(doc, url, { embeddedState: !(title && p), product: true });
  const sItem = structured?.kind === 'product' ? structured.items[0] : undefined;
  title ??= sItem?.title ?? null;
  if (!title) return null;
  const item = emptyItem(title);
  if (p) Object.assign(item, p).currency ??= currency;
  item.categoryPath = breadcrumbs(doc, spec.crumbs);
  const pairs = specPairs(doc, spec.specRows ?? []);
  item.weightKg = weightFromPairs(pairs);
  item.shipFrom = countryToIso2(pickFirst(root as Element, spec.shipFrom)) ?? shipFromPairs(pairs);
  item.condition = parseCondition(pickFirst(root as Element, spec.condition)) ?? conditionFromTitle(title);
  item.url = canonical(doc, url);
  item.anchor = titleEl;
  // Many breadcrumbs end with the product itself.
  for (const i of [item, sItem]) {
    if (i?.categoryPath?.[i.categoryPath.length - 1] === title) i.categoryPath.pop();
    if (i?.categoryPath?.length === 0) i.categoryPath = null;
  }
  return fillFrom(item, sItem);
}

/** The page's canonical URL when it is on the same site, else the page URL. */
export function canonical(doc: Document, url: URL): string {
  const href = absUrl(first(doc, ['link[rel="canonical"]'])?.getAttribute('href'), url);
  if (href) {
    const h = new URL(href).hostname.split('.').slice(-2).join('.');
    if (url.hostname.endsWith(h)) return href;
  }
  return url.href;
}
