/**
 * Fuzz generators over the real saved pages, shared by the 1,000-case test
 * (test/unit/sites/fuzz.test.ts) and the 10,000-page benchmark (bench/fuzz.ts): string mutations
 * (garbage text, cut markup, broken JSON in embedded-state scripts, huge attributes) and DOM
 * mutations (removed, shuffled, re-texted nodes), each on a ~100 KB window of a real page around
 * its data, so parsing stays cheap.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { realFixturePath, realManifest } from './fixtures';
import { decodeHtml } from '../../cli/dom';

export const WINDOW = 100_000;
const MARKERS = ['application/ld+json', '__NEXT_DATA__', 'pageData', 'runParams', 'offerList', 'TShop.Setup', 'itemprop'];

export interface Sample {
  file: string;
  url: URL;
  html: string;
}

/** Windows of each real page: around its first item's title and around its embedded data. */
export function samples(): Sample[] {
  const out: Sample[] = [];
  for (const p of realManifest()) {
    const html = decodeHtml(readFileSync(realFixturePath(p.file)));
    const title = String(p.ground_truth['title'] ?? p.ground_truth['first_item_title'] ?? '').slice(0, 20);
    const starts = [title ? html.indexOf(title) : -1, ...MARKERS.map((m) => html.indexOf(m))].filter((i) => i >= 0);
    for (const at of [...new Set(starts)].slice(0, 3)) {
      const from = Math.max(0, at - WINDOW / 2);
      out.push({ file: p.file, url: new URL(p.url), html: html.slice(from, from + WINDOW) });
    }
  }
  return out;
}

export const GARBAGE = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '}', '"', '<', '>', '</script>', '<script>', '{"a":', ']]]', '\u0000', '\uFFFD', '₫₱¥€$', '1.2.3,4', 'NaN', '-1e308'),
  fc.string({ unit: 'binary', maxLength: 50 }),
);

export type StringMutation = (html: string, pos: number, garbage: string) => string;
export const STRING_MUTATIONS: StringMutation[] = [
  (h, p, g) => h.slice(0, p) + g + h.slice(p), // insert garbage
  (h, p) => h.slice(0, p) + h.slice(p + 500), // cut a chunk (breaks tags and JSON)
  (h, p) => h.slice(0, p), // truncate
  (h, p) => h.slice(0, p) + h.slice(p, p + 2000) + h.slice(p), // duplicate a chunk
  (h, p, g) => {
    // Break JSON inside a script: the first script after p gets garbage in the middle.
    const s = h.indexOf('<script', p);
    if (s < 0) return h + `<script>window.pageData = ${g}</script>`;
    const mid = s + Math.floor((h.indexOf('</script>', s) - s) / 2);
    return h.slice(0, mid) + g + h.slice(mid);
  },
  (h, p) => {
    // A huge attribute on the next tag.
    const t = h.indexOf('<', p);
    if (t < 0) return h;
    const end = h.indexOf(' ', t);
    return end < 0 ? h : `${h.slice(0, end)} data-x="${'A'.repeat(200_000)}" title="${'"'.repeat(10)}"${h.slice(end)}`;
  },
  (h, p, g) => h.slice(0, p).replace(/("price"\s*:\s*)[^,}]+/g, `$1${JSON.stringify(g)}`) + h.slice(p), // hostile prices
];

export type DomMutation = (doc: Document, pick: number, garbage: string) => void;
function nth(doc: Document, pick: number): Element | null {
  const all = doc.querySelectorAll('body *');
  return all.length ? all[pick % all.length]! : null;
}
export const DOM_MUTATIONS: DomMutation[] = [
  (d, p) => nth(d, p)?.remove(),
  (d, p) => {
    const el = nth(d, p);
    const kids = el ? Array.from(el.children) : [];
    for (let i = kids.length - 1; i > 0; i--) el!.appendChild(kids[(i * 7919 + p) % kids.length]!);
  },
  (d, p, g) => {
    const el = nth(d, p);
    if (el) el.textContent = g;
  },
  (d, p, g) => nth(d, p)?.setAttribute(['title', 'href', 'content', 'data-price', 'aria-label', 'itemprop'][p % 6]!, g.repeat(1 + (p % 1000))),
  (d, p, g) => {
    const scripts = d.querySelectorAll('script');
    const s = scripts[p % Math.max(1, scripts.length)];
    if (s) s.textContent = (s.textContent ?? '').slice(0, (s.textContent ?? '').length >> 1) + g;
  },
  (d, p) => {
    // Remove a whole subtree high up (e.g. the results container).
    let el = nth(d, p);
    for (let i = 0; i < 3 && el?.parentElement && el.parentElement !== d.body; i++) el = el.parentElement;
    el?.remove();
  },
];
