import { describe, expect, it } from 'vitest';
import {
  nextAttemptTime,
  randomSendTime,
  reportsUrl,
  sendDeadline,
  sendReport,
  seededRandomInt,
  weekStart,
  type FetchLike,
} from '@/lib/share';

const report = { v: 1 as const, week: '2026-W47', bucket: 2 };

describe('sendReport', () => {
  it('posts only the JSON payload, without credentials, referrer, cache or redirects', async () => {
    const calls: Parameters<FetchLike>[] = [];
    const fetch: FetchLike = async (...args) => {
      calls.push(args);
      return { status: 204 };
    };
    const result = await sendReport(report, { fetch, collectorUrl: 'https://collector.example/' });
    expect(result).toEqual({ kind: 'sent', status: 204 });
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0]!;
    expect(url).toBe('https://collector.example/v1/reports');
    expect(init).toEqual({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"v":1,"week":"2026-W47","bucket":2}',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'error',
      mode: 'cors',
    });
  });

  it('keeps a path prefix of the collector URL', () => {
    expect(reportsUrl('https://x.example/carbon')).toBe('https://x.example/carbon/v1/reports');
    expect(reportsUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/v1/reports');
  });

  it.each([
    [200, 'sent'], [204, 'sent'], [408, 'retry'], [429, 'retry'], [500, 'retry'], [503, 'retry'],
    [400, 'drop'], [403, 'drop'], [413, 'drop'], [422, 'drop'],
  ])('status %s → %s', async (status, kind) => {
    const result = await sendReport(report, { fetch: async () => ({ status }), collectorUrl: 'https://c.example' });
    expect(result.kind).toBe(kind);
  });

  it('retries after a network error', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await sendReport(report, { fetch, collectorUrl: 'https://c.example' })).toEqual({ kind: 'retry', status: null });
  });

  it('refuses to send something that is not a report', async () => {
    const fetch: FetchLike = async () => ({ status: 204 });
    const bad = { ...report, extra: 'id' } as unknown as typeof report;
    await expect(sendReport(bad, { fetch, collectorUrl: 'https://c.example' })).rejects.toThrow();
  });
});

describe('schedule', () => {
  it('picks a send time uniformly within the week', () => {
    const rng = seededRandomInt(5);
    const start = weekStart('2026-W48');
    const days = new Array<number>(7).fill(0);
    for (let i = 0; i < 7000; i++) {
      const t = randomSendTime('2026-W48', rng);
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(start + 7 * 86_400_000);
      days[Math.floor((t - start) / 86_400_000)]! += 1;
    }
    for (const d of days) expect(d).toBeGreaterThan(800);
  });

  it('ends retries with the week after the reported one', () => {
    expect(sendDeadline('2026-W47')).toBe(weekStart('2026-W49') - 1);
  });

  it('backs off exponentially with jitter, capped, and gives up', () => {
    const rng = seededRandomInt(8);
    const now = 1_000_000;
    for (let attempt = 1; attempt <= 8; attempt++) {
      const d = Math.min(6 * 3_600_000, 60_000 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const at = nextAttemptTime(attempt, now, rng)!;
        expect(at - now).toBeGreaterThanOrEqual(d / 2);
        expect(at - now).toBeLessThan(d);
      }
    }
    expect(nextAttemptTime(20, now, rng, { maxAttempts: 30 })! - now).toBeLessThan(6 * 3_600_000);
    expect(nextAttemptTime(12, now, rng)).toBeNull();
    expect(nextAttemptTime(1, now, rng, { deadline: now + 1000 })).toBeNull();
    expect(() => nextAttemptTime(0, now, rng)).toThrow(RangeError);
  });

  it('spreads clients that failed together', () => {
    const rng = seededRandomInt(2);
    const times = new Set(Array.from({ length: 100 }, () => nextAttemptTime(3, 0, rng)));
    expect(times.size).toBeGreaterThan(95);
  });
});
