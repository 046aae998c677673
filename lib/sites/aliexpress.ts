import type { PageItems, RawItem, SiteAdapter } from './types';
import { emptyItem } from './types';
import { type Json, assignedJson, at, embeddedState, inlineScripts, isObject, str } from './embedded';
import { normaliseCurrency, parsePrice, structuredPrice } from './price';
import { conditionFromTitle } from './facts';
import { canonical, fillFrom, readProduct } from './product';
import { type TileSpec, readTiles } from './tiles';
import { extractGeneric } from './generic';
import { itemsFromStates } from './state';
import { hosts } from './site';

// Evidence: aliexpress-product-1 (2020, he.aliexpress.com): h1.product-title-text, .product-price-value,
// window.runParams = { data: { titleModule, priceModule, crossLinkModule, commonModule } }.
const PRODUCT = {
  title: ['h1.product-title-text', 'h1[data-pl="product-title"]', '.product-title h1', 'h1'],
  price: [
    '.product-price-current',
    '[class*="price--current"] [class*="price--currentPriceText"]',
    '[class*="price-default--current"]',
    '.uniform-banner-box-price',
    '.product-price-value',
    '[itemprop="price"]',
  ],
  crumbs: ['.ui-breadcrumb a', '[class*="breadcrumb"] a'],
};
// 2022+ search cards (.search-item-card-wrapper-gallery / a.search-card-item), 2019 list items.
const SEARCH: TileSpec = {
  tiles: ['.search-item-card-wrapper-gallery', '.search-item-card-wrapper-list', 'a.search-card-item', '[data-widget-cid] .list-item', '.list-item[data-product-id]', '.product-card'],
  title: ['h3', 'h1', '[class*="title" i]@title', '[class*="title" i]', 'a[title]@title'],
  price: ['[class*="price-sale" i]', '[class*="price--current" i]', '.price-current', '[class*="price" i]'],
  url: ['@href', 'a[href*="/item/"]@href', 'a@href'],
};

/** window.runParams = { data: {...} } (not JSON: the key is bare), read by cutting out `data`. */
function runParamsData(doc: Document): Json | undefined {
  for (const s of inlineScripts(doc)) {
    const at0 = s.indexOf('runParams');
    if (at0 < 0) continue;
    const v = assignedJson(s.slice(at0), 'data:');
    if (v !== undefined) return v;
  }
  return undefined;
}

function fromRunParams(data: Json | undefined, url: URL): RawItem | null {
  const title = str(at(data, 'titleModule', 'subject')) ?? str(at(data, 'pageModule', 'title'));
  if (!title) return null;
  const item = emptyItem(title);
  const pm = at(data, 'priceModule');
  const low = at(pm, 'minActivityAmount') ?? at(pm, 'minAmount');
  const high = at(pm, 'maxActivityAmount') ?? at(pm, 'maxAmount');
  item.price = structuredPrice(at(low, 'value'));
  const max = structuredPrice(at(high, 'value'));
  item.priceMax = item.price !== null && max !== null && max > item.price ? max : null;
  item.currency = normaliseCurrency(at(low, 'currency') ?? at(data, 'commonModule', 'currencyCode'), url.hostname);
  if (item.price === null) Object.assign(item, parsePrice(str(at(pm, 'formatedActivityPrice')) ?? str(at(pm, 'formatedPrice')), url.hostname, null));
  const crumbs = at(data, 'crossLinkModule', 'breadCrumbPathList');
  if (Array.isArray(crumbs)) {
    // The first two entries are "Home" and "All categories".
    const names = crumbs.filter(isObject).filter((c) => Number(c['cateId']) > 0).map((c) => str(c['name'])).filter((n): n is string => !!n);
    if (names.length) item.categoryPath = names;
  }
  item.condition = conditionFromTitle(title);
  return item;
}

export const aliexpress: SiteAdapter = {
  id: 'aliexpress',
  name: 'AliExpress',
  // Language subdomains (he., es., pt., fr., ...) plus the Russian and US sites.
  ...hosts(['aliexpress.com', 'aliexpress.ru', 'aliexpress.us']),
  extract(doc: Document, url: URL): PageItems | null {
    if (/\/item\//.test(url.pathname)) {
      const state = fromRunParams(runParamsData(doc), url);
      const dom = readProduct(doc, url, PRODUCT, null);
      // State first: it has the low end and the currency; the DOM shows the converted text.
      const item = state ? fillFrom(state, dom ?? undefined) : dom;
      if (!item) return null;
      item.url = canonical(doc, url);
      item.anchor = dom?.anchor ?? null;
      return { kind: 'product', items: [item] };
    }
    const tiles = readTiles(doc, SEARCH, url, null);
    if (tiles.length) return { kind: 'search', items: tiles };
    const state = itemsFromStates([embeddedState(doc, '_init_data_'), runParamsData(doc)].filter((x) => x !== undefined) as Json[], url);
    if (state?.kind === 'search') return state;
    return extractGeneric(doc, url);
  },
};
