/** Cheap size/spec parsing from titles (screen inches, mAh, GB, litres, pack kg, item count). */
import type { Spec } from '../taxonomy/schema';

const RE: Record<Spec, RegExp> = {
  inches: /(\d{2,3}(?:[.,]\d)?)\s*(?:-|\s)?(?:"|”|''|inch(?:es)?\b|in\b|インチ|英寸|寸|inch|дюйм)/i,
  mAh: /(\d{3,6})\s*mah\b/i,
  GB: /(\d{1,4})\s*(gb|tb)\b/i,
  litres: /(\d{2,4})\s*(?:l|litres?|liters?|lít|升)\b/i,
  kgPack: /(\d+(?:[.,]\d+)?)\s*(kg|g)\b/i,
  count: /(\d{1,4})\s*(?:pcs|pieces|count|ct|miếng|片|枚|шт)\b/i,
};

/** Exponent linking the spec ratio to the item's weight (geometric assumptions, METHODOLOGY §Specs). */
export const SPEC_WEIGHT_EXPONENT: Record<Spec, number> = {
  inches: 2, // flat panels: mass ~ screen area ~ diagonal^2
  mAh: 1, // power banks: mass ~ cell capacity
  GB: 0, // storage capacity barely changes mass
  litres: 1, // fridges: mass ~ volume
  kgPack: 1,
  count: 1,
};

export function parseSpec(spec: Spec | null, title: string): number | null {
  if (!spec) return null;
  const m = RE[spec].exec(title);
  if (!m) return null;
  let v = Number(m[1]!.replace(',', '.'));
  if (spec === 'GB' && m[2]?.toLowerCase() === 'tb') v *= 1000;
  if (spec === 'kgPack' && m[2]?.toLowerCase() === 'g') v /= 1000;
  if (spec === 'inches' && (v < 5 || v > 120)) return null;
  return Number.isFinite(v) && v > 0 ? v : null;
}
