/**
 * Category resolution: breadcrumb first, then title; most specific match first; "unknown" is an
 * answer. The index it searches is built once (build.ts); this file finds and scores the hits.
 */
import { buildTaxonomyIndex, type Category, type Phrase, type TaxonomyIndex } from './build';
import { ASCII, normalise, tokenise, type Token } from './tokens';

export { normalise } from './tokens';
export type { CategoryDef, Spec } from './schema';
export { buildTaxonomyIndex, validateTaxonomy, type Category, type TaxonomyIndex } from './build';
export { CATEGORIES } from './categories';

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

/**
 * Markers after which the rest of the clause says what the product is *for* ("case for iPhone",
 * "ốp lưng cho iPhone", "适用iPhone") or what it comes *with* ("laptop with backlit keyboard").
 */
const FOR_WORDS = new Set(['for', 'cho', 'para', 'для', 'compatible', 'fits', 'pour', 'für']);
const WITH_WORDS = new Set(['with', 'con', 'kèm', 'avec', 'mit', 'including', 'includes', 'incl', 'built']);
const FOR_CJK = ['适用', '用于', '专用', '対応', '兼容', '支持', '适配', '配套'];
const WITH_CJK = ['附赠', '赠送', '送'];

/** Languages whose compounds put the head noun last ("keyboard phone" is a phone). */
const HEAD_LAST = new Set(['en', 'zh', 'ja', 'ru']);
/** Title weights (see METHODOLOGY §2). */
const DEMOTE_FOR = 0.25;
const DEMOTE_WITH = 0.35;
const DEMOTE_SPEC = 0.15;
const DEMOTE_MODIFIER = 0.35;
const ROOT_IN_TITLE = 0.5;

/** Categories whose words are usually a spec of something else ("8GB RAM", "512GB SSD", "12MP camera"). */
const SPEC_PRONE = new Set(['ram', 'storage', 'usb-flash', 'pc-parts', 'camera', 'batteries', 'webcam', 'cable']);
/** A measure or a model number right before (or a capacity right after) makes the word a spec. */
const MEASURE_BEFORE = /\d|^(gb|tb|mb|core|quad|octa|hexa)$/;
const CAPACITY_AFTER = /^\d+(gb|tb|g|t)$/;
/** Words that name what something is made of when they come before another word ("Iron Wall decoration"). */
const MATERIALS = new Set([
  'iron', 'glass', 'paper', 'canvas', 'fabric', 'leather', 'wood', 'wooden', 'bamboo', 'steel', 'metal',
  'silver', 'gold', 'crystal', 'ceramic', 'plastic', 'silicone', 'rubber', 'vinyl', 'denim', 'cotton',
  'wool', 'linen', 'marble', 'stone', 'resin', 'acrylic', 'bronze', 'brass', 'copper', 'velvet', 'silk',
]);
/**
 * "Cherry Blossom Scent", "Cooling Mint Scented", "草莓味", "Sugar-Free", "less sugar": the word
 * names a scent, a flavour or an absent ingredient, not the product.
 */
const SCENT_AFTER = new Set(['scent', 'scented', 'flavor', 'flavour', 'flavored', 'flavoured', 'aroma', 'taste', 'fragrance', 'blossom', 'free']);
const SCENT_BEFORE = new Set(['sabor', 'hương', 'vị', 'aroma', 'parfum', 'scent', 'less', 'no', 'low', 'zero', 'sin', 'không']);
/** "Lemon Yellow", "Rose Gold", "柠檬黄", "咖啡色": the word names a colour. */
const COLOURS = new Set(['red', 'yellow', 'green', 'blue', 'purple', 'pink', 'black', 'white', 'grey', 'gray', 'gold', 'silver', 'brown', 'beige', 'color', 'colour', 'colored', 'coloured']);
const CJK_COLOUR = '色黄红绿蓝紫粉黑白灰金银';
/**
 * Accessories: a device named earlier in the same clause is what the accessory fits
 * ("iPhone 15 Pro Max Case" is a case, "Samsung S24 Charger" a charger).
 */
