/**
 * The weekly report and how it is built on the device.
 *
 * A report built at time `now` describes the last complete ISO week (the one before `now`'s
 * week), so the week's total is final; it is sent at a random moment of the current week
 * (see schedule.ts), which the collector accepts (it takes the current or the previous week).
 */
import { z } from 'zod';
import { BUCKET_COUNT, bucketOf } from './buckets';
import type { RandomInt } from './random';
import { EPSILON, privatise } from './rr';
import { addWeeks, isoWeek, isValidIsoWeek } from './week';

export const REPORT_VERSION = 1;

export const IsoWeekSchema = z.string().max(8).refine(isValidIsoWeek, 'not an ISO week (YYYY-Www)');

const BucketSchema = z.number().int().min(0).max(BUCKET_COUNT - 1);

/** The whole payload, exactly: `{ "v": 1, "week": "2026-W48", "bucket": 3 }`. */
export const ReportSchema = z.strictObject({
  v: z.literal(REPORT_VERSION),
  week: IsoWeekSchema,
  bucket: BucketSchema,
});
export type Report = z.infer<typeof ReportSchema>;

/**
 * What the device remembers between reports (stored locally, never sent).
 * `answers[b]` is the privatised answer once drawn for true bucket b: it is reused every time the
 * week's bucket is b again (memoisation, as in RAPPOR's permanent randomized response), so
 * repeated reports cannot be averaged to remove the noise.
 */
export const ShareStateSchema = z.strictObject({
  v: z.literal(1),
  lastReportedWeek: IsoWeekSchema.nullable(),
  answers: z.array(BucketSchema.nullable()).length(BUCKET_COUNT),
});
export type ShareState = z.infer<typeof ShareStateSchema>;

export const INITIAL_SHARE_STATE: ShareState = Object.freeze({
  v: 1,
  lastReportedWeek: null,
  answers: Object.freeze(Array.from({ length: BUCKET_COUNT }, () => null)) as (number | null)[],
}) as ShareState;

/** The week that a report built at `now` describes: the last complete ISO week. */
export function reportingWeek(now: number): string {
  return addWeeks(isoWeek(now), -1);
}

export interface BuiltReport {
  /** null when this week was already reported (at most one report per week). */
  readonly report: Report | null;
  /** The state to persist (before sending, so a crash cannot cause a second, fresh draw). */
  readonly state: ShareState;
}

export function buildReport(
  state: ShareState,
  weekTotalKg: number,
  now: number,
  rng: RandomInt,
): BuiltReport {
  const week = reportingWeek(now);
  if (state.lastReportedWeek !== null && state.lastReportedWeek >= week) {
    return { report: null, state };
  }
  const trueBucket = bucketOf(weekTotalKg);
  const answers = [...state.answers];
  const answer = answers[trueBucket] ?? privatise(trueBucket, EPSILON, rng, BUCKET_COUNT);
  answers[trueBucket] = answer;
  const report = ReportSchema.parse({ v: REPORT_VERSION, week, bucket: answer });
  return { report, state: { v: 1, lastReportedWeek: week, answers } };
}
