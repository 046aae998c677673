import type { SiteAdapter } from './types';
import type { TileSpec } from './tiles';
import { site } from './site';

// Evidence: jd-search-1 (2016): li.gl-item[data-sku], .p-name em (keyword in <font>), .p-price strong[data-price].
const SEARCH: TileSpec = {
  tiles: ['li.gl-item[data-sku]', '.gl-item[data-sku]', '[data-sku] .gl-i-wrap', '[class*="goodsCard"][data-sku]', 'div[data-sku]'],
  title: ['.p-name em', '.p-name a@title', '.p-name', '[class*="goods_title"]', '[class*="title"]'],
  price: ['.p-price strong[data-price]@data-price', '.p-price i', '.p-price strong', '[class*="price"]'],
  url: ['.p-name a@href', '.p-img a@href', 'a[href*="item.jd"]@href', 'a@href'],
};
// 2016-2024 item.jd.com: .sku-name, .p-price .price (filled by script; often empty in saved pages).
const PRODUCT = {
  title: ['.sku-name', '#name h1', 'h1', '[class*="sku-title"]'],
  price: ['.summary-price .p-price .price', '.p-price .price', '.J-p-price', '[class*="finalPrice"]'],
  crumbs: ['#crumb-wrap .crumb .item a', '.crumb .item a'],
  specRows: ['.parameter2 li', '.Ptable-item dl', '.p-parameter-list li'],
};

export const jd: SiteAdapter = site({
  id: 'jd',
  name: 'JD.com',
  domains: ['jd.com', 'jd.hk'],
  product: (url) => /^item\./.test(url.hostname) || /^\/\d+\.html/.test(url.pathname),
  currency: 'CNY',
  search: SEARCH,
  page: PRODUCT,
  fix: (item) => {
    item.title = item.title.replace(/【行情 报价 价格 评测】-京东$|-京东$/, '');
  },
});
