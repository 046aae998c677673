/**
 * The weekly reduction buckets. A report never carries a number of kilograms, only which of these
 * bands the week's reduction fell in, and even that is privatised (see rr.ts) before it leaves.
 *
 * Bands are in kg CO2e reduced per ISO week. They grow roughly x4-x5 per step because
 * reductions are heavy-tailed: most weeks record nothing or a switch worth under a kilogram, a
 * few record a skipped appliance or phone (tens of kilograms), rarely more.
 *
 * `representativeKg` is the value a bucket stands for when the collector turns de-biased bucket
 * counts into a total: the arithmetic midpoint for closed bands, and 150 kg for the open top band
 * (the ledger's daily cap keeps real weeks from running far beyond it). This is a stated modelling
 * choice: the published interval covers the randomized-response noise, not the error of these
 * representative values (see docs/PRIVACY.md).
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
  { id: 4, aboveKg: 20, upToKg: 100, representativeKg: 60, label: '20–100 kg' },
  { id: 5, aboveKg: 100, upToKg: null, representativeKg: 150, label: 'over 100 kg' },
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
