/** Small DOM helpers shared by the adapters: pure reads that work in Chromium and linkedom. */

/** A compact lookup table: "A:x,y|B:z" -> [["x", "A"], ["y", "A"], ["z", "B"]], in order. */
export function table(s: string): [string, string][] {
  return s.split('|').flatMap((g) => {
    const [code, keys] = g.split(':') as [string, string];
    return keys.split(',').map((k): [string, string] => [k, code]);
  });
}

/** Collapses whitespace (incl. NBSP) and trims; null for empty. */
export function clean(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/[\s\u00a0\u200b\u200e\u200f]+/g, ' ').trim();
  return t ? t : null;
}

export function text(el: Element | null | undefined): string | null {
  return el ? clean(el.textContent) : null;
}

export function attr(el: Element | null | undefined, name: string): string | null {
  return el ? clean(el.getAttribute(name)) : null;
}

/** First element matching any selector, in selector order (preference), not document order. */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const el = safeQuery(root, sel);
    if (el) return el;
  }
  return null;
}

/** First non-empty text among the selectors. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | null {
  for (const sel of selectors) {
    const t = text(safeQuery(root, sel));
    if (t) return t;
  }
  return null;
}

export function safeQuery(root: ParentNode, sel: string): Element | null {
  try {
    return root.querySelector(sel);
  } catch {
    return null;
  }
}

export function safeQueryAll(root: ParentNode, sel: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(sel));
  } catch {
    return [];
  }
}

/** Absolute http(s) URL or null ("//host/x", "/x", "x" resolve against the page URL). */
export function absUrl(href: string | null | undefined, base: URL | string): string | null {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  if (!h || /^(javascript|data|mailto|tel|blob):/i.test(h) || h.startsWith('#')) return null;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Breadcrumb texts from link-like elements, dropping "Home"-style roots and the site name. */
const CRUMB_NOISE = /^(home|homepage|trang chủ|首页|inicio|accueil|startseite|back to .*|see more.*|voir plus.*|all categories|tất cả danh mục|所有分类|(amazon|ebay|shopee|lazada|tiki|walmart|etsy|alibaba|aliexpress|taobao|tmall|jd)(\.[a-z.]+)?)$/i;

/** Breadcrumb entries from their elements' texts (noise like "Home" and site names dropped, no repeats). */
export function crumbs(els: Iterable<Element>): string[] | null {
  return cleanCrumbs(Array.from(els, (el) => text(el)));
}

export function cleanCrumbs(names: Iterable<string | null>): string[] | null {
  const out: string[] = [];
  for (const n of names) {
    const t = clean(n);
    if (t && !CRUMB_NOISE.test(t) && t.length < 120 && !out.includes(t)) out.push(t);
  }
  return out.length ? out : null;
}

/** A URL that a tracking redirect wraps (amazon /sspa/click?url=, walmart /sp/track?rd=), else the URL. */
export function unwrapRedirect(url: string | null): string | null {
  if (!url) return url;
  try {
    const u = new URL(url);
    if (!/\/(sspa\/click|sp\/track|gp\/slredirect|rd|redirect)/i.test(u.pathname)) return url;
    const inner = u.searchParams.get('url') ?? u.searchParams.get('rd') ?? u.searchParams.get('u');
    return inner ? new URL(inner, u).href : url;
  } catch {
    return url;
  }
}

let metaCache: { doc: Document; map: Map<string, Element> } | null = null;

/**
 * The content of the first <meta> whose property, name or itemprop is `key` (as the selector
 * `meta[property=k], meta[name=k], meta[itemprop=k]` finds it). The metas are read once per
 * read of the page (until the current task ends), not once per key: each miss of that selector
 * walks the whole document, which on a large product page costs a millisecond or more.
 */
export function metaContent(doc: Document, key: string): string | null {
  if (metaCache?.doc !== doc) {
    const map = new Map<string, Element>();
    for (const m of Array.from(doc.getElementsByTagName('meta'))) {
      for (const a of ['property', 'name', 'itemprop']) {
        const k = m.getAttribute(a);
        if (k !== null && !map.has(k)) map.set(k, m);
      }
    }
    metaCache = { doc, map };
    // The page may change before the next read (single-page navigation): forget after this task.
    queueMicrotask(() => (metaCache = null));
  }
  return attr(metaCache.map.get(key) ?? null, 'content');
}
