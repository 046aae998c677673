/** Schemas of the generated tables in lib/carbon/data (written by scripts/build-data.ts). */
import { z } from 'zod';

const pos = z.number().positive().finite();

export const sourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  year: z.number().int(),
  licence: z.string(),
  url: z.string().optional(),
  note: z.string().optional(),
});
export const sourcesFileSchema = z.object({ generatedBy: z.string(), sources: z.array(sourceSchema) });

/** A figure with its provenance. */
const figure = z.object({ value: pos, unit: z.string(), source: z.string(), year: z.number().int() });

export const factorsFileSchema = z.object({
  generatedBy: z.string(),
  /** EPA v1.3.0 by NAICS-6: kg CO2e per 2022 USD (purchaser price), without margins. */
  epa: z.record(z.string().regex(/^\d{6}$/), z.object({ title: z.string(), withoutMargins: pos, withMargins: pos })),
  /** Mass factors: kg CO2e per kg of item, with optional reuse/primary ratio (DESNZ "reused"). */
  materials: z.record(
    z.string(),
    figure.extend({ name: z.string(), p25: pos.optional(), p75: pos.optional(), n: z.number().int().optional(), reuseRatio: pos.optional() }),
  ),
  /** Freight, kg CO2e per tonne-km, well-to-wheel (direct + WTT). */
  freight: z.object({ air: figure, sea: figure, rail: figure, road: figure, van: figure }),
  /** Multiply USD of a year by this to get 2022 USD. */
  cpiToUsd2022: z.record(z.string().regex(/^\d{4}$/), pos),
  /** Units of currency per USD, with the date/year and source used. */
  fx: z.record(z.string().regex(/^[A-Z]{3}$/), z.object({ perUsd: pos, asOf: z.string(), source: z.string() })),
  /** Country centroids by ISO 3166-1 alpha-2: [lat, lon]. */
  centroids: z.record(z.string().regex(/^[A-Z]{2}$/), z.tuple([z.number(), z.number()])),
});

export const categoryStatSchema = z.object({
  /** Groups (distinct products) behind the statistic. */
  n: z.number().int().min(1),
  /** Median footprint per item (kg CO2e) when the category is counted per unit. */
  unitKg: pos.optional(),
  /** log10 quantiles of (footprint / unitKg): 10th and 90th percentile. */
  unitLog10P10: z.number().optional(),
  unitLog10P90: z.number().optional(),
  /** Median of footprint per kg of item. */
  perKg: pos.optional(),
  perKgN: z.number().int().optional(),
  perKgLog10P10: z.number().optional(),
  perKgLog10P90: z.number().optional(),
  /** Median item weight (kg) among groups with a weight. */
  weightKg: pos.optional(),
  /** Fitted exponent of footprint on weight (log-log, clamped to [0, 1]); absent when not fitted. */
  weightSlope: z.number().min(0).max(1).optional(),
  /** Residual log10 quantiles of the weight-scaled fit. */
  slopeLog10P10: z.number().optional(),
  slopeLog10P90: z.number().optional(),
  /** Median use-phase share (Boavizta). */
  useShare: z.number().min(0).max(1).optional(),
});
export const calibrationFileSchema = z.object({
  generatedBy: z.string(),
  licence: z.string(),
  source: z.string(),
  minGroups: z.number().int(),
  categories: z.record(z.string(), categoryStatSchema),
});

export type FactorsFile = z.infer<typeof factorsFileSchema>;
export type SourcesFile = z.infer<typeof sourcesFileSchema>;
export type CalibrationFile = z.infer<typeof calibrationFileSchema>;
export type CategoryStat = z.infer<typeof categoryStatSchema>;
