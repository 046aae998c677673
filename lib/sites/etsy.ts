import type { PageItems, SiteAdapter } from './types';
import { countryToIso2 } from './facts';
import { readProduct } from './product';
import { type TileSpec, readTiles } from './tiles';
import { safeQueryAll, text } from './dom';
import { extractGeneric } from './generic';

// Etsy prices in the shopper's currency whatever the domain, so no host currency: symbols and JSON-LD decide.
// Evidence: etsy-product-2 (2026): h1, [data-buy-box-region=price] "Price: €40.63+", JSON-LD Product with
// AggregateOffer and shippingDetails.shippingOrigin, "Ships from Türkiye".
const PRODUCT = {
  title: ['h1[data-buy-box-listing-title]', '[data-buy-box-region="title"] h1', 'h1'],
  price: ['[data-buy-box-region="price"] .wt-text-title-larger', '[data-buy-box-region="price"] p', '[data-selector="price-only"] p', '.wt-text-title-03.wt-mr-xs-2'],
  crumbs: ['#wt-content-toggle-breadcrumbs a', 'nav[aria-label*="readcrumb"] a', '.wt-action-group a'],
};
const SEARCH: TileSpec = {
  tiles: ['[data-search-results] [data-listing-id]', 'li [data-listing-id]', '.v2-listing-card[data-listing-id]', '[data-listing-id][data-palette-listing-image]'],
  title: ['h3', '.v2-listing-card__title', 'a[title]@title'],
  price: ['.n-listing-card__price .currency-value', '.lc-price .currency-value', '.currency-value', '.n-listing-card__price', '.lc-price'],
  url: ['a.listing-link@href', 'a[href*="/listing/"]@href', 'a@href'],
};

function shipsFromText(doc: Document): string | null {
  for (const el of safeQueryAll(doc, '[data-shipping-variant-div] p, #shipping-variant-div p, .wt-text-body-01, p, span')) {
    const t = text(el);
    if (t && t.length < 60 && /^(ships from|dispatched from|sent from|envío desde|versand aus|expédié depuis)\s/i.test(t)) {
      return countryToIso2(t.replace(/^\S+\s\S+\s/, ''));
    }
  }
  return null;
}

export const etsy: SiteAdapter = {
  id: 'etsy',
  name: 'Etsy',
  matches: ['*://*.etsy.com/*'],
  handles: (url) => /(^|\.)etsy\.com$/.test(url.hostname),
  extract(doc: Document, url: URL): PageItems | null {
    if (!/\/listing\//.test(url.pathname)) {
      const tiles = readTiles(doc, SEARCH, url, null);
      if (tiles.length) return { kind: 'search', items: tiles };
      const generic = extractGeneric(doc, url);
      if (generic?.kind === 'search') return generic;
    }
    const item = readProduct(doc, url, PRODUCT, null);
    if (!item) return null;
    item.shipFrom ??= shipsFromText(doc);
    return { kind: 'product', items: [item] };
  },
};
