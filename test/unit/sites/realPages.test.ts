import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveRealFixtures, realFixturePath, realManifest } from '../../helpers/fixtures';
import { parseHtml } from '../../../cli/dom';
import { extractPage } from '../../../lib/sites/index';
import { parsePrice } from '../../../lib/sites/price';

const norm = (s: unknown): string => String(s).replace(/\s+/g, ' ').trim();
const within = (got: number | null, want: number): boolean => got !== null && Math.abs(got - want) <= want * 0.01;

describe.skipIf(!haveRealFixtures)('every real page reads as its ground truth', () => {
  for (const page of realManifest()) {
    const gt = page.ground_truth;
    it(`${page.file} (${page.site} ${page.kind})`, () => {
      const doc = parseHtml(readFileSync(realFixturePath(page.file)));
      const got = extractPage(doc, new URL(page.url));
      expect(got.site).toBe(page.site);
      expect(got.kind).toBe(page.kind);
      const first = got.items[0];
      expect(first, 'at least one item').toBeDefined();
      if (!first) return;
      if (page.kind === 'product') {
        expect(norm(first.title)).toBe(norm(gt['title']));
        expect(within(first.price, Number(gt['price'])), `price ${first.price} vs ${String(gt['price'])}`).toBe(true);
        expect(first.currency).toBe(gt['currency']);
        if (Array.isArray(gt['breadcrumb'])) expect(first.categoryPath).toEqual(gt['breadcrumb']);
      } else {
        const visible = Number(gt['item_count_visible']);
        expect(got.items.length).toBeGreaterThanOrEqual(Math.floor(visible * 0.8));
        expect(got.items.length).toBeLessThanOrEqual(Math.ceil(visible * 1.5));
        expect(norm(first.title)).toBe(norm(gt['first_item_title']));
        const want = parsePrice(String(gt['first_item_price']))!.price;
        expect(within(first.price, want), `price ${first.price} vs ${want}`).toBe(true);
        expect(first.currency).toBe(gt['currency']);
      }
      for (const item of got.items) {
        if (item.url) expect(item.url).toMatch(/^https?:\/\//);
        if (item.currency) expect(item.currency).toMatch(/^[A-Z]{3}$/);
        if (item.shipFrom) expect(item.shipFrom).toMatch(/^[A-Z]{2}$/);
        if (item.price !== null) expect(item.price).toBeGreaterThan(0);
      }
    });
  }

  it('reads the extra facts the notes promise', () => {
    const read = (file: string) => {
      const entry = realManifest().find((p) => p.file === file)!;
      return extractPage(parseHtml(readFileSync(realFixturePath(file))), new URL(entry.url)).items;
    };
    expect(read('shopee-product-1.html')[0]!.shipFrom).toBe('JP');
    expect(read('shopee-search-1.html')[0]!.shipFrom).toBe('JP');
    expect(read('ebay-product-1.html')[0]!.shipFrom).toBe('US');
    expect(read('ebay-search-2.html')[0]!.shipFrom).toBe('CN');
    expect(read('etsy-product-2.html')[0]!.shipFrom).toBe('TR');
    expect(read('amazon-product-1.html')[0]!.weightKg).toBeCloseTo(6.804, 2);
    expect(read('amazon-product-4.html')[0]!.weightKg).toBeCloseTo(0.34, 2);
    const ali = read('aliexpress-product-1.html')[0]!;
    expect([ali.price, ali.priceMax, ali.currency]).toEqual([97.39, 128.72, 'EUR']);
    const tmall = read('tmall-product-1.html')[0]!;
    expect([tmall.price, tmall.priceMax]).toEqual([5499, 6799]);
    expect(read('ebay-product-3.html')[0]!.condition).toBe('used');
    // Items that exist only in embedded state are still read, without an anchor.
    const lazada = read('lazada-search-3.html');
    expect(lazada).toHaveLength(40);
    expect(lazada[0]!.anchor).toBeNull();
    expect(lazada[0]!.url).toMatch(/^https:\/\/www\.lazada\.vn\/products\//);
  });
});
