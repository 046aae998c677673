/**
 * Suggestions for the items of one page (run in the background, which has the estimator):
 * - search pages: the same-category items of the page, ranked (rankAlternatives);
 * - product pages: recently seen items of the same category, a second-hand search on the same
 *   marketplace, a seller shipping from the shopper's country, and slower shipping where the
 *   marketplace offers it.
 * Each suggestion has its saving in kg and % with a range; only clear savings are suggested.
 */
import type { Estimate, ItemInput } from '../carbon/types';
import type { SeenItem } from '../ledger/schema';
import type { ShopLinks } from './shops';
import { compareToPeers, isClearSaving, rankAlternatives, savingOf, type Candidate, type Comparison, type Saving } from './index';

export type SuggestionKind = 'item' | 'second_hand' | 'local' | 'slow_shipping';

export interface Suggestion extends Saving {
  kind: SuggestionKind;
  title: string | null;
  /** Where clicking goes (null: advice only, e.g. pick slower shipping at checkout). */
  url: string | null;
  /** The item to record as chosen for "choose this instead" (switch). */
  chosen: ItemInput | null;
}

export interface Analysed {
  comparison: Comparison | null;
  suggestions: Suggestion[];
}

export interface PageEntry {
  key: string;
  item: ItemInput & { url?: string | null };
  estimate: Estimate;
}

export interface SuggestContext {
  kind: 'product' | 'search';
  pageUrl: URL | null;
  homeCountry: string;
  shop: ShopLinks | null;
  estimate: (item: ItemInput) => Estimate;
  /** Recently seen items (any category; filtered here). */
  seen: readonly SeenItem[];
}

/** The first words of a title, as a marketplace search query (URL-encoded, spaces as +). */
export function searchQuery(title: string): string {
  const words = title
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  return words.map(encodeURIComponent).join('+');
}

const asCandidate = (e: PageEntry): Candidate => ({
  key: e.key,
  title: e.item.title,
  url: e.item.url ?? null,
  categoryId: e.estimate.categoryId,
  tier: e.estimate.tier,
  kg: e.estimate.kg,
  low: e.estimate.low,
  high: e.estimate.high,
});

function variant(kind: SuggestionKind, item: Estimate, alt: Estimate, url: string | null): Suggestion | null {
  if (!isClearSaving(item, alt)) return null;
  return { kind, title: null, url, chosen: null, ...savingOf(item, alt) };
}

export function analysePage(entries: readonly PageEntry[], ctx: SuggestContext): Analysed[] {
  const candidates = entries.map(asCandidate);
  const seenCandidates: (Candidate & { facts: ItemInput })[] = ctx.seen.map((s) => ({
    key: s.key,
    title: s.title,
    url: s.url,
    categoryId: s.categoryId,
    tier: s.tier,
    kg: s.kg,
    low: s.low,
    high: s.high,
    facts: s.facts,
  }));

  return entries.map((entry, i) => {
    const me = candidates[i]!;
    const peers = [...candidates, ...seenCandidates].filter((c) => c.key !== me.key && c.categoryId === me.categoryId && me.categoryId !== 'unknown');
    const comparison = compareToPeers(me, peers);
    const suggestions: Suggestion[] = [];

    const pool = ctx.kind === 'search' ? candidates : seenCandidates;
    for (const { candidate, saving } of rankAlternatives(me, pool)) {
      const chosen = ctx.kind === 'search' ? entries.find((e) => e.key === candidate.key)!.item : (candidate as (typeof seenCandidates)[number]).facts;
      suggestions.push({ kind: 'item', title: candidate.title, url: candidate.url, chosen, ...saving });
    }

    if (ctx.kind === 'product') {
      const { item, estimate } = entry;
      const q = searchQuery(item.title);
      if (item.condition !== 'used' && item.condition !== 'refurbished') {
        const used = variant('second_hand', estimate, ctx.estimate({ ...item, condition: 'used' }), ctx.shop && ctx.pageUrl ? ctx.shop.usedSearchUrl(ctx.pageUrl, q) : null);
        if (used) suggestions.push(used);
      }
      if (item.shipFrom && item.shipFrom !== ctx.homeCountry) {
        const local = variant('local', estimate, ctx.estimate({ ...item, shipFrom: ctx.homeCountry }), ctx.shop && ctx.pageUrl ? ctx.shop.searchUrl(ctx.pageUrl, q) : null);
        if (local) suggestions.push(local);
        if (ctx.shop?.slowShipping && item.shipMode !== 'sea') {
          const slow = variant('slow_shipping', estimate, ctx.estimate({ ...item, shipMode: 'sea' }), null);
          if (slow) suggestions.push(slow);
        }
      }
    }
    return { comparison, suggestions };
  });
}
