/**
 * Hostile titles read from a page stay text: extraction returns them as strings (never parsed),
 * without throwing, also when the whole page is built from them. (How fast is the benchmarks'
 * business; here only vitest's own test timeout stands between a pathological regex and CI.)
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { extractPage } from '../../../lib/sites/index';
import { ALL_HOSTILE_TITLES, HOSTILE_LD_URL, HOSTILE_SEARCH_URL, hostileJsonLdPage, hostileSearchPage } from './hostilePages';

const normalise = (s: string) => s.replace(/[\s\u00a0\u200b\u200e\u200f]+/g, ' ').trim();

describe('hostile titles are read as text', () => {
  it('search tiles: every hostile title comes back verbatim as a string', () => {
    const doc = parseHtml(hostileSearchPage(ALL_HOSTILE_TITLES));
    const page = extractPage(doc, new URL(HOSTILE_SEARCH_URL));
    expect(page.kind).toBe('search');
    expect(page.items).toHaveLength(ALL_HOSTILE_TITLES.length);
    for (const [i, item] of page.items.entries()) {
      expect(typeof item.title).toBe('string');
      // Verbatim: markup stays characters, never becomes elements (nothing is stripped or parsed).
      expect(normalise(item.title)).toBe(normalise(ALL_HOSTILE_TITLES[i]!));
    }
  });

  it('JSON-LD: a hostile product name is read as text by the generic reader', () => {
    for (const name of ALL_HOSTILE_TITLES) {
      const page = extractPage(parseHtml(hostileJsonLdPage(name)), new URL(HOSTILE_LD_URL));
      expect(page.items.length).toBeGreaterThan(0);
      expect(normalise(page.items[0]!.title)).toBe(normalise(name));
    }
  });

  it('a page of only 100,000-character titles is read, every title whole', () => {
    const titles = Array.from({ length: 60 }, (_, i) => `${i} ${'\u202E<img src=x onerror=alert(1)>'.repeat(3_500)}`);
    const doc = parseHtml(hostileSearchPage(titles));
    const page = extractPage(doc, new URL(HOSTILE_SEARCH_URL));
    expect(page.items.length).toBe(60);
    expect(page.items.every((item, i) => normalise(item.title) === normalise(titles[i]!))).toBe(true);
  });
});
