import type { PageItems, RawItem, SiteAdapter } from './types';
import { type Json, at, embeddedState, isObject, str } from './embedded';
import { readProduct } from './product';
import { type TileSpec, readTiles } from './tiles';
import { itemFromState } from './state';
import { localLocation } from './facts';
import { anchorFor, extractGeneric, linkIndex } from './generic';

// Evidence: taobao-product-1 (2020): h3.tb-main-title[data-title], #J_StrPrice em.tb-rmb-num "149.00 - 159.00".
const PRODUCT = {
  title: ['.tb-main-title@data-title', 'h3.tb-main-title', '[class*="mainTitle"]', '[class*="ItemHeader--mainTitle"]', 'h1'],
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
  const index = linkIndex(doc, url);
  const out: RawItem[] = [];
  for (const a of auctions) {
    if (!isObject(a)) continue;
    const item = itemFromState(a, url);
    if (!item) continue;
    item.currency = item.price !== null ? 'CNY' : null;
    item.shipFrom = localLocation(str(a['item_loc']), url.hostname);
    item.anchor = anchorFor(index, item.url);
    out.push(item);
  }
  return out;
}

export const taobao: SiteAdapter = {
  id: 'taobao',
  name: 'Taobao',
  matches: ['*://*.taobao.com/*'],
  handles: (url) => /(^|\.)taobao\.com$/.test(url.hostname),
  extract(doc: Document, url: URL): PageItems | null {
    if (!/item\.htm|\/item\//.test(url.pathname)) {
      const tiles = readTiles(doc, SEARCH, url, 'CNY');
      if (tiles.length) return { kind: 'search', items: tiles };
      const state = fromPageConfig(doc, url);
      if (state.length) return { kind: 'search', items: state };
      const generic = extractGeneric(doc, url);
      if (generic?.kind === 'search') return generic;
    }
    const item = readProduct(doc, url, PRODUCT, 'CNY');
    if (!item) return null;
    item.title = item.title.replace(/-淘宝网$/, '');
    return { kind: 'product', items: [item] };
  },
};
