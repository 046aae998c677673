/**
 * Category resolution: breadcrumb first, then title; most specific match first; "unknown" is an
 * answer. Keywords are compiled once into hash maps (first word -> phrases; first CJK character ->
 * phrases), so resolving an item costs one tokenisation of its text and a few map lookups.
 */
import { CATEGORIES } from './categories';
import { taxonomySchema, type CategoryDef, type Spec } from './schema';

export type { CategoryDef, Spec } from './schema';

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

export type MatchedBy = 'breadcrumb' | 'title' | 'none';

export interface CategoryMatch {
  category: Category;
  by: MatchedBy;
  /** The keyword that matched, as written in the taxonomy (null when by = 'none'). */
  keyword: string | null;
}

export interface ResolveInput {
  title: string;
  categoryPath?: readonly string[] | null;
}

interface Phrase {
  cat: Category;
  /** Normalised tokens (word phrases) or the normalised string (CJK and mixed phrases). */
  tokens: readonly string[];
  text: string;
  keyword: string;
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

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー';
const TOKEN_RE = new RegExp(`([${CJK}]+)|((?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu');

/** Lower case, NFKC; diacritics are kept (Vietnamese "sách" book is not "sạch" clean). */
const ASCII = /^[\x00-\x7f]*$/;
export function normalise(text: string): string {
  // NFKC is a no-op on ASCII, and most titles are ASCII: skip it there.
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
}

/** Light plural folding for space-separated languages: "cables" = "cable". */
function stem(tok: string): string {
  return tok.length > 3 && tok.endsWith('s') && !tok.endsWith('ss') ? tok.slice(0, -1) : tok;
}

interface Token {
  text: string;
  cjk: boolean;
  start: number;
  end: number;
}

function tokenise(norm: string): Token[] {
  const out: Token[] = [];
  for (const m of norm.matchAll(TOKEN_RE)) {
    const start = m.index;
    if (m[1] !== undefined) out.push({ text: m[1], cjk: true, start, end: start + m[1].length });
    else if (m[2] !== undefined) out.push({ text: stem(m[2]), cjk: false, start, end: start + m[2].length });
  }
  return out;
}

/** Markers after which a product names what it is *for* ("case for iPhone", "ốp lưng cho iPhone"). */
const FOR_WORDS = new Set(['for', 'cho', 'para', 'для', 'compatible', 'fits', 'pour', 'für']);
const FOR_CJK = ['适用', '用于', '专用', '対応'];

function forMarker(tokens: Token[], norm: string): number {
  let pos = Infinity;
  for (const t of tokens) {
    if (!t.cjk && FOR_WORDS.has(t.text)) {
      pos = t.end;
      break;
    }
  }
  for (const w of FOR_CJK) {
    const i = norm.indexOf(w);
    if (i >= 0 && i < pos) pos = i;
  }
  return pos;
}

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
    for (const list of Object.values(d.keywords)) {
      for (const keyword of list ?? []) {
        const norm = normalise(keyword);
        const toks = tokenise(norm);
        if (toks.length === 0) continue;
        const key = toks.map((t) => t.text).join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        const allCjk = toks.every((t) => t.cjk);
        const allWord = toks.every((t) => !t.cjk);
        if (allWord) {
          const p: Phrase = { cat, tokens: toks.map((t) => t.text), text: key, keyword };
          const first = p.tokens[0]!;
          (words.get(first) ?? words.set(first, []).get(first)!).push(p);
        } else if (allCjk && toks.length === 1) {
          const text = toks[0]!.text;
          // A single Han character is too ambiguous inside longer words (牛 in 牛仔裤 = jeans).
          if (text.length < 2 && !SINGLE_CJK_OK.has(text)) continue;
          const p: Phrase = { cat, tokens: [text], text, keyword };
          const first = text[0]!;
          (cjk.get(first) ?? cjk.set(first, []).get(first)!).push(p);
        } else {
          mixed.push({ cat, tokens: [], text: norm.replace(/\s+/g, ''), keyword });
        }
      }
    }
  }
  return { byId, categories, unknown, words, cjk, mixed };
}

/** Single characters that name a product on their own in titles. */
const SINGLE_CJK_OK = new Set(['鞋', '灯', '锅', '碗', '笔', '床', '靴', '伞']);

interface Hit {
  cat: Category;
  start: number;
  end: number;
  keyword: string;
}

function findHits(index: TaxonomyIndex, text: string): { hits: Hit[]; forPos: number } {
  const norm = normalise(text);
  const tokens = tokenise(norm);
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cjk) {
      const s = t.text;
      for (let j = 0; j < s.length; j++) {
        const cands = index.cjk.get(s[j]!);
        if (!cands) continue;
        for (const p of cands) {
          if (s.startsWith(p.text, j)) {
            hits.push({ cat: p.cat, start: t.start + j, end: t.start + j + p.text.length, keyword: p.keyword });
          }
        }
      }
      continue;
    }
    const cands = index.words.get(t.text);
    if (!cands) continue;
    for (const p of cands) {
      const n = p.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        const tk = tokens[i + k]!;
        if (tk.cjk || tk.text !== p.tokens[k]) {
          ok = false;
          break;
        }
      }
      if (ok) hits.push({ cat: p.cat, start: t.start, end: tokens[i + n - 1]!.end, keyword: p.keyword });
    }
  }
  if (index.mixed.length > 0 && /[^\x00-\x7f]/.test(norm)) {
    const compact = norm.replace(/\s+/g, '');
    for (const p of index.mixed) {
      const at = compact.indexOf(p.text);
      // Offsets in the compacted string are close enough for overlap tests on short titles.
      if (at >= 0) hits.push({ cat: p.cat, start: at, end: at + p.text.length, keyword: p.keyword });
    }
  }
  return { hits: dropContained(hits), forPos: forMarker(tokens, norm) };
}

/** The longest phrase wins where phrases overlap inside it ("phone case" beats "phone"). */
function dropContained(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  return hits.filter(
    (h) =>
      !hits.some(
        (o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start,
      ),
  );
}

function isSelfOrDescendant(cat: Category, of: Category): boolean {
  return cat.id === of.id || cat.ancestors.includes(of.id);
}

function bestHit(hits: Hit[], forPos: number, within: Category | null): Hit | null {
  let best: Hit | null = null;
  let bestScore = -Infinity;
  const ids = new Set(hits.map((h) => h.cat.id));
  for (const h of hits) {
    let score = h.cat.depth * 4;
    if (h.cat.parent && ids.has(h.cat.parent)) score += 2;
    if (h.start >= forPos) score -= 6;
    if (within && isSelfOrDescendant(h.cat, within)) score += 100;
    score += Math.min(h.end - h.start, 30) / 100;
    if (score > bestScore) {
      bestScore = score;
      best = h;
    }
  }
  return best;
}

let defaultIndex: TaxonomyIndex | null = null;
/** The index over the bundled taxonomy, built on first use. */
export function taxonomyIndex(): TaxonomyIndex {
  return (defaultIndex ??= buildTaxonomyIndex());
}

export function resolveCategory(input: ResolveInput, index: TaxonomyIndex = taxonomyIndex()): CategoryMatch {
  let crumb: Hit | null = null;
  let crumbRank = -Infinity;
  const path = input.categoryPath ?? [];
  for (let s = 0; s < path.length; s++) {
    const seg = path[s];
    if (typeof seg !== 'string' || seg.length === 0) continue;
    const { hits } = findHits(index, seg.slice(0, 300));
    const h = bestHit(hits, Infinity, null);
    if (!h) continue;
    // The last segment that names a category wins (breadcrumbs run general -> specific); within
    // a segment the deepest match wins.
    const rank = s * 100 + h.cat.depth;
    if (rank > crumbRank) {
      crumbRank = rank;
      crumb = h;
    }
  }
  const title = typeof input.title === 'string' ? input.title.slice(0, 500) : '';
  const { hits, forPos } = findHits(index, title);
  const t = bestHit(hits, forPos, crumb?.cat ?? null);
  if (crumb) {
    if (t && isSelfOrDescendant(t.cat, crumb.cat) && t.cat.depth > crumb.cat.depth) {
      return { category: t.cat, by: 'title', keyword: t.keyword };
    }
    if (t && crumb.cat.depth === 0 && t.cat.depth >= 1 && !isSelfOrDescendant(t.cat, crumb.cat)) {
      // A top-level breadcrumb ("Home") is weak evidence next to a specific title ("jeans").
      return { category: t.cat, by: 'title', keyword: t.keyword };
    }
    return { category: crumb.cat, by: 'breadcrumb', keyword: crumb.keyword };
  }
  if (t) return { category: t.cat, by: 'title', keyword: t.keyword };
  return { category: index.unknown, by: 'none', keyword: null };
}

/** Validates the bundled taxonomy (used by tests and the build script). */
export function validateTaxonomy(defs: readonly CategoryDef[] = CATEGORIES): CategoryDef[] {
  return taxonomySchema.parse(defs);
}

export { CATEGORIES };
