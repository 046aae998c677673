/**
 * Structured data in the page: JSON-LD blocks and embedded state assigned in scripts
 * (`window.pageData = {...}`, `window.runParams = {...}`, `TShop.Setup({...})`, `__NEXT_DATA__`).
 * Nothing here evaluates page code: objects are cut out by balanced-brace scanning and parsed
 * with JSON.parse, and every parse failure is an answer (undefined), never an exception.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export function safeJsonParse(text: string | null | undefined): Json | undefined {
  if (typeof text !== 'string' || !text) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/**
 * Parses JSON that is almost JSON: pretty-printers sometimes break lines inside strings
 * (tiki-product-1) and old pages put raw control characters in strings. Tries strict first.
 * The repair is done by regular expressions, not a loop over characters: the page reader runs
 * cold (interpreted) on every page, where a 50 KB state costs milliseconds per pass in script.
 */
export function lenientJsonParse(text: string | null | undefined): Json | undefined {
  const strict = safeJsonParse(text);
  if (strict !== undefined || typeof text !== 'string') return strict;
  // A line break with the indentation after it, and any other control character, is dropped
  // everywhere: inside a string that is the repair; outside, JSON does not need the whitespace.
  // Trailing commas and `undefined` values are common in hand-written state.
  const out = text
    .replace(/[\n\r]\s*/g, '')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/,(\s*[}\]])/g, '$1')
    .replace(/:\s*undefined\b/g, ':null');
  return safeJsonParse(out);
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const STRUCTURE = /["'{}[\]]/g;

/**
 * From `start` (which must be at `{` or `[`), returns the balanced JSON-ish text, honouring
 * strings and escapes. Null if unbalanced. Bounded by `maxLen` so hostile pages stay cheap.
 * Jumps from bracket to quote with a regular expression and over each string with indexOf, so
 * the script does a step per token, not per character.
 */
export function balancedAt(text: string, start: number, maxLen = 8_000_000): string | null {
  const open = text[start];
  if (open !== '{' && open !== '[') return null;
  const end = Math.min(text.length, start + maxLen);
  let depth = 0;
  STRUCTURE.lastIndex = start;
  for (let m = STRUCTURE.exec(text); m !== null && m.index < end; m = STRUCTURE.exec(text)) {
    const c = m[0];
    if (c === '"' || c === "'") {
      // The closing quote: the next one not escaped (an even run of backslashes before it).
      let from = m.index + 1;
      for (;;) {
        const q = text.indexOf(c, from);
        if (q < 0 || q >= end) return null;
        let b = q - 1;
        while (b > m.index && text.charCodeAt(b) === 92 /* \ */) b--;
        if ((q - 1 - b) % 2 === 0) {
          STRUCTURE.lastIndex = q + 1;
          break;
        }
        from = q + 1;
      }
    } else if (c === '{' || c === '[') depth++;
    else if (--depth === 0) return text.slice(start, m.index + 1);
  }
  return null;
}

/**
 * Finds `marker` (e.g. "window.pageData", "runParams", "TShop.Setup(") in a script's text and
 * parses the object or array that follows it. Tries every occurrence until one parses.
 */
export function assignedJson(text: string, marker: string): Json | undefined {
  let from = 0;
  for (let guard = 0; guard < 20; guard++) {
    const at = text.indexOf(marker, from);
    if (at < 0) return undefined;
    from = at + marker.length;
    // Skip "=", "(", ":" and spaces up to the value (a short distance only).
    let i = from;
    while (i < text.length && i - from < 40 && text[i] !== '{' && text[i] !== '[') {
      if (!/[\s=(:]/.test(text[i]!) && !text.startsWith('JSON.parse', i)) break;
      i++;
    }
    // Most state scripts are the assignment alone: up to the script's last bracket of the same
    // kind is then the value, parsed natively without scanning it (a 78 KB lazada state).
    const close = text[i] === '{' ? '}' : ']';
    const last = text.lastIndexOf(close);
    const whole = last > i ? safeJsonParse(text.slice(i, last + 1)) : undefined;
    if (whole !== undefined) return whole;
    const raw = balancedAt(text, i);
    if (!raw) continue;
    const parsed = lenientJsonParse(raw);
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

const scriptCache = new WeakMap<Document, string[]>();

/** Inline script texts of the document, read once per document. */
export function inlineScripts(doc: Document): string[] {
  let cached = scriptCache.get(doc);
  if (!cached) {
    cached = [];
    for (const s of Array.from(doc.querySelectorAll('script'))) {
      if (s.getAttribute('src')) continue;
      const t = s.textContent ?? '';
      if (t.length > 20) cached.push(t);
    }
    scriptCache.set(doc, cached);
  }
  return cached;
}

/** The first script assignment `marker` that parses, across the document's inline scripts. */
export function embeddedState(doc: Document, marker: string): Json | undefined {
  for (const s of inlineScripts(doc)) {
    if (!s.includes(marker)) continue;
    const v = assignedJson(s, marker);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** `<script id="__NEXT_DATA__">` JSON, or the `__NEXT_DATA__ = {...}` global of older Next.js. */
export function nextData(doc: Document): Json | undefined {
  const tag = doc.getElementById('__NEXT_DATA__');
  const parsed = tag ? lenientJsonParse(tag.textContent) : undefined;
  return parsed ?? embeddedState(doc, '__NEXT_DATA__');
}

/** Every JSON-LD object in the page, flattened through arrays and @graph. */
export function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const push = (v: Json | undefined, depth: number): void => {
    if (depth > 4 || v === undefined) return;
    if (Array.isArray(v)) v.forEach((x) => push(x, depth + 1));
    else if (isObject(v)) {
      out.push(v);
      if (Array.isArray(v['@graph'])) push(v['@graph'], depth + 1);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    push(lenientJsonParse(s.textContent), 0);
  }
  return out;
}

/** Whether a schema.org object has a type ("Product" or "A|B"; matching "http://schema.org/Product" too). */
export function hasType(o: JsonObject, types: string): boolean {
  return [o['@type']].flat().some((x) => typeof x === 'string' && types.split('|').some((t) => x === t || x.endsWith('/' + t)));
}

/** Reads a path like "props.pageProps.initialData" without throwing. */
export function at(v: Json | undefined, ...path: (string | number)[]): Json | undefined {
  let cur: Json | undefined = v;
  for (const k of path) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, Json>)[k as string];
  }
  return cur;
}

export function str(v: Json | undefined): string | null {
  if (typeof v === 'string') {
    const t = v.replace(/\s+/g, ' ').trim();
    return t ? t : null;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * Depth-first search for objects satisfying `pred` (bounded depth and count, so a hostile or
 * huge state tree stays cheap).
 */
export function findObjects(root: Json | undefined, pred: (o: JsonObject) => boolean, maxDepth = 14, limit = 500): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: [Json, number][] = root === undefined ? [] : [[root, 0]];
  let visited = 0;
  while (stack.length && out.length < limit && visited < 200_000) {
    const [v, d] = stack.pop()!;
    visited++;
    if (Array.isArray(v)) {
      if (d < maxDepth) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i]!, d + 1]);
    } else if (isObject(v)) {
      if (pred(v)) {
        out.push(v);
        continue;
      }
      if (d < maxDepth) {
        const vals = Object.values(v);
        for (let i = vals.length - 1; i >= 0; i--) stack.push([vals[i]!, d + 1]);
      }
    }
  }
  return out;
}
