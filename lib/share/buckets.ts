/**
 * The weekly reduction buckets. A report never carries a number of kilograms, only which of these
 * bands the week's reduction fell in, and even that is privatised (see rr.ts) before it leaves.
 *
 * Bands are in kg CO2e reduced per ISO week: 0 | (0, 1] | (1, 5] | (5, 20] | over 20. They grow
 * roughly x4 per step because reductions are heavy-tailed: most weeks record nothing or a switch
 * worth under a kilogram; a skipped phone or appliance lands in the top band.
 *
 * Why five and not more: every extra bucket lowers randomized response's signal (p − q is 0.256
 * with five buckets, 0.223 with six), and an open band far out (say "over 100 kg", worth ~150 kg)
 * multiplies the noise of the estimated total for the rare weeks that reach it (the 95% interval
 * of the total at 10,000 reporters goes from about ±34% to ±83%; docs/PRIVACY.md has the math).
 *
 * `representativeKg` is the value a bucket stands for when the collector turns de-biased bucket
 * counts into a total: the arithmetic midpoint for closed bands, and 50 kg for the open top band
 * (about one avoided phone or small appliance). This is a stated modelling choice: the published
 * interval covers the randomized-response noise, not the error of these representative values.
 */
export interface ReductionBucket {
  readonly id: number;
  /** Exclusive lower bound in kg (the first bucket is exactly "no reduction": kg <= 0). */
  readonly aboveKg: number | null;
  /** Inclusive upper bound in kg; null for the open top bucket. */
  readonly upToKg: number | null;
  readonly representativeKg: number;
  readonly label: string;
}

export const REDUCTION_BUCKETS: readonly ReductionBucket[] = Object.freeze([
  { id: 0, aboveKg: null, upToKg: 0, representativeKg: 0, label: '0 kg' },
  { id: 1, aboveKg: 0, upToKg: 1, representativeKg: 0.5, label: '0–1 kg' },
  { id: 2, aboveKg: 1, upToKg: 5, representativeKg: 3, label: '1–5 kg' },
  { id: 3, aboveKg: 5, upToKg: 20, representativeKg: 12.5, label: '5–20 kg' },
  { id: 4, aboveKg: 20, upToKg: null, representativeKg: 50, label: 'over 20 kg' },
]);

export const BUCKET_COUNT = REDUCTION_BUCKETS.length;

export const REPRESENTATIVE_KG: readonly number[] = REDUCTION_BUCKETS.map((b) => b.representativeKg);

/**
 * The bucket of a week's reduction. Zero, negative and non-finite totals (nothing recorded, or a
 * corrupt value) fall in bucket 0: a report must always be sendable, and "no reduction" is the
 * honest answer when we have no usable number.
 */
export function bucketOf(kg: number): number {
  if (!Number.isFinite(kg) || kg <= 0) return 0;
  for (const b of REDUCTION_BUCKETS) {
    if (b.upToKg !== null && kg <= b.upToKg) return b.id;
  }
  return BUCKET_COUNT - 1;
}
