/** Opt-in weekly sharing: pure, browser-safe building blocks (see docs/PRIVACY.md). */
export { REDUCTION_BUCKETS, BUCKET_COUNT, REPRESENTATIVE_KG, bucketOf, type ReductionBucket } from './buckets';
export {
  cryptoRandomInt,
  cryptoRandomIntFrom,
  randomIntFrom,
  seededRandomInt,
  type RandomInt,
  type RandomValuesSource,
} from './random';
export { EPSILON, RR_OTHER_WEIGHT, rrParameters, privatise, type RrParameters } from './rr';
export { DAY_MS, WEEK_MS, isoWeek, parseIsoWeek, isValidIsoWeek, weekStart, addWeeks } from './week';
export {
  REPORT_VERSION,
  IsoWeekSchema,
  ReportSchema,
  ShareStateSchema,
  INITIAL_SHARE_STATE,
  reportingWeek,
  buildReport,
  type Report,
  type ShareState,
  type BuiltReport,
} from './report';
export {
  sendReport,
  reportsUrl,
  randomSendTime,
  sendDeadline,
  nextAttemptTime,
  type FetchLike,
  type SendResult,
  type BackoffOptions,
} from './sender';
export { debias, Z95, type Debiased, type Interval } from './debias';
