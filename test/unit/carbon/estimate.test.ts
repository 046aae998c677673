import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateItem, METHOD_VERSION } from '../../../lib/carbon/estimate';
import { greatCircleKm } from '../../../lib/carbon/shipping';
import { toUsd2022ExTax } from '../../../lib/carbon/currency';
import { FACTORS } from '../../../lib/carbon/data';
import type { Estimate, ItemInput } from '../../../lib/carbon/types';

const US = { homeCountry: 'US' };

function sane(e: Estimate): void {
  for (const x of [e.kg, e.low, e.high]) {
    expect(Number.isFinite(x)).toBe(true);
    expect(x).toBeGreaterThan(0);
  }
  expect(e.low).toBeLessThanOrEqual(e.kg);
  expect(e.kg).toBeLessThanOrEqual(e.high);
  expect(['T1', 'T2', 'T3', 'T4']).toContain(e.tier);
  expect(e.sources.length).toBeGreaterThan(0);
  expect(e.methodVersion).toBe(METHOD_VERSION);
  for (const b of e.breakdown) expect(Number.isFinite(b.kg) && b.kg >= 0).toBe(true);
}

describe('hand-checked cases (price-only items from marketplace pages)', () => {
  const cases: { name: string; item: ItemInput; home?: string; cat: string; tier?: string; min: number; max: number }[] = [
    // Boavizta 24" monitors: median ~490 kg cradle-to-grave; a 32" panel is heavier.
    { name: '$260 32-inch monitor (amazon)', item: { title: 'Sceptre 32-inch Curved Gaming Monitor 1080p 75Hz', price: 260, currency: 'USD' }, cat: 'monitor', tier: 'T2', min: 200, max: 1500 },
    { name: '20000 mAh power bank at $35.99', item: { title: 'Anker Power Bank 20000mAh Portable Charger PowerCore', price: 35.99, currency: 'USD' }, cat: 'power-bank', min: 2, max: 40 },
    { name: '$15.98 book weighing 0.34 kg', item: { title: 'The Midnight Library: A Novel', categoryPath: ['Books', 'Literature & Fiction'], price: 15.98, currency: 'USD', weightKg: 0.34 }, cat: 'books', tier: 'T3', min: 0.2, max: 3 },
    { name: '$19.99 dress', item: { title: 'Women Summer Floral Midi Dress', price: 19.99, currency: 'USD' }, cat: 'dress', min: 0.5, max: 20 },
    { name: 'diapers pack at 305 PHP', item: { title: 'EQ Dry Diapers Pants Large 40 pcs', price: 305, currency: 'PHP' }, home: 'PH', cat: 'diapers', min: 0.5, max: 15 },
    { name: 'Nhà Giả Kim at 58000 VND', item: { title: 'Nhà Giả Kim (Tái Bản)', price: 58000, currency: 'VND', categoryPath: ['Nhà Sách Tiki', 'Sách tiếng Việt'] }, home: 'VN', cat: 'books', min: 0.1, max: 3 },
    { name: 'iPhone 11 at 5499 CNY on Tmall', item: { title: 'Apple/苹果 iPhone 11 128GB 移动联通电信4G手机', price: 5499, currency: 'CNY', shipFrom: 'CN' }, home: 'CN', cat: 'phone', tier: 'T2', min: 30, max: 150 },
    { name: 'patio sofa at $349.99 shipped within the US', item: { title: 'Outdoor Patio Furniture Sectional Sofa Set with Cushions', price: 349.99, currency: 'USD', shipFrom: 'US' }, cat: 'outdoor-furniture', min: 10, max: 300 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const e = estimateItem(c.item, { homeCountry: c.home ?? 'US' });
      sane(e);
      expect(e.categoryId).toBe(c.cat);
      if (c.tier) expect(e.tier).toBe(c.tier);
      expect(e.kg).toBeGreaterThanOrEqual(c.min);
      expect(e.kg).toBeLessThanOrEqual(c.max);
      expect(e.high / e.low).toBeGreaterThan(1.2); // a range, not a point
    });
  }
});

