import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, REDUCTION_BUCKETS, REPRESENTATIVE_KG, bucketOf } from '@/lib/share';

describe('reduction buckets', () => {
  it('are contiguous, ordered and end with an open bucket', () => {
    expect(BUCKET_COUNT).toBe(5);
    REDUCTION_BUCKETS.forEach((b, i) => {
      expect(b.id).toBe(i);
      if (i > 0) expect(b.aboveKg).toBe(REDUCTION_BUCKETS[i - 1]!.upToKg);
    });
    expect(REDUCTION_BUCKETS.at(-1)!.upToKg).toBeNull();
  });

  it('have representative values inside their bands', () => {
    for (const b of REDUCTION_BUCKETS) {
      if (b.aboveKg !== null) expect(b.representativeKg).toBeGreaterThan(b.aboveKg);
      if (b.upToKg !== null) expect(b.representativeKg).toBeLessThanOrEqual(b.upToKg);
    }
    expect(REPRESENTATIVE_KG).toEqual([0, 0.5, 3, 12.5, 50]);
  });

  it.each([
    [0, 0], [-3, 0], [Number.NaN, 0], [Number.POSITIVE_INFINITY, 0],
    [1e-9, 1], [1, 1], [1.0001, 2], [5, 2], [5.5, 3], [20, 3], [20.01, 4], [100, 4], [1e6, 4],
  ])('bucketOf(%s) = %s', (kg, bucket) => {
    expect(bucketOf(kg)).toBe(bucket);
  });
});
