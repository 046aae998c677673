import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHtml } from '../../../cli/dom';
import { extractPage } from '../../../lib/sites/index';
import { extractGeneric } from '../../../lib/sites/generic';
import { assignedJson, balancedAt, lenientJsonParse, safeJsonParse } from '../../../lib/sites/embedded';

const URL_ = new URL('https://shop.example.org/p/1');
const page = (head: string, body = '') => parseHtml(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('generic reader', () => {
  it('reads a JSON-LD Product with an Offer and a BreadcrumbList', () => {
    const doc = page(
      ld({ '@context': 'https://schema.org', '@type': 'Product', name: ' Bamboo  Toothbrush ', weight: { '@type': 'QuantitativeValue', value: 20, unitCode: 'GRM' },
        offers: { '@type': 'Offer', price: '3.50', priceCurrency: 'EUR', itemCondition: 'https://schema.org/NewCondition',
          shippingDetails: { shippingOrigin: { addressCountry: 'DE' } } } }) +
      ld({ '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Home' }, { '@type': 'ListItem', position: 2, name: 'Bath' }] }),
    );
    const got = extractPage(doc, URL_);
    expect(got.site).toBe('generic');
    expect(got.kind).toBe('product');
    const [item] = got.items;
    expect(item).toMatchObject({ title: 'Bamboo Toothbrush', price: 3.5, currency: 'EUR', condition: 'new', shipFrom: 'DE', weightKg: 0.02, categoryPath: ['Bath'], url: URL_.href });
  });

  it('reads ProductGroup variants and AggregateOffer as a range', () => {
    const doc = page(ld([{ '@type': 'ProductGroup', name: 'Dress', hasVariant: [
      { '@type': 'Product', name: 'Dress S', offers: { price: 19.99, priceCurrency: 'USD' } },
      { '@type': 'Product', name: 'Dress L', offers: { price: 24.99, priceCurrency: 'USD' } }] }]));
    expect(extractGeneric(doc, URL_)!.items[0]).toMatchObject({ title: 'Dress', price: 19.99, priceMax: 24.99, currency: 'USD' });
    const agg = page(ld({ '@type': 'Product', name: 'Necklace', offers: { '@type': 'AggregateOffer', lowPrice: '40.63', highPrice: '48.75', priceCurrency: 'EUR' } }));
    expect(extractGeneric(agg, URL_)!.items[0]).toMatchObject({ price: 40.63, priceMax: 48.75, currency: 'EUR' });
  });

  it('reads an ItemList as a search page, anchoring items on their links', () => {
    const doc = page(
      ld({ '@type': 'ItemList', itemListElement: [
        { '@type': 'ListItem', position: 1, item: { '@type': 'Product', name: 'Mug', url: '/p/mug', offers: { price: 8, priceCurrency: 'GBP' } } },
        { '@type': 'ListItem', position: 2, url: 'https://shop.example.org/p/cup', name: 'Cup' }] }),
      '<a href="/p/mug">Mug</a>',
    );
    const got = extractGeneric(doc, URL_)!;
    expect(got.kind).toBe('search');
    expect(got.items.map((i) => [i.title, i.price, i.url])).toEqual([
      ['Mug', 8, 'https://shop.example.org/p/mug'],
      ['Cup', null, 'https://shop.example.org/p/cup'],
    ]);
    expect(got.items[0]!.anchor?.tagName).toBe('A');
    expect(got.items[1]!.anchor).toBeNull();
  });

  it('reads microdata', () => {
    const doc = page('', `<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Kettle</h1>
      <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price" content="29.00">£29</span>
      <meta itemprop="priceCurrency" content="GBP"><link itemprop="itemCondition" href="http://schema.org/UsedCondition"></div></div>`);
    expect(extractGeneric(doc, URL_)!.items[0]).toMatchObject({ title: 'Kettle', price: 29, currency: 'GBP', condition: 'used' });
  });

  it('reads OpenGraph product tags', () => {
    const doc = page('<meta property="og:type" content="product"><meta property="og:title" content="Lamp">' +
      '<meta property="product:price:amount" content="1.499,00"><meta property="product:price:currency" content="EUR">');
    expect(extractGeneric(doc, URL_)!.items[0]).toMatchObject({ title: 'Lamp', price: 1499, currency: 'EUR' });
  });

  it('reads product lists from embedded state (Next.js data and window.pageData)', () => {
    const next = page(`<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { results: [
      { name: 'Pen', price: 2, url: '/p/pen' }, { name: 'Pencil', price: 1, url: '/p/pencil' }] } } })}</script>`);
    expect(extractGeneric(next, URL_)).toMatchObject({ kind: 'search', items: [{ title: 'Pen', price: 2 }, { title: 'Pencil', price: 1 }] });
    const pd = page(`<script>window.pageData = {"mods":{"listItems":[{"name":"Book A","priceShow":"40.000 ₫","productUrl":"//x.vn/a"},{"name":"Book B","priceShow":"5.000 ₫","productUrl":"//x.vn/b"}]}};</script>`);
    expect(extractGeneric(pd, URL_)!.items.map((i) => [i.title, i.price, i.currency])).toEqual([["Book A", 40000, "VND"], ["Book B", 5000, "VND"]]);
  });

  it('finds nothing on a page without product data', () => {
    expect(extractPage(page('<title>Blog</title>', '<p>Hello</p>'), URL_)).toEqual({ site: 'generic', kind: 'product', items: [] });
  });
});

