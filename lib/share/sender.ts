/**
 * Sending a report, and when. Pure apart from the injected `fetch`: no cookies, no referrer, no
 * cache, no redirects, nothing but the three-field JSON body.
 */
import type { RandomInt } from './random';
import { type Report, ReportSchema } from './report';
import { addWeeks, WEEK_MS, weekStart } from './week';

/** The subset of `fetch` we use, so tests pass a stub without DOM typings. */
export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    credentials: 'omit';
    referrerPolicy: 'no-referrer';
    cache: 'no-store';
    redirect: 'error';
    mode: 'cors';
  },
) => Promise<{ status: number }>;

export type SendResult =
  | { readonly kind: 'sent'; readonly status: number }
  /** Worth trying again later: network failure, timeout, 408, 429 or 5xx. */
  | { readonly kind: 'retry'; readonly status: number | null }
  /** The collector refused the report itself (4xx): retrying the same bytes cannot help. */
  | { readonly kind: 'drop'; readonly status: number };

export function reportsUrl(collectorUrl: string): string {
  const base = collectorUrl.endsWith('/') ? collectorUrl : `${collectorUrl}/`;
  return new URL('v1/reports', base).toString();
}

export async function sendReport(
  report: Report,
  options: { fetch: FetchLike; collectorUrl: string },
): Promise<SendResult> {
  const body = JSON.stringify(ReportSchema.parse(report));
  let status: number;
  try {
    const response = await options.fetch(reportsUrl(options.collectorUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'error',
      mode: 'cors',
    });
    status = response.status;
  } catch {
    return { kind: 'retry', status: null };
  }
  if (status >= 200 && status < 300) return { kind: 'sent', status };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', status };
  return { kind: 'drop', status };
}

/**
 * A uniformly random moment (ms) within `sendWeek`, so the time a report arrives says nothing
 * about when the shopper uses the browser. One integer draw over the week's milliseconds.
 */
export function randomSendTime(sendWeek: string, randomInt: RandomInt): number {
  return weekStart(sendWeek) + randomInt(WEEK_MS);
}

/**
 * The last moment a report for `reportedWeek` is worth sending: the end of the following week,
 * after which the collector no longer accepts it.
 */
export function sendDeadline(reportedWeek: string): number {
  return weekStart(addWeeks(reportedWeek, 2)) - 1;
}

export interface BackoffOptions {
  /** First retry delay scale (default 1 minute). */
  readonly baseMs?: number;
  /** Largest delay (default 6 hours). */
  readonly maxMs?: number;
  /** Give up after this many failed attempts (default 12). */
  readonly maxAttempts?: number;
  /** No attempt after this time (e.g. `sendDeadline(week)`). */
  readonly deadline?: number;
}

/**
 * When to try again after `failedAttempts` failures (1 after the first failure): exponential
 * backoff with "equal jitter": the delay d = min(max, base · 2^(failedAttempts − 1)) becomes
 * d/2 + uniform[0, d/2), so clients that failed together do not retry together.
 * Returns null when it is time to give up (too many attempts, or past the deadline).
 */
export function nextAttemptTime(
  failedAttempts: number,
  now: number,
  randomInt: RandomInt,
  options: BackoffOptions = {},
): number | null {
  const { baseMs = 60_000, maxMs = 6 * 3_600_000, maxAttempts = 12, deadline } = options;
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new RangeError(`failedAttempts must be a positive integer, got ${failedAttempts}`);
  }
  if (failedAttempts >= maxAttempts) return null;
  const exp = Math.min(failedAttempts - 1, 30);
  const delay = Math.min(maxMs, baseMs * 2 ** exp);
  const half = Math.floor(delay / 2);
  const at = now + half + (half > 0 ? randomInt(Math.min(half, 2 ** 32)) : 0);
  if (deadline !== undefined && at > deadline) return null;
  return at;
}
