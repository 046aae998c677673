import { describe, expect, it } from 'vitest';
import {
  BUCKET_COUNT,
  EPSILON,
  REPRESENTATIVE_KG,
  Z95,
  cryptoRandomInt,
  debias,
  rrParameters,
  seededRandomInt,
} from '@/lib/share';
import { simulate } from './simulate';

const CLIENTS = 10_000;
const within = (x: number, i: { low: number; high: number }): boolean => x >= i.low && x <= i.high;

describe('debias', () => {
  it('recovers the true counts exactly from their expected observations', () => {
    const { p, q } = rrParameters(BUCKET_COUNT, EPSILON);
    const truth = [5000, 2000, 1200, 800, 500];
    const n = truth.reduce((a, b) => a + b, 0);
    const expected = truth.map((t) => t * p + (n - t) * q);
    const d = debias(expected, n, EPSILON);
    d.buckets.forEach((b, j) => expect(b.estimate).toBeCloseTo(truth[j]!, 6));
    expect(d.totalKg.estimate).toBeCloseTo(truth.reduce((a, t, j) => a + t * REPRESENTATIVE_KG[j]!, 0), 4);
  });

  // A single run is a 95% event by construction (seed 2026, for one, misses); the
  // coverage tests below are the evidence that the intervals are right.
  it('puts the true total of 10,000 simulated clients inside its 95% interval (seeded)', () => {
    const sim = simulate(CLIENTS, seededRandomInt(7));
    const d = debias(sim.observed, CLIENTS, EPSILON);
    expect(within(sim.trueTotalKg, d.totalKg)).toBe(true);
    // The interval is informative: about ±34% of the total at this size (PRIVACY.md).
    expect((d.totalKg.high - d.totalKg.low) / 2 / sim.trueTotalKg).toBeLessThan(0.45);
  });

  it('covers the truth about 95% of the time over 400 seeded populations of 10,000', () => {
    const rng = seededRandomInt(1);
    const trials = 400;
    let totalHits = 0;
    const bucketHits = new Array<number>(BUCKET_COUNT).fill(0);
    for (let t = 0; t < trials; t++) {
      const sim = simulate(CLIENTS, rng);
      const d = debias(sim.observed, CLIENTS, EPSILON);
      if (within(sim.trueTotalKg, d.totalKg)) totalHits++;
      sim.trueCounts.forEach((c, j) => {
        if (within(c, d.buckets[j]!)) bucketHits[j]! += 1;
      });
    }
    // Binomial(400, 0.95) has sd 1.1%: these bounds are > 3 sd either side.
    expect(totalHits / trials).toBeGreaterThan(0.91);
    expect(totalHits / trials).toBeLessThan(0.985);
    for (const hits of bucketHits) {
      expect(hits / trials).toBeGreaterThan(0.91);
      expect(hits / trials).toBeLessThan(0.985);
    }
  }, 60_000);

  it('covers the truth with crypto randomness too (100 populations of 10,000)', () => {
    const trials = 100;
    let hits = 0;
    for (let t = 0; t < trials; t++) {
      const sim = simulate(CLIENTS, cryptoRandomInt);
      const d = debias(sim.observed, CLIENTS, EPSILON);
      if (within(sim.trueTotalKg, d.totalKg)) hits++;
      // No single run is wildly off (|z| < 4.5 has probability 1 − 7·10⁻⁶).
      const se = (d.totalKg.high - d.totalKg.estimate) / Z95;
      expect(Math.abs(d.totalKg.estimate - sim.trueTotalKg) / se).toBeLessThan(4.5);
    }
    // Misses ~ Binomial(100, 0.05): P(more than 15) < 10⁻⁴.
    expect(hits).toBeGreaterThanOrEqual(85);
  }, 60_000);

  it('clamps lower bounds at zero and validates its input', () => {
    const d = debias([10, 10, 10, 10, 10], 50, EPSILON);
    for (const b of d.buckets) expect(b.low).toBeGreaterThanOrEqual(0);
    expect(() => debias([1, 2, 3], 6, EPSILON)).toThrow(RangeError);
  });
});
