import type { PageItems, RawItem, SiteAdapter } from './types';
import { type Json, embeddedState, isObject, at } from './embedded';
import { hostCurrency } from './price';
import { localLocation } from './facts';
import { readProduct } from './product';
import { type TileSpec, pickFirst, readTiles } from './tiles';
import { itemFromState, dedupe } from './state';
import { anchorFor, extractGeneric, linkIndex } from './generic';

const DOMAINS = ['lazada.vn', 'lazada.com.ph', 'lazada.co.id', 'lazada.co.th', 'lazada.com.my', 'lazada.sg'];

// Evidence: lazada-search-1 (2024, PH): div[data-qa-locator="product-item"] tiles, a[title], span.ooOxS price.
const SEARCH: TileSpec = {
  tiles: ['[data-qa-locator="product-item"]', '[data-tracking="product-card"]', '.c2prKC', '[data-item-id][data-sku-simple]'],
  title: ['a[title]@title', '.RfADt a', '.c16H9d a@title', '.title--wFj93 a'],
  price: ['.ooOxS', '.aBrP0 span', '.c13VH6', '.currency--GVKjl'],
  url: ['a[href*="/products/"]@href', 'a[href]@href'],
};
const LOCATION = ['.oa6ri@title', '.c2i43- ', '.location--eh0Ro'];

// Evidence: lazada-product-1 (2018, VN): h1.pdp-product-title, span.pdp-price_type_normal, .breadcrumb_item_text.
const PRODUCT = {
  title: ['h1.pdp-product-title', '.pdp-mod-product-badge-title', '.pdp-product-title', 'h1'],
  price: [
    '#module_product_price_1 .pdp-price_type_normal',
    '.pdp-price_type_normal',
    '.pdp-v2-product-price-content-salePrice-amount',
    '.pdp-product-price .pdp-price',
  ],
  crumbs: ['#J_breadcrumb .breadcrumb_item_text', '.breadcrumb_item_text', '.breadcrumb_list a'],
  specRows: ['.specification-keys li', '.pdp-mod-specification li'],
};

/** 2018-2022 server pages keep the results in window.pageData.mods.listItems (lazada-search-3). */
function fromPageData(doc: Document, url: URL): RawItem[] {
  const state = embeddedState(doc, 'window.pageData') ?? embeddedState(doc, 'pageData');
  const list: Json | undefined = at(state, 'mods', 'listItems');
  if (!Array.isArray(list)) return [];
  const index = linkIndex(doc, url);
  const items: RawItem[] = [];
  for (const o of list) {
    if (!isObject(o)) continue;
    const item = itemFromState(o, url);
    if (!item) continue;
    item.shipFrom = localLocation(typeof o['location'] === 'string' ? o['location'] : null, url.hostname);
    item.anchor = anchorFor(index, item.url);
    items.push(item);
  }
  return dedupe(items);
}

export const lazada: SiteAdapter = {
  id: 'lazada',
  name: 'Lazada',
  matches: DOMAINS.map((d) => `*://*.${d}/*`),
  handles: (url) => DOMAINS.some((d) => url.hostname === d || url.hostname.endsWith(`.${d}`)),
  extract(doc: Document, url: URL): PageItems | null {
    const currency = hostCurrency(url.hostname);
    if (!/\/products\//.test(url.pathname)) {
      const tiles = readTiles(doc, SEARCH, url, currency);
      for (const item of tiles) {
        if (item.anchor) item.shipFrom = localLocation(pickFirst(item.anchor, LOCATION), url.hostname);
      }
      if (tiles.length) return { kind: 'search', items: tiles };
      const state = fromPageData(doc, url);
      if (state.length) return { kind: 'search', items: state };
      const generic = extractGeneric(doc, url);
      if (generic?.kind === 'search') return generic;
    }
    const item = readProduct(doc, url, PRODUCT, currency);
    return item ? { kind: 'product', items: [item] } : null;
  },
};
