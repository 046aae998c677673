import type { SiteAdapter } from './types';
import { labelledCountry } from './facts';
import type { TileSpec } from './tiles';
import { site } from './site';

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

export const etsy: SiteAdapter = site({
  id: 'etsy',
  name: 'Etsy',
  domains: ['etsy.com'],
  product: /\/listing\//,
  currency: null,
  search: SEARCH,
  page: PRODUCT,
  fix: (item, doc) => {
    item.shipFrom ??= labelledCountry(
      doc,
      '.wt-text-body-01, p, span',
      /^(ships from|dispatched from|sent from|envío desde|versand aus|expédié depuis)\s/i,
    );
  },
});
