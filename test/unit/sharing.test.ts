import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSharing, sendTime, SHARE_ALARM, type SharingStore } from '@/lib/sharing';
import { createSettingsStore } from '@/lib/settings';
import { openLedger, type Ledger } from '@/lib/ledger';
import { isoWeek, seededRandomInt, weekStart, addWeeks } from '@/lib/share';

const NOW = Date.UTC(2026, 10, 26, 12); // Thursday of 2026-W48

function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
  };
}

describe('extension-side sharing', () => {
  let now: number;
  let ledger: Promise<Ledger>;
  let area: ReturnType<typeof memoryArea>;
  let calls: { url: string; init: unknown }[];
  let gets: string[];
  let status: number | 'throw';
  let alarms: Map<string, number>;
  let sharing: ReturnType<typeof createSharing>;

  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    now = NOW;
    ledger = openLedger();
    area = memoryArea();
    calls = [];
    gets = [];
    status = 204;
    alarms = new Map();
    const settings = createSettingsStore(area);
    sharing = createSharing({
      settings,
      ledger: () => ledger,
      storage: area,
      fetch: async (url, init) => {
        calls.push({ url, init });
        if (status === 'throw') throw new TypeError('offline');
        return { status };
      },
      getJson: async (url) => {
        gets.push(url);
        return { weeks: [{ week: '2026-W47', reports: 150, totalKg: { estimate: 900, low: 400, high: 1400 } }] };
      },
      alarms: { create: (name, when) => void alarms.set(name, when), clear: (name) => void alarms.delete(name) },
      randomInt: seededRandomInt(7),
      now: () => now,
      defaultCollectorUrl: 'http://127.0.0.1:8787',
    });
  });

  const store = () => area.data.get('sharing') as SharingStore | undefined;

  it('does nothing, and asks nothing of the network, while off', async () => {
    await sharing.tick();
    expect(calls).toEqual([]);
    expect(await sharing.community()).toBeNull();
    expect(gets).toEqual([]);
    expect(alarms.has(SHARE_ALARM)).toBe(false);
  });

  it('opting in stores the report for last week before sending, then sends it when due', async () => {
    await (await ledger).recordChoice({ kind: 'skip', title: 't', url: null, categoryId: 'c', kg: 3, low: 1, high: 6, methodVersion: 'v' }, Date.UTC(2026, 10, 17));
    const st = await sharing.setEnabled(true);
    expect(st.enabled).toBe(true);
    expect(st.pending?.report.week).toBe('2026-W47');
    expect(st.pending!.sendAfter).toBeGreaterThanOrEqual(now);
    expect(st.pending!.sendAfter).toBeLessThan(weekStart(addWeeks(isoWeek(now), 1)));
    expect(calls).toEqual([]); // not before its time
    expect(alarms.get(SHARE_ALARM)).toBe(st.pending!.sendAfter);
    now = st.pending!.sendAfter;
    await sharing.tick();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('http://127.0.0.1:8787/v1/reports');
    expect(calls[0]!.init).toMatchObject({ method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(JSON.parse((calls[0]!.init as { body: string }).body)).toEqual(st.pending!.report);
    expect(store()!.pending).toBeNull();
    expect(store()!.lastSent?.week).toBe('2026-W47');
    // At most one report per week.
    await sharing.tick();
    expect(calls).toHaveLength(1);
  });

  it('retries a failed send with backoff, then gives up at the deadline', async () => {
    status = 'throw';
    const st = await sharing.setEnabled(true);
    now = st.pending!.sendAfter;
    await sharing.tick();
    expect(calls).toHaveLength(1);
    const retryAt = store()!.pending!.nextAt;
    expect(retryAt).toBeGreaterThan(now);
    expect(store()!.pending!.failures).toBe(1);
    now = Date.UTC(2026, 11, 10); // past the collector's deadline for 2026-W47
    await sharing.tick();
    expect(store()!.pending?.report.week).not.toBe('2026-W47');
  });

  it('a refused report (4xx) is dropped, not retried', async () => {
    status = 422;
    const st = await sharing.setEnabled(true);
    now = st.pending!.sendAfter;
    await sharing.tick();
    expect(store()!.pending).toBeNull();
  });

  it('opting out drops the pending report and the alarm but keeps the noised answers', async () => {
    await sharing.setEnabled(true);
    const answers = store()!.state.answers;
    expect(answers.some((a) => a !== null)).toBe(true);
    const st = await sharing.setEnabled(false);
    expect(st.pending).toBeNull();
    expect(store()!.pending).toBeNull();
    expect(store()!.state.answers).toEqual(answers);
    expect(alarms.has(SHARE_ALARM)).toBe(false);
    now += 14 * 86_400_000;
    await sharing.tick();
    expect(calls).toEqual([]);
  });

  it('reads the community total only when on', async () => {
    await sharing.setEnabled(true);
    expect(await sharing.community()).toEqual({ week: '2026-W47', reports: 150, totalKg: { estimate: 900, low: 400, high: 1400 } });
    expect(gets).toEqual(['http://127.0.0.1:8787/v1/aggregates']);
  });

  it('sends within what is left of the week', () => {
    const rng = seededRandomInt(1);
    for (let i = 0; i < 200; i++) {
      const t = sendTime(NOW, rng);
      expect(t).toBeGreaterThanOrEqual(NOW);
      expect(t).toBeLessThan(weekStart('2026-W49'));
    }
  });
});
