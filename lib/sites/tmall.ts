import type { SiteAdapter } from './types';
import { type Json, at, embeddedState, str } from './embedded';
import { parsePrice } from './price';
import type { TileSpec } from './tiles';
import { site } from './site';

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

export const tmall: SiteAdapter = site({
  id: 'tmall',
  name: 'Tmall',
  domains: ['tmall.com', 'tmall.hk'],
  product: /item\.htm|\/item\//,
  currency: 'CNY',
  search: SEARCH,
  page: PRODUCT,
  fix: (item, doc, url) => {
    item.title = item.title.replace(/-tmall\.com天猫$/, '');
    if (item.price === null) {
      const setup: Json | undefined = embeddedState(doc, 'TShop.Setup(');
      const p = parsePrice(str(at(setup, 'itemDO', 'defaultItemPrice')) ?? str(at(setup, 'detail', 'defaultItemPrice')), url.hostname, 'CNY');
      if (p) Object.assign(item, p);
    }
  },
});
