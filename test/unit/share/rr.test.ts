import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, EPSILON, privatise, rrParameters, seededRandomInt } from '@/lib/share';

/**
 * Σ_{n=0}^{N} 1/n! as an exact fraction (num / den, den = N!). Every partial sum of the series
 * of e is strictly below e, so keep/other <= this fraction proves keep/other < e = e^1.
 */
function eLowerBound(N: number): { num: bigint; den: bigint } {
  let den = 1n;
  for (let i = 2n; i <= BigInt(N); i++) den *= i;
  let num = 0n;
  let term = den; // N!/0!
  for (let n = 0n; n <= BigInt(N); n++) {
    num += term;
    term /= n + 1n; // exact: N!/n! is divisible by n + 1 while n < N
  }
  return { num, den };
}

/** Exact integer counts: how many of the `total` equally likely draws give each output. */
function outputCounts(input: number, k: number): number[] {
  const { total } = rrParameters(k, EPSILON);
  const counts = new Array<number>(k).fill(0);
  let u = 0;
  const fixed = (): number => u;
  for (; u < total; u++) counts[privatise(input, EPSILON, fixed, k)]! += 1;
  return counts;
}

describe('randomized response (integer realisation)', () => {
  it('states its parameters for epsilon = 1, k = 5', () => {
    const p = rrParameters(BUCKET_COUNT, EPSILON);
    expect(p).toMatchObject({ keep: 2_850_324, other: 1_048_576, total: 7_044_628 });
    expect(p.p).toBeCloseTo(Math.E / (Math.E + 4), 6);
    expect(p.q).toBeCloseTo(1 / (Math.E + 4), 6);
  });

  it('the lower bound of e is correct', () => {
    const { num, den } = eLowerBound(20);
    expect(Number(num) / Number(den)).toBeCloseTo(Math.E, 15);
    expect(Number(num) / Number(den)).toBeLessThanOrEqual(Math.E);
  });

  it('every output probability ratio between two inputs is <= e^epsilon, from exact counts', () => {
    const k = BUCKET_COUNT;
    const { keep, other, total } = rrParameters(k, EPSILON);
    const matrix = Array.from({ length: k }, (_, input) => outputCounts(input, k));
    // Each row is exactly: `keep` on the diagonal, `other` elsewhere, summing to `total`.
    for (let i = 0; i < k; i++) {
      for (let o = 0; o < k; o++) expect(matrix[i]![o]).toBe(i === o ? keep : other);
      expect(matrix[i]!.reduce((a, c) => a + c, 0)).toBe(total);
    }
    const { num, den } = eLowerBound(20);
    let worst = { a: 0, b: 1 };
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        for (let o = 0; o < k; o++) {
          const a = matrix[i]![o]!;
          const b = matrix[j]![o]!;
          // a / b <= num / den  <=>  a·den <= b·num, in exact integers.
          expect(BigInt(a) * den <= BigInt(b) * num).toBe(true);
          if (a * worst.b > worst.a * b) worst = { a, b };
        }
      }
    }
    expect(worst).toEqual({ a: keep, b: other });
    expect(Math.log(worst.a / worst.b)).toBeLessThanOrEqual(EPSILON);
    expect(EPSILON - Math.log(worst.a / worst.b)).toBeLessThan(1e-6);
  }, 60_000);

  it('the empirical frequencies match p and q', () => {
    const rng = seededRandomInt(7);
    const { p, q } = rrParameters(BUCKET_COUNT, EPSILON);
    const trials = 200_000;
    const seen = new Array<number>(BUCKET_COUNT).fill(0);
    for (let t = 0; t < trials; t++) seen[privatise(2, EPSILON, rng)]! += 1;
    for (let o = 0; o < BUCKET_COUNT; o++) {
      const expected = o === 2 ? p : q;
      const sd = Math.sqrt((expected * (1 - expected)) / trials);
      expect(Math.abs(seen[o]! / trials - expected)).toBeLessThan(5 * sd);
    }
  });

  it('rejects bad buckets and parameters', () => {
    const rng = seededRandomInt(1);
    expect(() => privatise(5, EPSILON, rng)).toThrow(RangeError);
    expect(() => privatise(-1, EPSILON, rng)).toThrow(RangeError);
    expect(() => privatise(1.5, EPSILON, rng)).toThrow(RangeError);
    expect(() => rrParameters(1, 1)).toThrow(RangeError);
    expect(() => rrParameters(6, 0)).toThrow(RangeError);
    expect(() => rrParameters(6, Number.NaN)).toThrow(RangeError);
  });

  it('keeps every draw below 2^32 for the largest allowed parameters', () => {
    expect(rrParameters(64, 8).total).toBeLessThan(2 ** 32);
  });
});
