/** What a site adapter reads from a page. Unknown facts are null, never guesses. */
export type Condition = 'new' | 'used' | 'refurbished';
export type PageKind = 'product' | 'search';

export interface RawItem {
  title: string;
  /** Low end when the page shows a range. */
  price: number | null;
  /** High end of a price range, null when the page shows one price. */
  priceMax: number | null;
  /** ISO 4217. */
  currency: string | null;
  /** Breadcrumb, most general first. */
  categoryPath: string[] | null;
  /** ISO 3166-1 alpha-2. */
  shipFrom: string | null;
  weightKg: number | null;
  condition: Condition | null;
  url: string | null;
  /** Element to anchor a badge on (not serialised; null in Node or when no tile exists). */
  anchor: Element | null;
}

export interface PageItems {
  kind: PageKind;
  items: RawItem[];
}

export interface SiteAdapter {
  /** Equals the file name in lib/sites and the fixture name prefix. */
  id: string;
  /** Display name. */
  name: string;
  /** Manifest match patterns (host permissions and content-script matches come from these). */
  matches: string[];
  /** Whether this adapter handles the URL (hostname check; match patterns can't express all TLDs). */
  handles(url: URL): boolean;
  /** Pure: reads the document, never mutates it. Returns null when it finds nothing. */
  extract(doc: Document, url: URL): PageItems | null;
}

export function emptyItem(title: string): RawItem {
  return {
    title,
    price: null,
    priceMax: null,
    currency: null,
    categoryPath: null,
    shipFrom: null,
    weightKg: null,
    condition: null,
    url: null,
    anchor: null,
  };
}

/**
 * A stable key for an item, to read each item once on infinite scroll and SPA navigation:
 * the item URL without query and hash when known, else title + price.
 */
export function itemKey(item: Pick<RawItem, 'url' | 'title' | 'price'>): string {
  if (item.url) {
    try {
      const u = new URL(item.url);
      // Tracking parameters change between renders; ids in the query (taobao item.htm?id=) do not.
      // (The query is parsed only when it may hold one, perhaps percent-encoded: most hold none.)
      const q = /[?&](id|itemId|sku)=|%/.test(u.search) ? u.searchParams : null;
      const id = q ? (q.get('id') ?? q.get('itemId') ?? q.get('sku') ?? '') : '';
      return `${u.host}${u.pathname}${id ? `?id=${id}` : ''}`;
    } catch {
      // fall through to the title key
    }
  }
  return `${item.title.toLowerCase()}|${item.price ?? ''}`;
}
