import type { PageItems, RawItem, SiteAdapter } from './types';
import { type Json, at, isObject, nextData } from './embedded';
import { readProduct, fillFrom } from './product';
import { type TileSpec, readTiles } from './tiles';
import { itemFromState } from './state';
import { anchorFor, extractGeneric, linkIndex } from './generic';

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

export const tiki: SiteAdapter = {
  id: 'tiki',
  name: 'Tiki',
  matches: ['*://tiki.vn/*', '*://*.tiki.vn/*'],
  handles: (url) => url.hostname === 'tiki.vn' || url.hostname.endsWith('.tiki.vn'),
  extract(doc: Document, url: URL): PageItems | null {
    const isProduct = /-p\d+\.html/.test(url.pathname);
    if (!isProduct) {
      const tiles = readTiles(doc, SEARCH, url, 'VND');
      if (tiles.length) return { kind: 'search', items: tiles };
      const data = nextData(doc);
      const list = at(data, 'props', 'initialState', 'catalog', 'data');
      if (Array.isArray(list) && list.length) {
        const index = linkIndex(doc, url);
        const items = list.filter(isObject).map((o) => itemFromState(o, url)).filter((x): x is RawItem => !!x);
        for (const i of items) i.anchor = anchorFor(index, i.url);
        if (items.length) return { kind: 'search', items };
      }
      const generic = extractGeneric(doc, url);
      if (generic?.kind === 'search') return generic;
    }
    const item = readProduct(doc, url, PRODUCT, 'VND');
    if (!item) return null;
    fillFrom(item, stateProduct(doc, url) ?? undefined);
    item.currency ??= item.price !== null ? 'VND' : null;
    return { kind: 'product', items: [item] };
  },
};
