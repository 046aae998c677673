/**
 * Greener alternatives and "lower / typical / higher" comparisons. Pure: estimates in, ranked
 * suggestions out. The rule for suggesting (docs/METHODOLOGY.md, Alternatives):
 *
 * - only items of the same category (the same resolved categoryId) estimated from the same kind
 *   of evidence (the same tier). Such estimates share most of their method error (the same
 *   factor, the same typical value), so what separates them is what the page says about each
 *   item (price, weight, size, origin), and their difference is far surer than either number;
 * - only when the saving is clear: the central saving is at least CLEAR_SHARE (25%) of the item's
 *   estimate and at least CLEAR_MIN_KG, and the alternative's whole range sits lower (alt.low <
 *   item.low and alt.high < item.high);
 * - at most MAX_SUGGESTIONS, best saving first.
 *
 * Savings carry a range from lib/ledger/accounting's `difference` (independent errors, wide side).
 */
import { difference, type Est, type Reduction } from '../ledger/accounting';

export const CLEAR_SHARE = 0.25;
export const CLEAR_MIN_KG = 0.05;
export const MAX_SUGGESTIONS = 3;

export interface Candidate extends Est {
  key: string;
  tier: string;
  title: string;
  url: string | null;
  categoryId: string;
}

export interface Saving extends Reduction {
  /** Central saving as a share of the item's estimate, 0..1. */
  share: number;
}

export function isClearSaving(item: Est, alt: Est): boolean {
  const saving = item.kg - alt.kg;
  return saving >= CLEAR_MIN_KG && saving >= CLEAR_SHARE * item.kg && alt.low < item.low && alt.high < item.high;
}

export function savingOf(item: Est, alt: Est): Saving {
  const r = difference(item, alt);
  return { ...r, share: item.kg > 0 ? r.kg / item.kg : 0 };
}

/** Same-category candidates with a clear saving over `item`, best first. */
export function rankAlternatives<C extends Candidate>(item: Candidate, candidates: readonly C[], max = MAX_SUGGESTIONS): { candidate: C; saving: Saving }[] {
  if (item.categoryId === 'unknown') return [];
  const seen = new Set<string>([item.key]);
  const out: { candidate: C; saving: Saving }[] = [];
  for (const c of candidates) {
    if (c.categoryId !== item.categoryId || c.tier !== item.tier || seen.has(c.key) || !isClearSaving(item, c)) continue;
    seen.add(c.key);
    out.push({ candidate: c, saving: savingOf(item, c) });
  }
  return out.sort((a, b) => b.saving.kg - a.saving.kg).slice(0, max);
}

export type Comparison = 'lower' | 'typical' | 'higher';

/** Fewer peers than this and no comparison is shown. */
export const MIN_PEERS = 3;

/**
 * Where the item stands among similar items (same category): the typical item is the peers'
 * median estimate with the median of their ranges. "lower"/"higher" only when the item's 80%
 * range and the typical range do not overlap; "typical" when the item's central estimate lies
 * inside the typical range; otherwise null (the evidence does not separate them).
 */
export function compareToPeers(item: Est, peers: readonly Est[]): Comparison | null {
  if (peers.length < MIN_PEERS) return null;
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const typical = { low: med(peers.map((p) => p.low)), high: med(peers.map((p) => p.high)) };
  if (item.high < typical.low) return 'lower';
  if (item.low > typical.high) return 'higher';
  if (item.kg >= typical.low && item.kg <= typical.high) return 'typical';
  return null;
}
