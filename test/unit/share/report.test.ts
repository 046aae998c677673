import { describe, expect, it } from 'vitest';
import {
  INITIAL_SHARE_STATE,
  ReportSchema,
  ShareStateSchema,
  buildReport,
  reportingWeek,
  seededRandomInt,
  type RandomInt,
} from '@/lib/share';

const NOW = Date.UTC(2026, 10, 26, 15); // Thursday of 2026-W48
const WEEK = 7 * 86_400_000;

/** A RandomInt that counts its calls. */
function counting(seed = 3): RandomInt & { calls: number } {
  const inner = seededRandomInt(seed);
  const f = Object.assign((n: number) => {
    f.calls++;
    return inner(n);
  }, { calls: 0 });
  return f;
}

describe('report schema', () => {
  it('accepts exactly { v, week, bucket }', () => {
    expect(ReportSchema.parse({ v: 1, week: '2026-W47', bucket: 3 })).toEqual({ v: 1, week: '2026-W47', bucket: 3 });
  });

  it.each([
    [{ v: 1, week: '2026-W47', bucket: 3, id: 'x' }],
    [{ v: 2, week: '2026-W47', bucket: 3 }],
    [{ v: 1, week: '2026-W54', bucket: 3 }],
    [{ v: 1, week: '2026-W47', bucket: 5 }],
    [{ v: 1, week: '2026-W47', bucket: -1 }],
    [{ v: 1, week: '2026-W47', bucket: 1.5 }],
    [{ v: 1, week: '2026-W47', bucket: '3' }],
    [{ v: 1, week: '2026-W47' }],
    [null],
    [[1, '2026-W47', 3]],
  ])('rejects %j', (value) => {
    expect(ReportSchema.safeParse(value).success).toBe(false);
  });
});

describe('buildReport', () => {
  it('reports the last complete week, once', () => {
    const rng = counting();
    const first = buildReport(INITIAL_SHARE_STATE, 12, NOW, rng);
    expect(reportingWeek(NOW)).toBe('2026-W47');
    expect(first.report).toMatchObject({ v: 1, week: '2026-W47' });
    expect(ShareStateSchema.parse(first.state).lastReportedWeek).toBe('2026-W47');
    const again = buildReport(first.state, 12, NOW + 86_400_000, rng);
    expect(again.report).toBeNull();
    expect(again.state).toBe(first.state);
  });

  it('reuses the answer while the bucket does not change, and draws once per new bucket', () => {
    const rng = counting();
    let state = INITIAL_SHARE_STATE;
    const answers: number[] = [];
    for (let w = 0; w < 10; w++) {
      const built = buildReport(state, 12 /* bucket 3 */, NOW + w * WEEK, rng);
      answers.push(built.report!.bucket);
      state = built.state;
    }
    expect(new Set(answers).size).toBe(1);
    expect(rng.calls).toBeGreaterThanOrEqual(1);
    const callsAfterSameBucket = rng.calls;
    // A new bucket draws a fresh answer once; coming back to bucket 3 reuses its old answer.
    const other = buildReport(state, 50, NOW + 10 * WEEK, rng);
    expect(rng.calls).toBeGreaterThan(callsAfterSameBucket);
    const back = buildReport(other.state, 13, NOW + 11 * WEEK, rng);
    expect(back.report!.bucket).toBe(answers[0]);
  });

  it('does not mutate the state it is given', () => {
    const state = ShareStateSchema.parse(JSON.parse(JSON.stringify(INITIAL_SHARE_STATE)));
    const copy = structuredClone(state);
    buildReport(state, 3, NOW, seededRandomInt(1));
    expect(state).toEqual(copy);
  });

  it('answers the true bucket about p of the time over many devices', () => {
    const rng = seededRandomInt(11);
    let same = 0;
    const devices = 20_000;
    for (let d = 0; d < devices; d++) {
      if (buildReport(INITIAL_SHARE_STATE, 3, NOW, rng).report!.bucket === 2) same++;
    }
    expect(same / devices).toBeCloseTo(Math.E / (Math.E + 4), 1);
  });
});
