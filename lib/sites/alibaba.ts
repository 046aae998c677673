import type { RawItem, SiteAdapter } from './types';
import { type Json, assignedJson, at, inlineScripts, isObject, str } from './embedded';
import { parsePrice } from './price';
import { countryToIso2 } from './facts';
import { specPairs } from './product';
import type { TileSpec } from './tiles';
import { absUrl } from './dom';
import { emptyItem } from './types';
import { site } from './site';

// Evidence: alibaba-product-1 (2026 fragment): [data-module-name=module_title] h1, module_price .price-item
// tiers (first tier = MOQ price), module_breadcrumbNew, module_attribute ("Place of Origin").
const PRODUCT = {
  title: ['[data-module-name="module_title"] h1', '.product-title h1', 'h1.module-pdp-title', 'h1'],
  price: [
    '[data-module-name="module_price"] .price-item span',
    '.price-item span',
    '[data-module-name="module_price"] .price-range',
    '.product-price .price',
    '.ma-ref-price span',
    '.ma-spec-price span',
  ],
  crumbs: ['[data-module-name="module_breadcrumbNew"] li a', '[data-module-name="module_breadcrumbNew"] a', '.detail-breadcrumb a', '.ui-breadcrumb a'],
  specRows: ['[data-module-name="module_attribute"] .id-grid > div', '[data-module-name="module_attribute"] tr', '.do-entry-item', '.attribute-item'],
};
// Evidence: alibaba-search-1 (2021): .J-offer-wrapper tiles (h2.elements-title-normal, .elements-offer-price-normal__price).
const SEARCH: TileSpec = {
  tiles: ['.J-offer-wrapper', '.m-gallery-product-item-v2', '.fy23-search-card', '.search-card-item', '.organic-list-offer-outter', '.organic-gallery-offer-outter'],
  title: ['h2.elements-title-normal', '.elements-title-normal', '.search-card-e-title', 'h2', '[class*="title"]'],
  price: ['.elements-offer-price-normal__price', '.search-card-e-price-main', '[class*="price-main"]', '[class*="offer-price"]'],
  url: ['a.elements-title-normal@href', 'h2 a@href', 'a[href*="product-detail"]@href', 'a@href'],
};

/** The search results' "offerList":[...] JSON (all offers, also those not rendered as tiles). */
function offerList(doc: Document, url: URL): RawItem[] {
  for (const s of inlineScripts(doc)) {
    if (!s.includes('"offerList"')) continue;
    const list: Json | undefined = assignedJson(s, '"offerList":');
    if (!Array.isArray(list)) continue;
    const items: RawItem[] = [];
    for (const o of list) {
      const title = str(at(o, 'information', 'puretitle')) ?? str(at(o, 'information', 'title'));
      if (!isObject(o) || !title) continue;
      const item = emptyItem(title.replace(/<[^>]*>/g, ''));
      Object.assign(item, parsePrice(str(at(o, 'tradePrice', 'price')) ?? str(at(o, 'promotionPrice', 'price')), url.hostname, null));
      item.url = absUrl(str(at(o, 'information', 'productUrl')) ?? str(at(o, 'information', 'detailUrl')), url);
      item.shipFrom = countryToIso2(str(at(o, 'supplier', 'supplierCountry', 'code')) ?? str(at(o, 'supplier', 'countryCode')));
      items.push(item);
    }
    if (items.length) return items;
  }
  return [];
}

export const alibaba: SiteAdapter = site({
  id: 'alibaba',
  name: 'Alibaba.com',
  domains: ['alibaba.com'],
  product: /product-detail|\/product\//,
  currency: null,
  // Rendered tiles are what the shopper sees (prices in their currency); the embedded
  // offer list covers pages whose tiles are all rendered later by script.
  search: SEARCH,
  more: offerList,
  page: PRODUCT,
  fix: (item, doc) => {
    item.shipFrom ??= countryToIso2(specPairs(doc, PRODUCT.specRows).find(([k]) => /origin/i.test(k))?.[1]);
  },
});
