/**
 * The shape most site adapters share: on a search page, rendered tiles, then the adapter's own
 * fallback (embedded state), then a schema.org item list; on a product page (or when a search
 * page has none of those), the product read with named selectors and structured data.
 */
import type { PageItems, RawItem, SiteAdapter } from './types';
import { hostCurrency } from './price';
import { type ProductSpec, readProduct } from './product';
import { type TileSpec, readTiles } from './tiles';
import { anchorLinks, extractGeneric } from './generic';

/** Matches and hostname check for registrable domains and their subdomains (`bare` adds `*://domain/*`). */
export function hosts(domains: readonly string[], bare?: boolean): Pick<SiteAdapter, 'matches' | 'handles'> {
  return {
    matches: domains.flatMap((d) => (bare ? [`*://*.${d}/*`, `*://${d}/*`] : [`*://*.${d}/*`])),
    handles: (url) => domains.some((d) => url.hostname === d || url.hostname.endsWith(`.${d}`)),
  };
}

export interface SiteDef {
  id: string;
  name: string;
  domains: readonly string[];
  bare?: boolean;
  /** Product pages: a pathname test, or a test of the URL and document. */
  product: RegExp | ((url: URL, doc: Document) => boolean);
  /** The currency prices are in when the text has no symbol; the host's when undefined. */
  currency?: string | null;
  search: TileSpec;
  /** Fixes each tile up; returning false drops it. */
  tile?: (item: RawItem, url: URL) => unknown;
  /** Search results when no tile is rendered (embedded state); anchored on their links. */
  more?: (doc: Document, url: URL, currency: string | null) => RawItem[];
  page: ProductSpec;
  /** Fixes the product up (facts only this site shows). */
  fix?: (item: RawItem, doc: Document, url: URL) => void;
}

export function site(def: SiteDef): SiteAdapter {
  return {
    id: def.id,
    name: def.name,
    ...hosts(def.domains, def.bare),
    extract(doc: Document, url: URL): PageItems | null {
      const cur = def.currency === undefined ? hostCurrency(url.hostname) : def.currency;
      const p = def.product;
      if (!(typeof p === 'function' ? p(url, doc) : p.test(url.pathname))) {
        let items = readTiles(doc, def.search, url, cur).filter((t) => def.tile?.(t, url) !== false);
        if (!items.length && def.more) items = anchorLinks(doc, url, def.more(doc, url, cur));
        if (items.length) return { kind: 'search', items };
        const generic = extractGeneric(doc, url);
        if (generic?.kind === 'search') return generic;
      }
      const item = readProduct(doc, url, def.page, cur);
      if (!item) return null;
      def.fix?.(item, doc, url);
      return { kind: 'product', items: [item] };
    },
  };
}
