/**
 * Fuzz: mutated real pages never make extractPage throw. 1,000 cases in all: string mutations
 * (garbage text, cut markup, broken JSON in embedded-state scripts, huge attributes) and DOM
 * mutations (removed, shuffled, re-texted nodes). Each case works on a ~100 KB window of a real
 * page around its data, so parsing stays cheap and the whole suite runs in seconds.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { haveRealFixtures } from '../../helpers/fixtures';
import { DOM_MUTATIONS, GARBAGE, STRING_MUTATIONS, WINDOW, samples } from '../../helpers/fuzzPages';
import { parseHtml } from '../../../cli/dom';
import { adapterFor, extractPage } from '../../../lib/sites/index';
import { extractGeneric } from '../../../lib/sites/generic';

function mustNotThrow(doc: Document, url: URL): void {
  // extractPage guards with try/catch; the adapters and the generic reader themselves must not
  // need it (a throw there would lose the page's items), so they are called bare too.
  adapterFor(url)?.extract(doc, url);
  extractGeneric(doc, url);
  const page = extractPage(doc, url);
  expect(Array.isArray(page.items)).toBe(true);
  for (const i of page.items) {
    expect(typeof i.title).toBe('string');
    if (i.price !== null) expect(Number.isFinite(i.price)).toBe(true);
  }
}

describe.skipIf(!haveRealFixtures)('fuzz: mutated real pages never make extract throw', () => {
  const all = haveRealFixtures ? samples() : [];

  it('string mutations (600 cases)', () => {
    fc.assert(
      fc.property(
        fc.nat(all.length - 1),
        fc.array(fc.tuple(fc.nat(STRING_MUTATIONS.length - 1), fc.nat(WINDOW), GARBAGE), { minLength: 1, maxLength: 4 }),
        (which, muts) => {
          const s = all[which]!;
          let html = s.html;
          for (const [m, pos, g] of muts) html = STRING_MUTATIONS[m]!(html, pos % (html.length + 1), g);
          mustNotThrow(parseHtml(html), s.url);
        },
      ),
      { numRuns: 600 },
    );
  }, 60_000);

  it('DOM mutations (400 cases)', () => {
    fc.assert(
      fc.property(
        fc.nat(all.length - 1),
        fc.array(fc.tuple(fc.nat(DOM_MUTATIONS.length - 1), fc.nat(100_000), GARBAGE), { minLength: 1, maxLength: 6 }),
        (which, muts) => {
          const s = all[which]!;
          const doc = parseHtml(s.html);
          for (const [m, p, g] of muts) DOM_MUTATIONS[m]!(doc, p, g);
          mustNotThrow(doc, s.url);
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
