import type { RawItem, SiteAdapter } from './types';
import { type Json, at, isObject, nextData } from './embedded';
import { fillFrom } from './product';
import type { TileSpec } from './tiles';
import { itemFromState } from './state';
import { unwrapRedirect } from './dom';
import { site } from './site';

// Evidence: walmart-product-1 (2024 Next.js): h1, [itemprop=price] "Now $19.99", [itemprop=name] crumbs,
// JSON-LD ProductGroup, __NEXT_DATA__ props.pageProps.initialData.data.product.
const PRODUCT = {
  title: ['h1[itemprop="name"]', 'h1#main-title', 'h1'],
  price: ['[data-seo-id="hero-price"]', '[itemprop="price"]', '[data-testid="price-wrap"] span', '.price-characteristic@content'],
  crumbs: ['[data-testid="breadcrumb"] li a', 'nav[aria-label="breadcrumb"] li a', 'ol[itemtype*="BreadcrumbList"] [itemprop="name"]', '[itemprop="itemListElement"] [itemprop="name"]'],
  specRows: ['[data-testid="product-specifications"] div', '.specifications tr'],
};
// Evidence: walmart-search-1 (2024): div[data-item-id] tiles, [data-automation-id=product-title], product-price.
const SEARCH: TileSpec = {
  tiles: ['div[role="group"][data-item-id]', '[data-item-id]', '[data-testid="list-view"]'],
  title: ['[data-automation-id="product-title"]', 'a span', '[data-testid="product-title"]'],
  price: ['[data-automation-id="product-price"] .w_iUH7', '[data-automation-id="product-price"] div', '[data-automation-id="product-price"]'],
  url: ['a[href*="/ip/"]@href', 'a@href'],
};

/** Sponsored tiles link through /sp/track?rd=<product URL>; keep the product URL. */
function untrack(item: RawItem): RawItem {
  item.url = unwrapRedirect(item.url);
  return item;
}

function stateProduct(doc: Document, url: URL): RawItem | undefined {
  const p: Json | undefined = at(nextData(doc), 'props', 'pageProps', 'initialData', 'data', 'product');
  return isObject(p) ? itemFromState(p, url) ?? undefined : undefined;
}

function stateSearch(doc: Document, url: URL): RawItem[] {
  const stacks = at(nextData(doc), 'props', 'pageProps', 'initialData', 'searchResult', 'itemStacks');
  if (!Array.isArray(stacks)) return [];
  const out: RawItem[] = [];
  for (const s of stacks) {
    const items = at(s, 'items');
    if (!Array.isArray(items)) continue;
    for (const o of items) {
      if (!isObject(o) || (o['__typename'] && o['__typename'] !== 'Product')) continue;
      const item = itemFromState(o, url);
      if (item) out.push(untrack(item));
    }
  }
  return out;
}

export const walmart: SiteAdapter = site({
  id: 'walmart',
  name: 'Walmart',
  domains: ['walmart.com', 'walmart.ca'],
  product: /^\/ip\//,
  // Rendered tiles first (the rest of the state is rendered as the shopper scrolls and is
  // then read by the content script's observer); the state alone when nothing is rendered.
  search: SEARCH,
  tile: untrack,
  more: stateSearch,
  page: PRODUCT,
  fix: (item, doc, url) => fillFrom(item, stateProduct(doc, url)),
});