describe('tiers and stages', () => {
  it('T1 uses the published footprint with a narrow range', () => {
    const e = estimateItem({ title: 'Anything', publishedKg: 12.5 }, US);
    expect(e.tier).toBe('T1');
    expect(e.kg).toBeCloseTo(12.5);
    expect(e.high / e.low).toBeLessThan(1.4);
  });

  it('T3 when the weight is given, T4 from price alone', () => {
    expect(estimateItem({ title: 'Ceramic dinner plates set', weightKg: 3, price: 40, currency: 'USD' }, US).tier).toBe('T3');
    const t4 = estimateItem({ title: 'Ceramic dinner plates set', price: 40, currency: 'USD' }, US);
    expect(t4.tier).toBe('T4');
    expect(t4.sources.map((s) => s.id)).toContain('epa-sef-1.3.0');
  });

  it('spend scales with price and converts currency through USD', () => {
    const a = estimateItem({ title: 'Cotton t-shirt', price: 10, currency: 'USD' }, US);
    const b = estimateItem({ title: 'Cotton t-shirt', price: 20, currency: 'USD' }, US);
    expect(b.breakdown[0]!.kg).toBeCloseTo(2 * a.breakdown[0]!.kg, 6);
    const eur = toUsd2022ExTax(100, 'EUR')!;
    expect(eur.usd2022).toBeGreaterThan(60);
    expect(eur.usd2022).toBeLessThan(120);
    expect(toUsd2022ExTax(100, 'XXX')).toBeNull();
  });

  it('a bigger screen from the title gives a bigger footprint', () => {
    const small = estimateItem({ title: 'Dell 22 inch monitor' }, US);
    const big = estimateItem({ title: 'Dell 34 inch monitor' }, US);
    expect(big.kg).toBeGreaterThan(small.kg);
  });

  it('cross-border air shipping adds to the footprint; sea when stated is smaller', () => {
    const base = { title: 'Stainless steel frying pan', price: 30, currency: 'USD', weightKg: 1.5 };
    const dom = estimateItem({ ...base, shipFrom: 'US' }, US);
    const air = estimateItem({ ...base, shipFrom: 'CN' }, US);
    const sea = estimateItem({ ...base, shipFrom: 'CN', shipMode: 'sea' }, US);
    const ship = (e: Estimate) => e.breakdown.find((b) => b.stage === 'shipping')!.kg;
    expect(ship(air)).toBeGreaterThan(ship(dom));
    expect(ship(sea)).toBeLessThan(ship(air));
    expect(greatCircleKm(FACTORS.centroids.CN!, FACTORS.centroids.US!)).toBeGreaterThan(9000);
  });

  it('used and refurbished carry only a fraction of production', () => {
    const item = { title: 'iPhone 12 128GB' };
    const fresh = estimateItem(item, US);
    const refurb = estimateItem({ ...item, condition: 'refurbished' }, US);
    expect(refurb.kg).toBeLessThan(fresh.kg * 0.5);
    const shirt = estimateItem({ title: 'Denim jacket', price: 30, currency: 'USD', condition: 'used' }, US);
    const newShirt = estimateItem({ title: 'Denim jacket', price: 30, currency: 'USD' }, US);
    expect(shirt.breakdown[0]!.kg).toBeLessThan(newShirt.breakdown[0]!.kg * 0.05);
  });

  it('unknown is an answer, with a wide range', () => {
    const e = estimateItem({ title: 'zzqx' }, US);
    sane(e);
    expect(e.categoryId).toBe('unknown');
    expect(e.categoryMatch?.by).toBe('none');
    expect(e.high / e.low).toBeGreaterThan(10);
  });
});

describe('never NaN, zero or negative', () => {
  const anything = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.array(fc.string()), fc.object());
  it('for garbage input', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: anything,
          categoryPath: fc.oneof(fc.array(anything), anything),
          price: anything,
          currency: fc.oneof(fc.constantFrom('USD', 'VND', 'EUR', 'CNY', 'XXX', ''), anything),
          weightKg: fc.oneof(fc.double(), anything),
          shipFrom: fc.oneof(fc.constantFrom('CN', 'US', 'VN', 'ZZ'), anything),
          condition: fc.oneof(fc.constantFrom('new', 'used', 'refurbished'), anything),
          publishedKg: fc.oneof(fc.double(), anything),
          shipMode: anything,
        }),
        fc.oneof(fc.constantFrom('US', 'VN', 'CN', 'PH', 'xx', ''), fc.string()),
        (item, home) => {
          const e = estimateItem(item as unknown as ItemInput, { homeCountry: home });
          sane(e);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
