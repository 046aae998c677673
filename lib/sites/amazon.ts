import type { SiteAdapter } from './types';
import type { TileSpec } from './tiles';
import { unwrapRedirect } from './dom';
import { site } from './site';

/** Every Amazon marketplace named in issue 3. */
const TLDS = ['com', 'ca', 'com.mx', 'com.br', 'co.uk', 'de', 'fr', 'it', 'es', 'nl', 'se', 'pl', 'com.tr', 'in', 'co.jp', 'sg', 'com.au', 'ae', 'sa', 'eg', 'com.be', 'ie'];

// Evidence: amazon-product-1/2 (2026): #productTitle, .priceToPay .a-offscreen, #wayfinding-breadcrumbs,
// spec tables; amazon-product-4 (2016 book): span.offer-price, "Shipping Weight" in #detail-bullets.
const PRODUCT = {
  title: ['#productTitle', '#title', '#ebooksProductTitle'],
  price: [
    '#corePriceDisplay_desktop_feature_div .priceToPay .a-offscreen',
    '#corePrice_feature_div .a-offscreen',
    '#corePrice_desktop .a-offscreen',
    '.priceToPay .a-offscreen',
    '#attach-base-product-price@value',
    '#twister-plus-price-data-price@value',
    '#priceblock_dealprice',
    '#priceblock_ourprice',
    '#priceblock_saleprice',
    '#price_inside_buybox',
    '#newBuyBoxPrice',
    '#buyNewSection .offer-price',
    '#buyNewSection .header-price',
    '.a-color-price.header-price',
    '#buybox .offer-price',
    '.offer-price',
    '#kindle-price',
    '.a-price:not([data-a-strike]) .a-offscreen',
  ],
  crumbs: ['#wayfinding-breadcrumbs_feature_div li:not(.a-breadcrumb-divider) a', '#wayfinding-breadcrumbs_container a', '.a-breadcrumb a'],
  condition: ['#renewedProgramDescriptionAtf', '#usedBuySection .a-text-bold'],
  specRows: [
    '#productDetails_techSpec_section_1 tr',
    '#productDetails_detailBullets_sections1 tr',
    '#productDetails_techSpec_section_2 tr',
    '.prodDetTable tr',
    '#detailBullets_feature_div li > span',
    '#detail-bullets li',
    '#detail_bullets_id li',
    '#tech tr',
  ],
};
// Evidence: amazon-search-1/2/4: div[data-component-type=s-search-result][data-asin], h2, .a-price .a-offscreen.
const SPONSORED = /^\s*(sponsored ad|sponsored|anuncio patrocinado|patrocinado|gesponsert|sponsorisé|sponsorizzato|gesponsord|sponsrad|sponsorowane|sponsorlu|スポンサー)\s*[-–:]?\s*/i;
const SEARCH: TileSpec = {
  tiles: ['div[data-component-type="s-search-result"][data-asin]', '.s-result-item[data-asin]:not([data-asin=""])', 'li.s-result-item[data-asin]'],
  title: ['h2 span', 'h2@aria-label', 'h2', '[data-cy="title-recipe"] a span', '.s-access-title'],
  price: ['.a-price:not([data-a-strike]) .a-offscreen', '.a-price .a-offscreen', '.s-price', '.a-color-price'],
  url: ['h2 a@href', 'a.a-link-normal[href*="/dp/"]@href', 'a.a-link-normal[href*="%2Fdp%2F"]@href', '[data-cy="title-recipe"] a@href', 'a[href*="/dp/"]@href', 'a.a-link-normal@href'],
  condition: ['.s-item__subtitle'],
  titleNoise: SPONSORED,
};

export const amazon: SiteAdapter = site({
  id: 'amazon',
  name: 'Amazon',
  domains: TLDS.map((t) => `amazon.${t}`),
  product: (url, doc) => /\/(dp|gp\/product|gp\/aw\/d|d)\//.test(url.pathname) || !!doc.getElementById('productTitle'),
  search: SEARCH,
  tile: (t) => {
    t.url = unwrapRedirect(t.url);
    return t.title.length > 3;
  },
  page: PRODUCT,
});
