/** Small order statistics for the benchmarks (no timing in here: pure, testable). */

/**
 * 90% percentile-bootstrap interval of median(with) - median(without): each side resampled with
 * replacement, 2,000 times, from a fixed seed (the same visits give the same interval).
 */
export function bootstrapDiffCi(withExt: number[], without: number[]): [number, number] {
  if (withExt.length < 2 || without.length < 2) return [NaN, NaN];
  let seed = 0x2545f491;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const resample = (xs: number[]) => median(Array.from(xs, () => xs[Math.floor(rand() * xs.length)]!));
  const diffs = Array.from({ length: 2000 }, () => resample(withExt) - resample(without)).sort((a, b) => a - b);
  return [diffs[Math.floor(0.05 * diffs.length)]!, diffs[Math.ceil(0.95 * diffs.length) - 1]!];
}

/** Interquartile range (linear interpolation between order statistics). */
export function iqr(xs: number[]): number {
  if (xs.length < 2) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
  };
  return q(0.75) - q(0.25);
}

export const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Whether a page's first visits leave its verdict unsettled, so it should get more pairs: either
 * side's script time is noisy (IQR above `noisyIqrMs`), or the 90% interval of the added time
 * spans the page's budget (the median could land on either side of it in another run).
 */
export function needsMorePairs(withExt: number[], without: number[], budgetMs: number, noisyIqrMs: number): boolean {
  if (Math.max(iqr(withExt), iqr(without)) > noisyIqrMs) return true;
  const [lo, hi] = bootstrapDiffCi(withExt, without);
  return lo <= budgetMs && budgetMs <= hi;
}
