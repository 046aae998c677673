import type { RawItem, SiteAdapter } from './types';
import { type Json, at, isObject, nextData } from './embedded';
import { fillFrom } from './product';
import type { TileSpec } from './tiles';
import { itemFromState } from './state';
import { site } from './site';

// Evidence: tiki-search-1 (2018): div.product-item with data-title / data-price; 2021+ a.product-item.
const SEARCH: TileSpec = {
  tiles: ['div.product-item[data-title]', '.product-item[data-id]', 'a.product-item', '[data-view-id="product_list_item"]'],
  title: ['@data-title', 'a[title]@title', 'h3', '.name', '.title'],
  price: ['@data-price', '.price-discount__price', '.final-price', '.price-sale', '.price'],
  url: ['a[href]@href', '@href'],
};
// Evidence: tiki-product-1 (2021 Next.js): h1.title, microdata Offer (price only in state).
const PRODUCT = {
  title: ['h1.title', 'h1'],
  price: ['.product-price__current-price', '.price-and-icon .current-price', '[itemprop="price"]@content'],
  crumbs: ['.breadcrumb a', '[class*="Breadcrumb"] a'],
  specRows: ['table tr', '.content.has-table tr'],
};

function stateProduct(doc: Document, url: URL): RawItem | null {
  const data: Json | undefined = nextData(doc);
  const p = at(data, 'props', 'initialState', 'productv2', 'productData', 'response', 'data') ?? at(data, 'props', 'initialState', 'product', 'data');
  return isObject(p) ? itemFromState(p, url) : null;
}

/** 2021+ search pages keep the results in __NEXT_DATA__ props.initialState.catalog.data. */
function stateSearch(doc: Document, url: URL): RawItem[] {
  const list = at(nextData(doc), 'props', 'initialState', 'catalog', 'data');
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((o) => itemFromState(o, url)).filter((x): x is RawItem => !!x);
}

export const tiki: SiteAdapter = site({
  id: 'tiki',
  name: 'Tiki',
  domains: ['tiki.vn'],
  bare: true,
  product: /-p\d+\.html/,
  currency: 'VND',
  search: SEARCH,
  more: stateSearch,
  page: PRODUCT,
  fix: (item, doc, url) => {
    fillFrom(item, stateProduct(doc, url) ?? undefined);
    item.currency ??= item.price !== null ? 'VND' : null;
  },
});
