import type { RawItem, SiteAdapter } from './types';
import { type Json, embeddedState, isObject, at } from './embedded';
import { localLocation } from './facts';
import { type TileSpec, pickFirst } from './tiles';
import { itemFromState, dedupe } from './state';
import { site } from './site';

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
  const items: RawItem[] = [];
  for (const o of list) {
    if (!isObject(o)) continue;
    const item = itemFromState(o, url);
    if (!item) continue;
    item.shipFrom = localLocation(typeof o['location'] === 'string' ? o['location'] : null, url.hostname);
    items.push(item);
  }
  return dedupe(items);
}

export const lazada: SiteAdapter = site({
  id: 'lazada',
  name: 'Lazada',
  domains: DOMAINS,
  product: /\/products\//,
  search: SEARCH,
  tile: (item, url) => {
    item.shipFrom = localLocation(pickFirst(item.anchor!, LOCATION), url.hostname);
  },
  more: fromPageData,
  page: PRODUCT,
});