const ACCESSORY = new Set(['phone-case', 'charger', 'cable', 'phone-holder', 'phone-accessories', 'backpack', 'ram', 'storage', 'batteries']);

/**
 * Ambiguous words, resolved by the rest of the text: [category id or null (drop the match), cue].
 * The first alternative whose cue matches replaces the keyword's own category.
 */
const COMPUTER_CUE =
  /\d+\s*(?:gb|tb)\b|\b(?:ram|ssd|hdd|emmc|intel|amd|ryzen|celeron|pentium|core i\d|i[3579]|windows|win ?1[01]|chromebook|macbook|processor|cpu|gpu|rtx|geforce|touchscreen|fhd|laptop|computer|computers|pc)\b|电脑|内存|固态|处理器|酷睿|锐龙|显卡|\d+g\b/;
const PILL_CUE = /\d\s*mg\b|\b(?:capsules?|softgels?|vitamins?|supplements?|effervescent|sublingual|melatonin|chewable|dietary|sold per|pills?)\b|viên uống|片剂|药|维生素/;
const GAME_CUE =
  /\b(?:game|games|juego|juegos|videojuego|software|edition|edición|edizione|remastered|remaster|hits|dlc|cartridge|disc|importación|playable|soundtrack)\b|[-–]\s*(?:nintendo switch|playstation|ps[2345]|xbox)|\(\s*(?:ps[2345]|playstation \d|xbox[^)]*|nintendo switch|switch)\s*\)|ソフト|游戏|ゲーム/;
const CONSOLE_CUE = /\b(?:console|consola|konsole|bundle|oled model|handheld)\b|主机|本体/;
const SKIN_CUE = /\b(?:skin|face|facial|hand|body|eye|moistur\w*|lotion|spf|medicated|cosmetic|anti-aging|wrinkle)\b/;
const TECH_CUE = /\b(?:iphone|ipad|macbook|imac|airpods|watch|ios|mac|pencil|magsafe|lightning)\b|手机|电脑|平板/;
const AMBIGUOUS: Record<string, [string | null, (text: string) => boolean][]> = {
  notebook: [['laptop', (t) => COMPUTER_CUE.test(t)], ['stationery-books', () => true]],
  笔记本: [['laptop', (t) => COMPUTER_CUE.test(t)], ['stationery-books', () => true]],
  tablet: [['health', (t) => PILL_CUE.test(t)]],
  tableta: [['health', (t) => PILL_CUE.test(t)]],
  cream: [['skincare', (t) => SKIN_CUE.test(t)]],
  apple: [[null, (t) => TECH_CUE.test(t)]],
  苹果: [[null, (t) => TECH_CUE.test(t)]],
  peach: [[null, (t) => GAME_CUE.test(t)]],
};
/** Furniture for the garden or patio is its own category whatever the piece ("Patio ... Sectional Sofa"). */
const OUTDOOR_CUE = /\b(?:patio|outdoor|garden|wicker|rattan|poolside)\b|ngoài trời|sân vườn|户外|庭院/;
for (const k of ['sofa', 'sectional', 'couch', 'loveseat', 'chair', 'table', 'bench', 'dining set', 'armchair', 'recliner', 'ghế sofa', 'bàn ghế', '沙发', '桌椅']) {
  AMBIGUOUS[k] = [['outdoor-furniture', (t) => OUTDOOR_CUE.test(t)]];
}
for (const k of ['playstation', 'playstation 4', 'playstation 5', 'ps3', 'ps4', 'ps5', 'xbox', 'nintendo switch', 'switch 2', 'nintendo']) {
  AMBIGUOUS[k] = [['video-games', (t) => GAME_CUE.test(t) && !CONSOLE_CUE.test(t)]];
}

interface Hit {
  cat: Category;
  start: number;
  end: number;
  keyword: string;
  /** Index of the first and last token (CJK hits: their run's index). */
  first: number;
  last: number;
  clause: number;
  lang: string;
  /** Specificity x keyword weight x demotions x position; filled in by scoreHits. */
  w: number;
}

