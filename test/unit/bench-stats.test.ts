import { describe, expect, it } from 'vitest';
import { bootstrapDiffCi, iqr, median } from '../../bench/stats';

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
