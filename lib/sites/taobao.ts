import type { RawItem, SiteAdapter } from './types';
import { type Json, at, embeddedState, isObject, str } from './embedded';
import type { TileSpec } from './tiles';
import { itemFromState } from './state';
import { localLocation } from './facts';
import { site } from './site';

// Evidence: taobao-product-1 (2020): h3.tb-main-title[data-title], #J_StrPrice em.tb-rmb-num "149.00 - 159.00".
const PRODUCT = {
  title: ['h3.tb-main-title', '[class*="mainTitle"]', 'h1'],
  price: ['#J_PromoPriceNum', '#J_StrPrice .tb-rmb-num', '.tb-rmb-num', '[class*="Price--priceText"]', '[class*="highlightPrice"] [class*="text"]'],
  crumbs: ['.tb-breadcrumb a'],
  specRows: ['.attributes-list li', '#J_AttrUL li'],
};
// 2023+ search: a[class*=doubleCardWrapper]; 2016-2020 search is rendered from g_page_config.
const SEARCH: TileSpec = {
  tiles: ['a[class*="doubleCardWrapper"]', '[class*="Card--doubleCard"]', '.item.J_MouserOnverReq', '.m-itemlist .item'],
  title: ['[class*="title--"]', '.title a', '.title', 'img@alt'],
  price: ['[class*="priceWrapper"]', '.price', '[class*="price"]'],
  url: ['@href', '.title a@href', 'a@href'],
};

/** g_page_config.mods.itemlist.data.auctions[]: raw_title, view_price, item_loc, detail_url. */
function fromPageConfig(doc: Document, url: URL): RawItem[] {
  const cfg: Json | undefined = embeddedState(doc, 'g_page_config');
  const auctions = at(cfg, 'mods', 'itemlist', 'data', 'auctions');
  if (!Array.isArray(auctions)) return [];
  const out: RawItem[] = [];
  for (const a of auctions) {
    if (!isObject(a)) continue;
    const item = itemFromState(a, url);
    if (!item) continue;
    item.currency = item.price !== null ? 'CNY' : null;
    item.shipFrom = localLocation(str(a['item_loc']), url.hostname);
    out.push(item);
  }
  return out;
}

export const taobao: SiteAdapter = site({
  id: 'taobao',
  name: 'Taobao',
  domains: ['taobao.com'],
  product: /item\.htm|\/item\//,
  currency: 'CNY',
  search: SEARCH,
  more: fromPageConfig,
  page: PRODUCT,
  fix: (item) => {
    item.title = item.title.replace(/-淘宝网$/, '');
  },
});
