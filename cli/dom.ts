import { parseHTML } from 'linkedom';

/**
 * Decides how to decode a saved page. Order: BOM; bytes that are valid UTF-8 (saved pages are
 * often re-encoded to UTF-8 while keeping a stale <meta charset="gbk">, e.g. taobao-product-1);
 * the charset declared by <meta charset> or http-equiv content-type; UTF-8 as the last resort.
 */
export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // Not UTF-8: trust the page's declaration below.
  }
  const declared = declaredCharset(bytes);
  if (!declared) return 'utf-8';
  try {
    const enc = new TextDecoder(declared).encoding;
    // gb2312 pages routinely contain GBK characters; gbk is the safe superset.
    return enc === 'gb2312' ? 'gbk' : enc;
  } catch {
    return 'utf-8';
  }
}

function declaredCharset(bytes: Uint8Array): string | null {
  // latin1 keeps one char per byte, so ASCII markup is readable whatever the real charset.
  // Look well past 1 KB: saved pages put long script tags before the <meta> (tmall: 155 KB).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512 * 1024));
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of metas) {
    const m =
      /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return null;
}

export function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(sniffCharset(bytes)).decode(bytes);
}

/**
 * Parses a saved page in Node. Handles fragments (a bare <main> or body) and leading junk
 * before the markup (a line of console text) by wrapping what is not a full document.
 */
export function parseHtml(input: Uint8Array | string): Document {
  let html = typeof input === 'string' ? input : decodeHtml(input);
  if (html.charCodeAt(0) === 0xfeff) html = html.slice(1);
  if (!/^\s*(<!doctype|<html)/i.test(html)) {
    // Fragments and text-prefixed files: linkedom only builds a proper tree when given <html>.
    html = `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  }
  const { document } = parseHTML(html);
  lowerCaseAttributes(document as unknown as Document);
  return document as unknown as Document;
}

/**
 * Browsers lower-case HTML attribute names while parsing (React pages write itemProp, charSet);
 * linkedom keeps them as written, so selectors like [itemprop=price] would miss. Do what the
 * browser does, once, after parsing.
 */
function lowerCaseAttributes(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    if (el.namespaceURI && el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    for (const a of Array.from(el.attributes)) {
      const lower = a.name.toLowerCase();
      if (lower === a.name) continue;
      const value = a.value;
      el.removeAttribute(a.name);
      if (!el.hasAttribute(lower)) el.setAttribute(lower, value);
    }
  }
}
