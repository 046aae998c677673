import type { PageItems, SiteAdapter } from './types';
import { type Json, at, embeddedState, str } from './embedded';
import { parsePrice } from './price';
import { readProduct } from './product';
import { type TileSpec, readTiles } from './tiles';
import { extractGeneric } from './generic';

// Evidence: tmall-product-1 (2020, GBK): #J_DetailMeta .tb-detail-hd h1, #J_StrPriceModBox .tm-price
// "5499.00-6799.00", TShop.Setup({... "defaultItemPrice": "5499.00 - 6799.00" ...}).
const PRODUCT = {
  title: ['#J_DetailMeta .tb-detail-hd h1', '.tb-detail-hd h1', '[class*="ItemHeader--mainTitle"]', '[class*="mainTitle"]'],
  price: ['#J_PromoPrice .tm-price', '#J_StrPriceModBox .tm-price', '.tm-price', '[class*="Price--priceText"]', '[class*="highlightPrice"] [class*="text"]'],
  crumbs: ['#J_CrumbSlideCon a', '.crumbSlide-con a'],
  specRows: ['#J_AttrUL li', '.attributes-list li'],
};
const SEARCH: TileSpec = {
  tiles: ['.product[data-id]', 'a[class*="doubleCardWrapper"]', '.product-iWrap'],
  title: ['.productTitle a@title', '.productTitle', '[class*="title--"]'],
  price: ['.productPrice em@title', '.productPrice', '[class*="priceWrapper"]'],
  url: ['.productTitle a@href', '@href', 'a@href'],
};

export const tmall: SiteAdapter = {
  id: 'tmall',
  name: 'Tmall',
  matches: ['*://*.tmall.com/*', '*://*.tmall.hk/*'],
  handles: (url) => /(^|\.)tmall\.(com|hk)$/.test(url.hostname),
  extract(doc: Document, url: URL): PageItems | null {
    if (!/item\.htm|\/item\//.test(url.pathname)) {
      const tiles = readTiles(doc, SEARCH, url, 'CNY');
      if (tiles.length) return { kind: 'search', items: tiles };
      const generic = extractGeneric(doc, url);
      if (generic?.kind === 'search') return generic;
    }
    const item = readProduct(doc, url, PRODUCT, 'CNY');
    if (!item) return null;
    item.title = item.title.replace(/-tmall\.com天猫$/, '');
    if (item.price === null) {
      const setup: Json | undefined = embeddedState(doc, 'TShop.Setup(');
      const p = parsePrice(str(at(setup, 'itemDO', 'defaultItemPrice')) ?? str(at(setup, 'detail', 'defaultItemPrice')), url.hostname, 'CNY');
      if (p) Object.assign(item, { price: p.price, priceMax: p.priceMax, currency: p.currency ?? 'CNY' });
    }
    return { kind: 'product', items: [item] };
  },
};
