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

/** Elements of the page's links by host+path, built once, to anchor items read from data. */
export function linkIndex(doc: Document, base: URL): Map<string, Element> {
  const map = new Map<string, Element>();
  for (const a of safeQueryAll(doc, 'a[href]')) {
    const href = absUrl(a.getAttribute('href'), base);
    if (!href) continue;
    const u = new URL(href);
    const key = u.host.replace(/^www\./, '') + u.pathname;
    if (!map.has(key)) map.set(key, a);
  }
  return map;
}

export function anchorFor(index: Map<string, Element>, url: string | null): Element | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return index.get(u.host.replace(/^www\./, '') + u.pathname) ?? null;
  } catch {
    return null;
  }
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

export function extractGeneric(doc: Document, url: URL): PageItems | null {
  const ld = jsonLdObjects(doc);
  const crumbs = breadcrumbFromJsonLd(ld);
  const withCrumbs = (page: PageItems): PageItems => {
    if (page.kind === 'product' && crumbs) for (const i of page.items) i.categoryPath ??= crumbs;
    return page;
  };

  const listed = itemsFromItemList(ld, url).filter((i) => i.price !== null || i.url);
  if (listed.length >= 2) {
    const index = linkIndex(doc, url);
    for (const i of listed) i.anchor = anchorFor(index, i.url);
    return { kind: 'search', items: dedupe(listed) };
  }
  const products = productsFromJsonLd(ld, url);
  const micro = itemsFromMicrodata(doc, url);
  if (micro.length >= 2) {
    return { kind: 'search', items: micro.map(({ item, el }) => ({ ...item, anchor: el })) };
  }
  const product = products.find((p) => p.price !== null) ?? micro[0]?.item ?? products[0];
  if (product) {
    product.url ??= url.href;
    product.anchor ??= micro[0]?.el.querySelector('[itemprop="name"]') ?? mainHeading(doc);
    return withCrumbs({ kind: 'product', items: [product] });
  }
  const og = fromOpenGraph(doc, url);
  if (og && og.price !== null) return withCrumbs({ kind: 'product', items: [{ ...og, anchor: mainHeading(doc) }] });
  const state = itemsFromStates(embeddedStates(doc), url);
  if (state) {
    if (state.kind === 'search') {
      const index = linkIndex(doc, url);
      for (const i of state.items) i.anchor = anchorFor(index, i.url);
    } else {
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
