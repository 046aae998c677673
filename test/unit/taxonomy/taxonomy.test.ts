import { describe, expect, it } from 'vitest';
import { buildTaxonomyIndex, CATEGORIES, resolveCategory, validateTaxonomy } from '../../../lib/taxonomy/index';
import { REQUIRED_LANGS } from '../../../lib/taxonomy/schema';
import { FACTORS } from '../../../lib/carbon/data';

const index = buildTaxonomyIndex();

describe('taxonomy data', () => {
  it('parses with its zod schema and has a few hundred categories', () => {
    expect(() => validateTaxonomy()).not.toThrow();
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(200);
  });

  it('has unique ids, existing parents and no cycles', () => {
    const ids = new Set<string>();
    for (const c of CATEGORIES) {
      expect(ids.has(c.id), `duplicate ${c.id}`).toBe(false);
      ids.add(c.id);
    }
    const byId = new Map(CATEGORIES.map((c) => [c.id, c]));
    for (const c of CATEGORIES) {
      if (c.parent) expect(byId.has(c.parent), `${c.id} -> ${c.parent}`).toBe(true);
      const seen = new Set<string>();
      let cur: typeof c | undefined = c;
      while (cur) {
        expect(seen.has(cur.id), `cycle at ${c.id}`).toBe(false);
        seen.add(cur.id);
        cur = cur.parent ? byId.get(cur.parent) : undefined;
      }
    }
  });

  it('has en, vi and zh keywords for every category', () => {
    for (const c of CATEGORIES) {
      for (const l of REQUIRED_LANGS) expect(c.keywords[l].length, `${c.id} ${l}`).toBeGreaterThan(0);
    }
  });

  it('resolves every category to an EPA factor, a mass factor and a typical weight', () => {
    for (const c of index.categories) {
      expect(FACTORS.epa[c.naics], `${c.id} NAICS ${c.naics}`).toBeDefined();
      expect(FACTORS.materials[c.material], `${c.id} material ${c.material}`).toBeDefined();
      expect(c.typicalKg).toBeGreaterThan(0);
    }
  });

  it('finds each category from its own English name used as a breadcrumb', () => {
    for (const c of index.categories) {
      if (c.id === 'unknown') continue;
      const m = resolveCategory({ title: '', categoryPath: [c.names.en] }, index);
      expect(m.category.id, c.names.en).toBe(c.id);
      expect(m.by).toBe('breadcrumb');
    }
  });
});

describe('resolveCategory', () => {
  const cases: [string, string[] | null, string, string][] = [
    ['Sceptre 32-inch Curved Gaming Monitor 1080p', null, 'monitor', 'title'],
    ['Anker Power Bank 20000mAh Portable Charger for iPhone 15', null, 'power-bank', 'title'],
    ['Ốp lưng cho iPhone 13 Pro Max', null, 'phone-case', 'title'],
    ['Apple iPhone 11 (A2223) 128GB 移动联通电信4G手机', null, 'phone', 'title'],
    ['男士纯棉T恤短袖', null, 'tshirt', 'title'],
    ['Tã quần Bobby size L 40 miếng', null, 'diapers', 'title'],
    ['Nhà Giả Kim (Tái Bản)', null, 'books', 'title'],
    ['Outdoor Patio Furniture Set, Sectional Sofa', null, 'outdoor-furniture', 'title'],
    ['Laptop', ['Electronics', 'Computers & Accessories', 'Monitors'], 'monitor', 'breadcrumb'],
    ['Veal, escalope, cooked', ['Food: meat, eggs, fish', 'viandes cuites'], 'food-meat-cooked-ruminant', 'title'],
    ['Pastis', ['Food: beverages', 'boisson alcoolisées'], 'food-alcohol', 'breadcrumb'],
    ['Regular Straight Jeans', ['Home durables, textiles, & equipment', 'Consumer Durables & Apparel'], 'jeans', 'title'],
    ['Дезодорант антиперспирант', null, 'bath-body', 'title'],
    ['Vestido de verano para mujer', null, 'dress', 'title'],
  ];
  for (const [title, path, id, by] of cases) {
    it(`${title} -> ${id}`, () => {
      const m = resolveCategory({ title, categoryPath: path }, index);
      expect(m.category.id).toBe(id);
      expect(m.by).toBe(by);
      expect(m.keyword).toBeTruthy();
    });
  }

  it('answers unknown, with how it matched, when nothing matches', () => {
    const m = resolveCategory({ title: 'zzqx 123', categoryPath: ['???'] }, index);
    expect(m).toMatchObject({ by: 'none', keyword: null });
    expect(m.category.id).toBe('unknown');
  });
});
