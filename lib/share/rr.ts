/**
 * k-ary randomized response, realised with integers only.
 *
 * The textbook mechanism keeps the true bucket with probability p = e^ε / (e^ε + k − 1) and
 * otherwise answers each of the k − 1 other buckets with probability q = 1 / (e^ε + k − 1), so
 * p / q = e^ε. We realise it with integer counts instead of real probabilities:
 *
 *   other = 2^20                      (weight of each wrong answer)
 *   keep  = floor(e^ε · 2^20) − 1     (weight of the true answer; the −1 absorbs any rounding of
 *                                      Math.exp, so keep / other < e^ε strictly)
 *   total = keep + (k − 1) · other
 *
 * One uniform integer u in [0, total) is drawn (`RandomInt`, rejection-sampled, no modulo bias).
 * u < keep answers the true bucket; otherwise j = (u − keep) div other (exact integer division)
 * picks the j-th of the other buckets in order. Every input therefore sends every output with an
 * exact integer count out of `total`: `keep` for itself, `other` for each other bucket. The worst
 * ratio between two inputs for one output is keep / other < e^ε, which the tests check by
 * enumerating every u and comparing against a rational lower bound of e in BigInt arithmetic.
 * For ε = 1, k = 5: keep = 2 850 324, other = 1 048 576, total = 7 044 628,
 * p = 0.404611…, q = 0.148847…, realised ε' = ln(keep / other) = 1 − 3.8·10⁻⁷.
 */
import { BUCKET_COUNT } from './buckets';
import type { RandomInt } from './random';

/** The privacy budget per weekly report. */
export const EPSILON = 1;

export const RR_OTHER_WEIGHT = 2 ** 20;

export interface RrParameters {
  readonly k: number;
  readonly epsilon: number;
  /** Integer weight of answering the true bucket. */
  readonly keep: number;
  /** Integer weight of answering one particular other bucket. */
  readonly other: number;
  /** keep + (k − 1) · other: the range of the single uniform draw. */
  readonly total: number;
  /** keep / total and other / total, for de-biasing (never used to draw). */
  readonly p: number;
  readonly q: number;
}

let last: RrParameters | undefined;

export function rrParameters(k: number, epsilon: number): RrParameters {
  if (last && last.k === k && last.epsilon === epsilon) return last;
  if (!Number.isInteger(k) || k < 2 || k > 64) throw new RangeError(`k must be in [2, 64], got ${k}`);
  if (!(epsilon > 0 && epsilon <= 8)) throw new RangeError(`epsilon must be in (0, 8], got ${epsilon}`);
  const other = RR_OTHER_WEIGHT;
  const keep = Math.floor(Math.exp(epsilon) * other) - 1;
  const total = keep + (k - 1) * other; // <= (e^8 + 63) · 2^20 < 2^32
  const params = Object.freeze({ k, epsilon, keep, other, total, p: keep / total, q: other / total });
  last = params;
  return params;
}

/**
 * The answer sent instead of `bucket`: the true bucket or, with the stated integer weights, one
 * of the others. `randomInt` must be `cryptoRandomInt` in production.
 */
export function privatise(bucket: number, epsilon: number, randomInt: RandomInt, k = BUCKET_COUNT): number {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= k) {
    throw new RangeError(`bucket must be an integer in [0, ${k}), got ${bucket}`);
  }
  const { keep, other, total } = rrParameters(k, epsilon);
  const u = randomInt(total);
  if (u < keep) return bucket;
  const offset = u - keep;
  const j = (offset - (offset % other)) / other; // exact: the dividend is a multiple of `other`
  return j < bucket ? j : j + 1;
}
