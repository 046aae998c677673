/**
 * The taxonomy index: categories resolved through their parents, and keywords compiled once into
 * hash maps (first word -> phrases; first CJK character -> phrases), so resolving an item costs
 * one tokenisation of its text and a few map lookups (scoring: index.ts).
 */
import { CATEGORIES } from './categories';
import { taxonomySchema, type CategoryDef, type Spec } from './schema';
import { normalise, tokenise } from './tokens';

/** A category with its evidence resolved through its parents. */
export interface Category {
  id: string;
  parent: string | null;
  depth: number;
  /** Ids from the root down to this category's parent. */
  ancestors: readonly string[];
  names: CategoryDef['names'];
  naics: string;
  material: string;
  typicalKg: number;
  spec: Spec | null;
  specTypical: number | null;
}

export interface Phrase {
  cat: Category;
  /** Normalised tokens (word phrases) or the normalised string (CJK and mixed phrases). */
  tokens: readonly string[];
  text: string;
  keyword: string;
  /** Keyword language (decides which word of a compound is the head noun). */
  lang: string;
  /** Weight in titles: 1, or WEAK for brand-like and ambiguous single words ("~" in the data). */
  weight: number;
  /** Department labels that only make sense in a breadcrumb ("@" in the data, e.g. "@Entertainment"). */
  crumbOnly: boolean;
}

export interface TaxonomyIndex {
  byId: ReadonlyMap<string, Category>;
  categories: readonly Category[];
  unknown: Category;
  /** First token -> word phrases. */
  words: ReadonlyMap<string, Phrase[]>;
  /** First character -> CJK phrases. */
  cjk: ReadonlyMap<string, Phrase[]>;
  /** Phrases mixing Latin and CJK (e.g. "T恤"), matched by substring. */
  mixed: readonly Phrase[];
}

/** Weight in titles of a weak keyword ("~" in the data: brand-like and ambiguous single words). */
export const WEAK = 0.4;
/** Single characters that name a product on their own in titles. */
const SINGLE_CJK_OK = new Set(['鞋', '灯', '锅', '碗', '笔', '床', '靴', '伞']);

export function buildTaxonomyIndex(defs: readonly CategoryDef[] = CATEGORIES): TaxonomyIndex {
  const defById = new Map(defs.map((d) => [d.id, d]));
  const byId = new Map<string, Category>();
  const resolve = (d: CategoryDef, seen: Set<string>): Category => {
    const done = byId.get(d.id);
    if (done) return done;
    if (seen.has(d.id)) throw new Error(`taxonomy cycle at ${d.id}`);
    seen.add(d.id);
    const parentDef = d.parent ? defById.get(d.parent) : undefined;
    if (d.parent && !parentDef) throw new Error(`taxonomy: ${d.id} has unknown parent ${d.parent}`);
    const parent = parentDef ? resolve(parentDef, seen) : null;
    const naics = d.naics ?? parent?.naics;
    const material = d.material ?? parent?.material;
    const typicalKg = d.typicalKg ?? parent?.typicalKg;
    if (!naics || !material || !typicalKg) throw new Error(`taxonomy: ${d.id} has no factor evidence`);
    const cat: Category = {
      id: d.id,
      parent: d.parent,
      depth: parent ? parent.depth + 1 : 0,
      ancestors: parent ? [...parent.ancestors, parent.id] : [],
      names: d.names,
      naics,
      material,
      typicalKg,
      spec: d.spec ?? null,
      specTypical: d.specTypical ?? null,
    };
    byId.set(d.id, cat);
    return cat;
  };
  for (const d of defs) resolve(d, new Set());
  const categories = defs.map((d) => byId.get(d.id)!);
  const unknown = byId.get('unknown');
  if (!unknown) throw new Error('taxonomy: no "unknown" category');

  const words = new Map<string, Phrase[]>();
  const cjk = new Map<string, Phrase[]>();
  const mixed: Phrase[] = [];
  for (const d of defs) {
    if (d.id === 'unknown') continue;
    const cat = byId.get(d.id)!;
    const seen = new Set<string>();
    for (const [lang, list] of Object.entries(d.keywords)) {
      for (const raw of list ?? []) {
        const crumbOnly = raw.startsWith('@');
        const weight = raw.startsWith('~') ? WEAK : 1;
        const keyword = crumbOnly || weight !== 1 ? raw.slice(1) : raw;
        const norm = normalise(keyword);
        const toks = tokenise(norm);
        if (toks.length === 0) continue;
        const key = toks.map((t) => t.text).join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        const allCjk = toks.every((t) => t.cjk);
        const allWord = toks.every((t) => !t.cjk);
        if (allWord) {
          const tokens = toks.map((t) => t.text);
          const p: Phrase = { cat, tokens, text: key, keyword, lang, weight, crumbOnly };
          const first = tokens[0]!;
          const list = words.get(first);
          if (list) list.push(p);
          else words.set(first, [p]);
        } else if (allCjk && toks.length === 1) {
          const text = toks[0]!.text;
          // A single Han character is too ambiguous inside longer words (牛 in 牛仔裤 = jeans).
          if (text.length < 2 && !SINGLE_CJK_OK.has(text)) continue;
          const p: Phrase = { cat, tokens: [text], text, keyword, lang, weight, crumbOnly };
          const first = text[0]!;
          const list = cjk.get(first);
          if (list) list.push(p);
          else cjk.set(first, [p]);
        } else {
          mixed.push({ cat, tokens: [], text: norm.replace(/\s+/g, ''), keyword, lang, weight, crumbOnly });
        }
      }
    }
  }
  return { byId, categories, unknown, words, cjk, mixed };
}

/** Validates the bundled taxonomy (used by tests and the build script). */
export function validateTaxonomy(defs: readonly CategoryDef[] = CATEGORIES): CategoryDef[] {
  return taxonomySchema.parse(defs);
}
