import { describe, expect, it } from 'vitest';
import { bootstrapDiffCi, iqr, median, needsMorePairs } from '../../bench/stats';

describe('bench statistics', () => {
  it('median and interquartile range', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(iqr([1, 2, 3, 4, 5])).toBe(2);
    expect(iqr([7])).toBeNaN();
  });

  it('the bootstrap interval holds the difference of medians and is the same for the same visits', () => {
    const w = [110, 112, 115, 109, 130, 111];
    const o = [100, 101, 99, 104, 98, 120];
    const [lo, hi] = bootstrapDiffCi(w, o);
    const d = median(w) - median(o);
    expect(lo).toBeLessThanOrEqual(d);
    expect(hi).toBeGreaterThanOrEqual(d);
    expect(lo).toBeGreaterThan(0);
    expect(bootstrapDiffCi(w, o)).toEqual([lo, hi]);
  });
});

describe('which pages get more pairs', () => {
  const without = [100, 101, 99, 102, 100, 101];
  it('a quiet page whose interval sits clearly under the budget does not', () => {
    const w = without.map((x) => x + 4);
    expect(needsMorePairs(w, without, 10, 10)).toBe(false);
  });
  it('a quiet page whose interval spans the budget does (aliexpress-product-1: 10.6 ms, 6.4-14.9)', () => {
    const w = [107, 111, 106, 115, 110, 112];
    const [lo, hi] = bootstrapDiffCi(w, without);
    expect(lo).toBeLessThan(10);
    expect(hi).toBeGreaterThan(10);
    expect(needsMorePairs(w, without, 10, 10)).toBe(true);
    // The same visits against a 60-item page's budget of 15 ms: the interval no longer spans it.
    expect(hi).toBeLessThan(15);
    expect(needsMorePairs(w, without, 15, 10)).toBe(false);
  });
  it('a page clearly over the budget does not (more pairs would not change its verdict)', () => {
    const w = without.map((x) => x + 30);
    expect(needsMorePairs(w, without, 10, 10)).toBe(false);
  });
  it('a noisy page does, wherever its interval lies', () => {
    const noisy = [60, 100, 140, 80, 120, 100];
    expect(needsMorePairs(noisy.map((x) => x + 1), noisy, 10, 10)).toBe(true);
  });
});
