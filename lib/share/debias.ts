/**
 * Turning counts of privatised answers back into estimates (shared by the collector and tests).
 *
 * With n reports, true counts n_j and realised probabilities p (keep) and q (each other answer),
 * the expected observed count is E[c_j] = n·q + n_j·(p − q), so the unbiased estimator is
 *   n̂_j = (c_j − n·q) / (p − q).
 * Given the true counts, c_j is a sum of independent Bernoulli draws, hence
 *   Var(n̂_j) = [n·q(1−q) + n_j·(p−q)(1−p−q)] / (p−q)²,
 * estimated by plugging in max(n̂_j, 0). The total reduction is T̂ = Σ r_j·n̂_j with the buckets'
 * representative values r_j; each reporter with true bucket i contributes the variance
 *   v_i = p·r_i² + q·(S − r_i²) − (p·r_i + q·(R − r_i))²,  R = Σ r_j, S = Σ r_j²,
 * so Var(T̂) = Σ_i n_i·v_i / (p − q)², again with n̂_i plugged in. Intervals are ±1.96 standard
 * errors (normal approximation, 95%); lower bounds are clamped at 0 since nothing is negative.
 */
import { REPRESENTATIVE_KG } from './buckets';
import { rrParameters } from './rr';

export const Z95 = 1.959964;

export interface Interval {
  /** Unbiased estimate; may be slightly negative for a rare bucket. */
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface Debiased {
  readonly n: number;
  readonly buckets: readonly Interval[];
  /** Estimated total kg CO2e reduced, from the representative values. */
  readonly totalKg: Interval;
}

export function debias(
  counts: readonly number[],
  n: number,
  epsilon: number,
  representativeKg: readonly number[] = REPRESENTATIVE_KG,
): Debiased {
  const k = counts.length;
  if (representativeKg.length !== k) throw new RangeError('one representative value per bucket');
  const { p, q } = rrParameters(k, epsilon);
  const gap = p - q;
  const estimates = counts.map((c) => (c - n * q) / gap);
  const plugged = estimates.map((e) => Math.max(e, 0));
  const buckets = estimates.map((estimate, j) => {
    const variance = (n * q * (1 - q) + (plugged[j] as number) * gap * (1 - p - q)) / gap ** 2;
    return interval(estimate, Math.sqrt(variance));
  });
  const R = representativeKg.reduce((a, r) => a + r, 0);
  const S = representativeKg.reduce((a, r) => a + r * r, 0);
  let total = 0;
  let variance = 0;
  for (let i = 0; i < k; i++) {
    const r = representativeKg[i] as number;
    total += r * (estimates[i] as number);
    const mean = p * r + q * (R - r);
    const v = p * r * r + q * (S - r * r) - mean * mean;
    variance += (plugged[i] as number) * v;
  }
  return { n, buckets, totalKg: interval(total, Math.sqrt(variance) / gap) };
}

function interval(estimate: number, se: number): Interval {
  return { estimate, low: Math.max(0, estimate - Z95 * se), high: estimate + Z95 * se };
}
