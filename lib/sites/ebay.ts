import type { SiteAdapter } from './types';
import { labelledCountry, parseCondition } from './facts';
import type { TileSpec } from './tiles';
import { text } from './dom';
import { site } from './site';

const TLDS = ['com', 'ca', 'co.uk', 'com.au', 'de', 'fr', 'it', 'es', 'nl', 'at', 'be', 'ch', 'ie', 'pl', 'com.sg', 'com.my', 'ph', 'com.hk', 'in', 'com.tw', 'vn'];

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

export const ebay: SiteAdapter = site({
  id: 'ebay',
  name: 'eBay',
  domains: TLDS.map((t) => `ebay.${t}`),
  product: /^\/(itm|p)\//,
  search: SEARCH,
  tile: (t) => {
    // "Located in China" / "from China" lines of s-card tiles.
    t.shipFrom ??= labelledCountry(t.anchor!, '.su-styled-text, .s-item__location, span', /^(located in|from|aus|de|da|desde)\s/i);
    // Hidden "Shop on eBay" template tiles carry no real listing.
    return !/^shop on ebay$/i.test(t.title) && t.price !== null;
  },
  page: PRODUCT,
  fix: (item, doc) => {
    item.condition ??= parseCondition(text(doc.querySelector('[data-testid="x-item-condition"]')));
  },
});
