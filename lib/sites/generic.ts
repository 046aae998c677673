/**
 * The generic reader: schema.org JSON-LD (Product, ProductGroup, ItemList, AggregateOffer),
 * microdata, OpenGraph product tags, then embedded state. Used for unknown hosts and whenever a
 * site adapter finds nothing.
 */
import type { PageItems, RawItem, SiteAdapter } from './types';
import { emptyItem } from './types';
import { jsonLdObjects } from './embedded';
import { breadcrumbFromJsonLd, itemsFromItemList, itemsFromMicrodata, productsFromJsonLd } from './schema';
import { dedupe, embeddedStates, itemsFromStates } from './state';
import { normaliseCurrency, structuredPrice } from './price';
import { absUrl, metaContent, safeQueryAll } from './dom';

/** Host (without www) and path of an http(s) URL, resolved against `base` when given; '' otherwise. */
function linkKey(href: string | null | undefined, base?: URL): string {
  if (!href || href.trim()[0] === '#') return '';
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.replace(/^www\./, '') + u.pathname : '';
  } catch {
    return '';
  }
}

/**
 * Anchors items read from data on the page's first link to each (same host without www, same
 * path). Links are read until every item has its anchor, each parsed once.
 */
export function anchorLinks(doc: Document, base: URL, items: RawItem[]): RawItem[] {
  const wanted = new Map<string, RawItem[]>();
  for (const i of items) {
    if (i.anchor) continue;
    i.anchor = null;
    const k = linkKey(i.url);
    if (k) wanted.set(k, [...(wanted.get(k) ?? []), i]);
  }
  for (const a of wanted.size ? safeQueryAll(doc, 'a[href]') : []) {
    const k = linkKey(a.getAttribute('href'), base);
    const waiting = wanted.get(k);
    if (!waiting) continue;
    for (const i of waiting) i.anchor = a;
    wanted.delete(k);
    if (!wanted.size) break;
  }
  return items;
}

function fromOpenGraph(doc: Document, base: URL): RawItem | null {
  const type = metaContent(doc, 'og:type');
  const amount = metaContent(doc, 'product:price:amount') ?? metaContent(doc, 'og:price:amount');
  if (!/product/i.test(type ?? '') && !amount) return null;
  const title = metaContent(doc, 'og:title');
  if (!title) return null;
  const item = emptyItem(title);
  item.price = structuredPrice(amount);
  if (item.price !== null) {
    item.currency = normaliseCurrency(metaContent(doc, 'product:price:currency') ?? metaContent(doc, 'og:price:currency'), base.hostname);
  }
  item.url = absUrl(metaContent(doc, 'og:url'), base) ?? base.href;
  return item;
}

/** A product page's badge goes next to its main heading (the page's first h1). */
function mainHeading(doc: Document): Element | null {
  return doc.querySelector('h1');
}

export interface GenericOptions {
  /**
   * Read embedded script state too (the slowest step: it scans inline scripts). Site adapters
   * that already found the title and price in the page turn it off.
   */
  embeddedState?: boolean;
  /**
   * The caller knows this is one product's page (a site adapter's product reader): lists are not
   * looked for, and microdata (a walk of the whole document) is read only when JSON-LD gave no
   * product with a price.
   */
  product?: boolean;
}

export function extractGeneric(doc: Document, url: URL, opts: GenericOptions = {}): PageItems | null {
  const ld = jsonLdObjects(doc);
  const crumbs = breadcrumbFromJsonLd(ld);
  const withCrumbs = (page: PageItems): PageItems => {
    if (page.kind === 'product' && crumbs) for (const i of page.items) i.categoryPath ??= crumbs;
    return page;
  };

  const listed = opts.product ? [] : itemsFromItemList(ld, url).filter((i) => i.price !== null || i.url);
  if (listed.length >= 2) return { kind: 'search', items: dedupe(anchorLinks(doc, url, listed)) };
  const products = productsFromJsonLd(ld, url);
  const priced = products.find((p) => p.price !== null);
  const micro = opts.product && priced ? [] : itemsFromMicrodata(doc, url);
  if (micro.length >= 2) {
    // (A product page whose microdata lists several products names none of them as its own.)
    return opts.product ? null : { kind: 'search', items: micro.map(({ item, el }) => ({ ...item, anchor: el })) };
  }
  const product = priced ?? micro[0]?.item ?? products[0];
  if (product) {
    product.url ??= url.href;
    product.anchor ??= micro[0]?.el.querySelector('[itemprop="name"]') ?? mainHeading(doc);
    return withCrumbs({ kind: 'product', items: [product] });
  }
  const og = fromOpenGraph(doc, url);
  if (og && og.price !== null) return withCrumbs({ kind: 'product', items: [{ ...og, anchor: mainHeading(doc) }] });
  const state = opts.embeddedState === false ? null : itemsFromStates(embeddedStates(doc), url);
  if (state) {
    if (state.kind === 'search') anchorLinks(doc, url, state.items);
    else {
      state.items[0]!.url ??= url.href;
      state.items[0]!.anchor ??= mainHeading(doc);
    }
    return withCrumbs(state);
  }
  return og ? withCrumbs({ kind: 'product', items: [og] }) : null;
}

export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Any shop (schema.org)',
  // Never injected by default: the user grants a site on a gesture (optional permission).
  matches: [],
  handles: () => true,
  extract: extractGeneric,
};
