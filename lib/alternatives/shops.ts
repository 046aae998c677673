/**
 * Where to send the shopper for suggestions on each marketplace (keyed by lib/sites adapter id).
 * Kept out of the adapters because only the background needs it: the content script stays small.
 * A meta-test checks every adapter has an entry.
 */
export interface ShopLinks {
  /** A search on the marketplace the page belongs to; `q` is already URL-encoded. */
  searchUrl(page: URL, q: string): string;
  /** The same search narrowed to used / refurbished / renewed offers (filter or keyword). */
  usedSearchUrl(page: URL, q: string): string;
  /** Checkout offers slower (economy, consolidated, sea) shipping for cross-border parcels. */
  slowShipping: boolean;
}

export const SHOPS: Readonly<Record<string, ShopLinks>> = {
  alibaba: {
    searchUrl: (page, q) => `${page.origin}/trade/search?SearchText=${q}`,
    usedSearchUrl: (page, q) => `${page.origin}/trade/search?SearchText=${q}+used`,
    slowShipping: true,
  },
  aliexpress: {
    searchUrl: (page, q) => `${page.origin}/wholesale?SearchText=${q}`,
    usedSearchUrl: (page, q) => `${page.origin}/wholesale?SearchText=${q}+refurbished`,
    slowShipping: true,
  },
  amazon: {
    searchUrl: (page, q) => `${page.origin}/s?k=${q}`,
    usedSearchUrl: (page, q) => `${page.origin}/s?k=${q}+renewed`,
    slowShipping: false,
  },
  ebay: {
    searchUrl: (page, q) => `${page.origin}/sch/i.html?_nkw=${q}`,
    usedSearchUrl: (page, q) => `${page.origin}/sch/i.html?_nkw=${q}&LH_ItemCondition=3000`,
    slowShipping: true,
  },
  etsy: {
    searchUrl: (page, q) => `${page.origin}/search?q=${q}`,
    usedSearchUrl: (page, q) => `${page.origin}/search?q=${q}&explicit=1&is_vintage=true`,
    slowShipping: false,
  },
  jd: {
    searchUrl: (page, q) => `https://search.jd.com/Search?keyword=${q}`,
    usedSearchUrl: (page, q) => `https://search.jd.com/Search?keyword=${q}+%E4%BA%8C%E6%89%8B`,
    slowShipping: false,
  },
  lazada: {
    searchUrl: (page, q) => `${page.origin}/catalog/?q=${q}`,
    usedSearchUrl: (page, q) => `${page.origin}/catalog/?q=${q}+${page.hostname.endsWith('.vn') ? 'c%C5%A9' : 'second+hand'}`,
    slowShipping: true,
  },
  shopee: {
    searchUrl: (page, q) => `${page.origin}/search?keyword=${q}`,
    usedSearchUrl: (page, q) => `${page.origin}/search?keyword=${q}+${page.hostname.endsWith('.vn') ? 'c%C5%A9' : 'preloved'}`,
    slowShipping: true,
  },
  taobao: {
    searchUrl: (page, q) => `https://s.taobao.com/search?q=${q}`,
    usedSearchUrl: (page, q) => `https://s.taobao.com/search?q=${q}+%E4%BA%8C%E6%89%8B`,
    slowShipping: false,
  },
  tiki: {
    searchUrl: (page, q) => `https://tiki.vn/search?q=${q}`,
    usedSearchUrl: (page, q) => `https://tiki.vn/search?q=${q}+c%C5%A9`,
    slowShipping: false,
  },
  tmall: {
    searchUrl: (page, q) => `https://list.tmall.com/search_product.htm?q=${q}`,
    usedSearchUrl: (page, q) => `https://s.taobao.com/search?q=${q}+%E4%BA%8C%E6%89%8B`,
    slowShipping: false,
  },
  walmart: {
    searchUrl: (page, q) => `${page.origin}/search?q=${q}`,
    usedSearchUrl: (page, q) => `${page.origin}/search?q=${q}+restored`,
    slowShipping: false,
  },
};
