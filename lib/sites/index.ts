import type { PageItems, SiteAdapter } from './types';
import { alibaba } from './alibaba';
import { aliexpress } from './aliexpress';
import { amazon } from './amazon';
import { ebay } from './ebay';
import { etsy } from './etsy';
import { extractGeneric } from './generic';
import { jd } from './jd';
import { lazada } from './lazada';
import { shopee } from './shopee';
import { taobao } from './taobao';
import { tiki } from './tiki';
import { tmall } from './tmall';
import { walmart } from './walmart';

/** THE list of site adapters. Adding a site = a file, a line here, fixtures. */
export const adapters: readonly SiteAdapter[] = [
  lazada, shopee, tiki, aliexpress, alibaba, taobao, tmall, jd, amazon, ebay, walmart, etsy,
];

/** Match patterns for the manifest (host permissions and content-script matches). */
export function siteMatchPatterns(): string[] {
  return [...new Set(adapters.flatMap((a) => a.matches))];
}

export function adapterFor(url: URL): SiteAdapter | null {
  return adapters.find((a) => a.handles(url)) ?? null;
}

export interface ExtractedPage extends PageItems {
  /** Adapter id, or "generic" for unknown hosts. */
  site: string;
}

function attempt(read: () => PageItems | null): PageItems | null {
  try {
    const page = read();
    return page && page.items.length > 0 ? page : null;
  } catch {
    // A broken page must never break the shopper's page.
    return null;
  }
}

/**
 * Reads a page with its site's adapter, then with the generic schema.org / embedded-state reader
 * when the adapter finds nothing. Never throws: a page nothing can read gives no items.
 */
export function extractPage(doc: Document, url: URL): ExtractedPage {
  const adapter = adapterFor(url);
  const site = adapter?.id ?? 'generic';
  const page = (adapter && attempt(() => adapter.extract(doc, url))) ?? attempt(() => extractGeneric(doc, url));
  return page ? { site, kind: page.kind, items: page.items } : { site, kind: 'product', items: [] };
}

export { itemKey } from './types';
export type { Condition, PageItems, PageKind, RawItem, SiteAdapter } from './types';
