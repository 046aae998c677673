import type { RawItem, SiteAdapter } from './types';
import { localLocation } from './facts';
import { type TileSpec, readTile } from './tiles';
import { clean, safeQueryAll, text } from './dom';
import { site } from './site';

// Shopee runs one site per country; the first-level name differs (shopee.sg, shopee.co.id, ...).
const DOMAINS = [
  'shopee.sg', 'shopee.vn', 'shopee.ph', 'shopee.co.id', 'shopee.co.th', 'shopee.com.my', 'shopee.tw',
  'shopee.com.br', 'shopee.com.mx', 'shopee.com.co', 'shopee.cl', 'shopee.com.ar', 'shopee.pl', 'shopee.es', 'shopee.fr', 'shopee.in',
];

// Product links carry "-i.<shopid>.<itemid>" (all years); old pages also "/product/<shop>/<item>".
const PRODUCT_LINK = /-i\.\d+\.\d+|\/product\/\d+\/\d+/;
// Evidence: shopee-search-1 (li.shopee-search-item-result__item[data-sqe=item]), shopee-search-3 (shop page carousels + grid).
const TILE: TileSpec = {
  tiles: [],
  title: ['[data-sqe="name"] > div', '[data-sqe="name"]', '.line-clamp-2', '[class*="line-clamp"]', 'img@alt'],
  price: ['.truncate.flex.items-baseline', '[class*="price" i]'],
  url: ['@href', 'a@href'],
};
const PRODUCT = {
  title: ['h1', '[class*="product-briefing"] span', '.qaNIZv span'],
  price: ['[class*="product-price"] [class*="price"]', '.pqTWkA', '.IZPeQz'],
  crumbs: ['.page-product__breadcrumb a', '[class*="breadcrumb"] a'],
};

/** Labelled spec values: <h3>Ships From</h3><div>Japan</div> (and label/div pairs of older pages). */
function specValue(doc: Document, label: RegExp): string | null {
  for (const el of safeQueryAll(doc, 'section h3, section label, .product-detail label')) {
    if (label.test(text(el) ?? '')) return text(el.nextElementSibling);
  }
  return null;
}

function searchTiles(doc: Document, url: URL, currency: string | null): RawItem[] {
  const items: RawItem[] = [];
  for (const a of safeQueryAll(doc, 'a[href]')) {
    if (!PRODUCT_LINK.test(a.getAttribute('href') ?? '')) continue;
    if (a.parentElement?.closest('a[href]')) continue;
    const item = readTile(a, TILE, url, currency);
    if (!item || item.price === null) continue;
    // Anchor on the tile around the link when there is one (the link is display:contents).
    const tile = (item.anchor = a.closest('[data-sqe="item"], .shop-search-result-view__item, .shopee_ic') ?? a);
    // "location-Japan" / a city name: a country, or the site's own country for a city.
    item.shipFrom = localLocation(clean(tile.querySelector('[aria-label^="location-"]')?.getAttribute('aria-label')?.slice(9)), url.hostname);
    items.push(item);
  }
  return items;
}

export const shopee: SiteAdapter = site({
  id: 'shopee',
  name: 'Shopee',
  domains: DOMAINS,
  bare: true,
  product: PRODUCT_LINK,
  search: { tiles: [], title: [], price: [], url: [] },
  more: searchTiles,
  page: PRODUCT,
  fix: (item, doc, url) => {
    item.shipFrom ??= localLocation(specValue(doc, /ships? from|gửi từ|dikirim dari|出貨地/i), url.hostname);
  },
});