const isFood = (c: Category): boolean => c.material.startsWith('agb:');

function isSelfOrDescendant(cat: Category, of: Category): boolean {
  return cat.id === of.id || cat.ancestors.includes(of.id);
}
function related(a: Category, b: Category): boolean {
  return isSelfOrDescendant(a, b) || isSelfOrDescendant(b, a);
}

function findHits(index: TaxonomyIndex, norm: string, tokens: Token[], crumb: boolean, context: string): Hit[] {
  const hits: Hit[] = [];
  const push = (p: Phrase, start: number, end: number, first: number, last: number, clause: number, spec: number) => {
    if (p.crumbOnly && !crumb) return;
    let cat = p.cat;
    const alts = AMBIGUOUS[p.text];
    if (alts) {
      for (const [id, cue] of alts) {
        if (!cue(context)) continue;
        if (id === null) return;
        cat = index.byId.get(id) ?? cat;
        break;
      }
    }
    hits.push({ cat, start, end, keyword: p.keyword, first, last, clause, lang: p.lang, w: (crumb ? 1 : p.weight) * spec });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cjk) {
      const s = t.text;
      for (let j = 0; j < s.length; j++) {
        const cands = index.cjk.get(s[j]!);
        if (!cands) continue;
        for (const p of cands) {
          if (s.startsWith(p.text, j)) {
            const spec = p.text.length >= 4 ? 1.6 : p.text.length === 3 ? 1.3 : 1;
            push(p, t.start + j, t.start + j + p.text.length, i, i, t.clause, spec);
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
      if (ok) push(p, t.start, tokens[i + n - 1]!.end, i, i + n - 1, t.clause, Math.min(2, 1 + 0.5 * (n - 1)));
    }
  }
  if (index.mixed.length > 0 && !ASCII.test(norm)) {
    const compact = norm.replace(/\s+/g, '');
    for (const p of index.mixed) {
      const at = compact.indexOf(p.text);
      if (at < 0) continue;
      // Offsets in the compacted string are close enough on short titles; token index by offset.
      let ti = tokens.findIndex((t) => t.end > at);
      if (ti < 0) ti = tokens.length - 1;
      push(p, at, at + p.text.length, ti, ti, tokens[ti]?.clause ?? 0, 1.3);
    }
  }
  return dropContained(hits);
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

/** Marker spans: from a "for"/"with" marker to the end of its clause. */
function markerSpans(tokens: Token[], norm: string, words: Set<string>, cjkMarkers: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const t of tokens) {
    if (t.cjk) {
      for (const m of cjkMarkers) {
        const i = t.text.indexOf(m);
        if (i < 0) continue;
        // Chinese titles separate phrases by spaces: the marker's scope ends at the next one.
        const from = t.start + i + m.length;
        const space = norm.indexOf(' ', from);
        const end = clauseEnd(tokens, t.clause, norm.length);
        spans.push([from, space >= 0 && space < end ? space : end]);
      }
    } else if (words.has(t.text)) {
      spans.push([t.end, clauseEnd(tokens, t.clause, norm.length)]);
    }
  }
  return spans;
}
function clauseEnd(tokens: Token[], clause: number, len: number): number {
  for (const t of tokens) if (t.clause > clause) return t.start;
  return len;
}
const inSpan = (spans: [number, number][], pos: number) => spans.some(([a, b]) => pos >= a && pos < b);

/** Title weights: specificity x keyword weight x demotions x position (see METHODOLOGY §2). */
function scoreTitleHits(hits: Hit[], tokens: Token[], norm: string): void {
  if (hits.length === 0) return;
  const forSpans = markerSpans(tokens, norm, FOR_WORDS, FOR_CJK);
  const withSpans = markerSpans(tokens, norm, WITH_WORDS, WITH_CJK);
  const marked = new Set<Hit>();
  const specs = new Set<Hit>();
  for (const h of hits) {
    if (h.cat.depth === 0) h.w *= ROOT_IN_TITLE;
    // In a dish, what comes "with" it drives the footprint ("stew with pork"): no demotion for food.
    if (inSpan(forSpans, h.start)) h.w *= DEMOTE_FOR;
    else if (inSpan(withSpans, h.start) && !isFood(h.cat)) h.w *= DEMOTE_WITH;
    else continue;
    marked.add(h);
  }
  for (const h of hits) {
    const prev = h.first > 0 ? tokens[h.first - 1] : undefined;
    const next = tokens[h.last + 1];
    const cjkHit = tokens[h.first]?.cjk ?? false;
    const atRunStart = !cjkHit || h.start === tokens[h.first]!.start;
    if (SPEC_PRONE.has(h.cat.id) || h.cat.ancestors.includes('pc-parts') || h.cat.ancestors.includes('storage')) {
      if ((prev && atRunStart && !prev.cjk && MEASURE_BEFORE.test(prev.text)) || (next && !next.cjk && CAPACITY_AFTER.test(next.text))) {
        h.w *= DEMOTE_SPEC;
        specs.add(h);
      }
    }
    if (h.first === h.last && !cjkHit && MATERIALS.has(tokens[h.first]!.text) && next && !next.cjk && next.clause === h.clause && !/\d/.test(next.text)) {
      h.w *= DEMOTE_MODIFIER;
    }
    const scented =
      (next && next.clause === h.clause && SCENT_AFTER.has(next.text)) ||
      (prev && prev.clause === h.clause && SCENT_BEFORE.has(prev.text)) ||
      (cjkHit && (norm[h.end] === '味' || norm[h.end] === '香'));
    const colour = (next && next.clause === h.clause && !next.cjk && COLOURS.has(next.text)) || (cjkHit && CJK_COLOUR.includes(norm[h.end] ?? ' '));
    if (scented || colour) h.w *= DEMOTE_MODIFIER;
  }
  // Compounds: of two adjacent unrelated nouns, one is the head ("keyboard phone" = phone,
  // "耳机放大器" = amplifier, "ốp lưng iPhone" = case); a device before its accessory fits it.
  for (const a of hits) {
    for (const b of hits) {
      if (a === b || b.start < a.end || a.clause !== b.clause || related(a.cat, b.cat)) continue;
      if (isFood(a.cat) && isFood(b.cat)) continue;
      // A compatible device after "for"/"兼容" is not the head of the product's name.
      if (marked.has(b) && !marked.has(a)) continue;
      // Inside one run of Han characters the last noun is the head (入耳式智能手机通话耳机 = earphones).
      const adjacent = b.first === a.last + 1 || (b.first === a.last && (b.start === a.end || tokens[a.first]!.cjk));
      if (adjacent) {
        // A material after a noun is not its head ("Wall Decoration Iron").
        if (b.first === b.last && MATERIALS.has(tokens[b.first]!.text)) continue;
        if (HEAD_LAST.has(a.lang)) a.w *= DEMOTE_MODIFIER;
        else b.w *= DEMOTE_MODIFIER;
      } else if (ACCESSORY.has(b.cat.id) && !ACCESSORY.has(a.cat.id) && !specs.has(b) && HEAD_LAST.has(b.lang) && b.first - a.last <= 6) {
        a.w *= DEMOTE_MODIFIER;
      }
    }
  }
  // The product noun usually comes early in a title.
  for (const h of hits) h.w /= 1 + 0.03 * h.first;
}

interface Ranked {
  hit: Hit;
  score: number;
}

/**
 * Sums the evidence per category (strongest mention + a quarter of the others), adds half of the
 * evidence for its ancestors ("laptop computer": computer supports laptop), and ranks.
 */
function rank(hits: Hit[], within: Category | null): Ranked | null {
  if (hits.length === 0) return null;
  const own = new Map<string, { best: Hit; max: number; sum: number }>();
  for (const h of hits) {
    const o = own.get(h.cat.id);
    if (!o) own.set(h.cat.id, { best: h, max: h.w, sum: h.w });
    else {
      o.sum += h.w;
      if (h.w > o.max) {
        o.max = h.w;
        o.best = h;
      }
    }
  }
  let best: Ranked | null = null;
  for (const o of own.values()) {
    const cat = o.best.cat;
    if (within && !isSelfOrDescendant(cat, within)) continue;
    let score = o.max + 0.25 * (o.sum - o.max);
    for (const a of cat.ancestors) {
      const up = own.get(a);
      if (up) score += 0.5 * (up.max + 0.25 * (up.sum - up.max));
    }
    if (
      !best ||
      score > best.score + 1e-9 ||
      (Math.abs(score - best.score) <= 1e-9 &&
        (cat.depth > best.hit.cat.depth || (cat.depth === best.hit.cat.depth && o.best.start < best.hit.start)))
    ) {
      best = { hit: o.best, score };
    }
  }
  return best;
}

let defaultIndex: TaxonomyIndex | null = null;
/** The index over the bundled taxonomy, built on first use. */
export function taxonomyIndex(): TaxonomyIndex {
  return (defaultIndex ??= buildTaxonomyIndex());
}

/** Breadcrumb roots whose sub-categories describe content, not the product (a book's genre). */
const CONTENT_ROOTS = new Set(['books']);
/** A title match outside a top-level breadcrumb needs this much evidence to override it. */
const OVERRIDE_SCORE = 0.6;

const rootOf = (c: Category): string => c.ancestors[0] ?? c.id;

export function resolveCategory(input: ResolveInput, index: TaxonomyIndex = taxonomyIndex()): CategoryMatch {
  let crumb: Hit | null = null;
  const path = input.categoryPath ?? [];
  const segs = path.filter((s): s is string => typeof s === 'string' && s.length > 0);
  const context = segs.length > 0 ? normalise(segs.join(' / ').slice(0, 600)) : '';
  for (const seg of segs) {
    const norm = normalise(seg.slice(0, 300));
    const hits = findHits(index, norm, tokenise(norm), true, context);
    const r = rank(hits, null);
    if (!r) continue;
    // Breadcrumbs run general -> specific: the last segment that names a category wins, except
    // that a book's genre ("Books > Computers & Technology") does not make it a computer.
    if (crumb && CONTENT_ROOTS.has(rootOf(crumb.cat)) && rootOf(r.hit.cat) !== rootOf(crumb.cat)) continue;
    crumb = r.hit;
  }
  const title = typeof input.title === 'string' ? input.title.slice(0, 500) : '';
  const norm = normalise(title);
  const tokens = tokenise(norm);
  const hits = findHits(index, norm, tokens, false, context ? `${norm} / ${context}` : norm);
  scoreTitleHits(hits, tokens, norm);
  if (crumb) {
    // The title refines within the breadcrumb's subtree...
    const inside = rank(hits, crumb.cat);
    if (inside && inside.hit.cat.depth > crumb.cat.depth) {
      return { category: inside.hit.cat, by: 'title', keyword: inside.hit.keyword };
    }
    // ...or overrides a top-level breadcrumb ("Home") when it names something specific.
    const any = rank(hits, null);
    if (
      any &&
      crumb.cat.depth === 0 &&
      !CONTENT_ROOTS.has(crumb.cat.id) &&
      any.hit.cat.depth >= 1 &&
      !isSelfOrDescendant(any.hit.cat, crumb.cat) &&
      any.score >= OVERRIDE_SCORE
    ) {
      return { category: any.hit.cat, by: 'title', keyword: any.hit.keyword };
    }
    return { category: crumb.cat, by: 'breadcrumb', keyword: crumb.keyword };
  }
  const t = rank(hits, null);
  if (t) return { category: t.hit.cat, by: 'title', keyword: t.hit.keyword };
  return { category: index.unknown, by: 'none', keyword: null };
}


export { categoryName } from './names';
