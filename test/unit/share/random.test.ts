import { describe, expect, it } from 'vitest';
import { cryptoRandomInt, cryptoRandomIntFrom, randomIntFrom, seededRandomInt } from '@/lib/share';

describe('integer randomness', () => {
  it('rejects words outside the range instead of folding them (no modulo bias)', () => {
    // n = 5 → 3-bit mask; words whose low bits are 5, 6, 7 must be skipped.
    const words = [5, 6, 7, 0b1000 | 4, 3];
    const draw = randomIntFrom(() => words.shift()!);
    expect(draw(5)).toBe(4);
    expect(draw(5)).toBe(3);
  });

  it('covers [0, n) uniformly (chi-square, seeded)', () => {
    const draw = seededRandomInt(42);
    for (const n of [2, 3, 6, 7, 10, 100]) {
      const trials = 60_000;
      const seen = new Array<number>(n).fill(0);
      for (let i = 0; i < trials; i++) seen[draw(n)]! += 1;
      const expected = trials / n;
      const chi2 = seen.reduce((a, c) => a + (c - expected) ** 2 / expected, 0);
      // Far beyond the 99.9th percentile for n − 1 <= 99 degrees of freedom.
      expect(chi2).toBeLessThan(n + 8 * Math.sqrt(2 * n) + 20);
    }
  });

  it('handles the edges of its range and refuses the rest', () => {
    const draw = seededRandomInt(1);
    expect(draw(1)).toBe(0);
    const big = draw(2 ** 32);
    expect(big).toBeGreaterThanOrEqual(0);
    expect(big).toBeLessThan(2 ** 32);
    for (const bad of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN]) expect(() => draw(bad)).toThrow(RangeError);
  });

  it('is reproducible from a seed and differs between seeds', () => {
    const a = seededRandomInt(9);
    const b = seededRandomInt(9);
    const c = seededRandomInt(10);
    const seqA = Array.from({ length: 20 }, () => a(1000));
    expect(Array.from({ length: 20 }, () => b(1000))).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c(1000))).not.toEqual(seqA);
  });

  it('draws from crypto.getRandomValues', () => {
    let calls = 0;
    const draw = cryptoRandomIntFrom({
      getRandomValues(array) {
        calls++;
        return globalThis.crypto.getRandomValues(array as Uint32Array) as never;
      },
    });
    for (let i = 0; i < 100; i++) expect(draw(6)).toBeLessThan(6);
    expect(calls).toBeGreaterThan(0);
    for (let i = 0; i < 1000; i++) {
      const x = cryptoRandomInt(8_093_204);
      expect(Number.isInteger(x) && x >= 0 && x < 8_093_204).toBe(true);
    }
  });
});
