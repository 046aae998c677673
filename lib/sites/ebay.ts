import type { PageItems, RawItem, SiteAdapter } from './types';
import { hostCurrency } from './price';
import { countryToIso2, parseCondition } from './facts';
import { readProduct } from './product';
import { type TileSpec, readTiles } from './tiles';
import { safeQueryAll, text } from './dom';
import { extractGeneric } from './generic';

const TLDS = ['com', 'ca', 'co.uk', 'com.au', 'de', 'fr', 'it', 'es', 'nl', 'at', 'be', 'ch', 'ie', 'pl', 'com.sg', 'com.my', 'ph', 'com.hk', 'in', 'com.tw', 'vn'];
const HOSTS = TLDS.map((t) => `ebay.${t}`);

// Evidence: ebay-product-1 (2016): h1#itemTitle ("Details about" hidden prefix), #prcIsum + microdata,
// [itemprop=availableAtOrFrom]; ebay-product-3 (2026 /p/): .x-item-title__mainTitle, .x-price-primary, JSON-LD.
const PRODUCT = {
  title: ['h1.x-item-title__mainTitle', '.x-item-title__mainTitle', 'h1#itemTitle', '#itemTitle', 'h1'],
  price: ['.x-price-primary', '#prcIsum', '#mm-saleDscPrc', '#prcIsum_bidPrice', '[itemprop="price"]@content', '.display-price'],
  crumbs: ['nav.breadcrumbs li a', '.seo-breadcrumb-text', '#vi-VR-brumb-lnkLst li a', 'li[itemprop="itemListElement"] [itemprop="name"]'],
  shipFrom: ['[itemprop="availableAtOrFrom"]', '.ux-labels-values--itemLocation .ux-labels-values__values', '.d-shipping-minview .ux-textspans--SECONDARY'],
  condition: ['.x-item-condition-text .ux-textspans', '.x-item-condition-value .ux-textspans', '#vi-itm-cond', '[itemprop="itemCondition"]@content'],
  specRows: ['.ux-layout-section-evo__col', '.itemAttr tr td', '.ux-labels-values'],
  titleNoise: /^Details about\s*/i,
};
// Evidence: ebay-search-2 (2025): li.s-card[data-listingid]; older li.s-item (.s-item__title/.s-item__price).
const SEARCH: TileSpec = {
  tiles: ['li.s-card[data-listingid]', 'li[data-listingid]', 'li.s-item[data-view]', 'li.s-item', '.sresult'],
  title: ['.s-card__title .su-styled-text', '.s-card__title', '.s-item__title', 'h3.lvtitle a', 'h3'],
  price: ['.s-card__price', '.s-item__price', '.lvprice', '[class*="price"]'],
  url: ['a.su-link[href*="/itm/"]@href', 'a[href*="/itm/"]@href', '.s-item__link@href', 'a@href'],
  shipFrom: ['.s-item__location', '.s-item__itemLocation', '.lvdetails .ship'],
  condition: ['.s-card__subtitle', '.s-item__subtitle .SECONDARY_INFO', '.s-item__subtitle'],
  titleNoise: /^(New Listing|Nuevo anuncio|Neues Angebot)\s*|\s*Opens in a new window or tab$/i,
};

/** "Located in China" / "from China" lines of s-card tiles. */
function tileLocation(tile: Element): string | null {
  for (const el of safeQueryAll(tile, '.su-styled-text, .s-item__location, span')) {
    const t = text(el);
    if (t && /^(located in|from|aus|de|da|desde)\s/i.test(t) && t.length < 60) return countryToIso2(t.replace(/^(aus|de|da|desde)\s/i, ''));
  }
  return null;
}

export const ebay: SiteAdapter = {
  id: 'ebay',
  name: 'eBay',
  matches: HOSTS.map((h) => `*://*.${h}/*`),
  handles: (url) => HOSTS.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`)),
  extract(doc: Document, url: URL): PageItems | null {
    const currency = hostCurrency(url.hostname);
    if (!/^\/(itm|p)\//.test(url.pathname)) {
      const tiles: RawItem[] = readTiles(doc, SEARCH, url, currency).filter(
        // Hidden "Shop on eBay" template tiles carry no real listing.
        (t) => !/^shop on ebay$/i.test(t.title) && t.price !== null,
      );
      for (const t of tiles) {
        if (t.anchor) t.shipFrom ??= tileLocation(t.anchor);
        t.condition ??= null;
      }
      if (tiles.length) return { kind: 'search', items: tiles };
      const generic = extractGeneric(doc, url);
      if (generic?.kind === 'search') return generic;
    }
    const item = readProduct(doc, url, PRODUCT, currency);
    if (!item) return null;
    item.condition ??= parseCondition(text(doc.querySelector('[data-testid="x-item-condition"]')));
    return { kind: 'product', items: [item] };
  },
};