describe('embedded-state helpers never throw', () => {
  it('safe and lenient parsing', () => {
    expect(safeJsonParse('{')).toBeUndefined();
    expect(lenientJsonParse('{"a": "x\n    y",}')).toEqual({ a: 'xy' });
    expect(balancedAt('{"a":"}"}tail', 0)).toBe('{"a":"}"}');
    expect(balancedAt('{"a":', 0)).toBeNull();
    expect(assignedJson('window.runParams = { data: {"x": 1} };', 'data:')).toEqual({ x: 1 });
    expect(assignedJson('TShop.Setup({"a":[1,2]});', 'TShop.Setup(')).toEqual({ a: [1, 2] });
    expect(assignedJson('x = {{{{', 'x')).toBeUndefined();
  });
});

/** The character-loop versions these replaced (for speed in the page), kept as the reference. */
function balancedAtReference(text: string, start: number, maxLen = 8_000_000): string | null {
  const open = text[start];
  if (open !== '{' && open !== '[') return null;
  let depth = 0;
  let quote: string | null = null;
  const end = Math.min(text.length, start + maxLen);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote !== null) {
      if (c === 92) i++;
      else if (c === quote.charCodeAt(0)) quote = null;
      continue;
    }
    if (c === 34 || c === 39) quote = text[i]!;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

describe('embedded-state scanning: same answers as the character loops it replaced', () => {
  const jsonish = fc.stringMatching(/^[{}[\]"'\\a:,0-9 \n]{0,60}$/);
  it('balancedAt (property, random brackets, quotes and escapes)', () => {
    fc.assert(
      fc.property(jsonish, fc.nat({ max: 5 }), fc.integer({ min: 1, max: 80 }), (s, start, maxLen) => {
        const text = `{${s}`;
        expect(balancedAt(text, start % text.length, maxLen)).toBe(balancedAtReference(text, start % text.length, maxLen));
      }),
      { numRuns: 20_000 },
    );
  });

  it('balancedAt on real JSON followed by code', () => {
    fc.assert(
      fc.property(fc.json(), fc.string(), (j, tail) => {
        const text = `[${j}]${tail}`;
        expect(balancedAt(text, 0)).toBe(`[${j}]`);
      }),
    );
  });

  it('lenientJsonParse repairs line breaks inside strings anywhere in pretty-printed JSON (property)', () => {
    fc.assert(
      // (Strings that themselves hold ",}" or ": undefined" are outside the repair's promise.)
      fc.property(fc.jsonValue().filter((v) => !/,\s*[}\]]|:\s*undefined/.test(JSON.stringify(v))), fc.nat(), (v, seed) => {
        // Pretty-print, then break lines inside strings as tiki's pretty-printer does: before a
        // non-space character, with the next line's indentation.
        let n = seed;
        const broken = JSON.stringify(v, null, 2).replace(/"([^"\\\n]{2,})"/g, (all, body: string) => {
          n = (n * 1103515245 + 12345) % 2 ** 31;
          const cut = 1 + (n % (body.length - 1));
          if (n % 3 !== 0 || /\s/.test(body[cut]!)) return all;
          return `"${body.slice(0, cut)}\n        ${body.slice(cut)}"`;
        });
        expect(lenientJsonParse(broken)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('metaContent: one pass over the metas, same answer as the selector', () => {
  it('first meta in document order whose property, name or itemprop is the key (property)', async () => {
    const { attr, metaContent } = await import('../../../lib/sites/dom');
    const keys = ['og:title', 'price', 'og:type', 'description'];
    const meta = fc.record({ attr: fc.constantFrom('property', 'name', 'itemprop', 'http-equiv'), key: fc.constantFrom(...keys), content: fc.stringMatching(/^[a-z0-9 ]{0,8}$/), inBody: fc.boolean() });
    fc.assert(
      fc.property(fc.array(meta, { maxLength: 8 }), (metas) => {
        const tag = (m: (typeof metas)[number]) => `<meta ${m.attr}="${m.key}" content="${m.content}">`;
        const doc = page(metas.filter((m) => !m.inBody).map(tag).join(''), metas.filter((m) => m.inBody).map(tag).join(''));
        for (const key of keys) {
          const bySelector = attr(doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`), 'content');
          expect(metaContent(doc, key)).toBe(bySelector);
        }
      }),
      { numRuns: 300 },
    );
  });
});
