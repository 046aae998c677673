/** Simulated populations of reporting devices, shared by the statistical tests. */
import { BUCKET_COUNT, EPSILON, REPRESENTATIVE_KG, privatise, type RandomInt } from '@/lib/share';

/** A plausible week: most devices record nothing, a few record a large avoided purchase (per mille). */
export const POPULATION_PER_MILLE = [550, 200, 120, 80, 50] as const;

export interface Simulation {
  trueCounts: number[];
  observed: number[];
  trueTotalKg: number;
}

export function simulate(clients: number, rng: RandomInt, perMille: readonly number[] = POPULATION_PER_MILLE): Simulation {
  const trueCounts = new Array<number>(BUCKET_COUNT).fill(0);
  const observed = new Array<number>(BUCKET_COUNT).fill(0);
  for (let c = 0; c < clients; c++) {
    let x = rng(1000);
    let bucket = 0;
    while (x >= perMille[bucket]!) x -= perMille[bucket++]!;
    trueCounts[bucket]! += 1;
    observed[privatise(bucket, EPSILON, rng)]! += 1;
  }
  const trueTotalKg = trueCounts.reduce((a, n, b) => a + n * REPRESENTATIVE_KG[b]!, 0);
  return { trueCounts, observed, trueTotalKg };
}
