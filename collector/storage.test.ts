import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EPSILON, debias, privatise, seededRandomInt } from '../lib/share';
import { CURRENT_WEEK, PREVIOUS_WEEK, json, tempDir, testCollector } from './testing';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

interface Aggregates {
  k: number;
  weeks: { week: string; reports: number; buckets: { bucket: number; estimate: number; low: number; high: number }[]; totalKg: { estimate: number; low: number; high: number } }[];
}

async function post(ctx: ReturnType<typeof testCollector>, week: string, bucket: number, remoteAddress?: string) {
  const res = await ctx.collector.app.inject({ ...json({ v: 1, week, bucket }), ...(remoteAddress ? { remoteAddress } : {}) });
  expect(res.statusCode).toBe(204);
}

async function aggregates(ctx: ReturnType<typeof testCollector>): Promise<Aggregates> {
  const res = await ctx.collector.app.inject({ method: 'GET', url: '/v1/aggregates' });
  expect(res.statusCode).toBe(200);
  return res.json<Aggregates>();
}

describe('aggregates', () => {
  it('hides a week below k reports and publishes it at k, de-biased with 95% intervals', async () => {
    const ctx = testCollector({ dbPath: tmp.dbPath, k: 20 });
    const rng = seededRandomInt(3);
    const answers = Array.from({ length: 20 }, (_, i) => privatise(i % 5, EPSILON, rng));
    for (const a of answers.slice(0, 19)) await post(ctx, PREVIOUS_WEEK, a);
    expect((await aggregates(ctx)).weeks).toEqual([]);
    await post(ctx, PREVIOUS_WEEK, answers[19]!);
    await post(ctx, CURRENT_WEEK, 1); // a second week, still below k
    const body = await aggregates(ctx);
    expect(body.k).toBe(20);
    expect(body.weeks.map((w) => w.week)).toEqual([PREVIOUS_WEEK]);
    const week = body.weeks[0]!;
    expect(week.reports).toBe(20);
    const counts = [0, 0, 0, 0, 0];
    for (const a of answers) counts[a]! += 1;
    const expected = debias(counts, 20, EPSILON);
    expect(week.totalKg.estimate).toBeCloseTo(expected.totalKg.estimate, 1);
    for (const b of week.buckets) expect(b.low).toBeLessThanOrEqual(b.high);
    expect(week.totalKg.low).toBeLessThanOrEqual(week.totalKg.high);
    await ctx.collector.close();
  });

  it('keeps its counters across a restart with the same database file', async () => {
    let ctx = testCollector({ dbPath: tmp.dbPath, k: 5 });
    for (let i = 0; i < 4; i++) await post(ctx, CURRENT_WEEK, i);
    await ctx.collector.close();
    ctx = testCollector({ dbPath: tmp.dbPath, k: 5 });
    expect((await aggregates(ctx)).weeks).toEqual([]);
    await post(ctx, CURRENT_WEEK, 4);
    expect((await aggregates(ctx)).weeks[0]).toMatchObject({ week: CURRENT_WEEK, reports: 5 });
    await ctx.collector.close();
    const db = new Database(tmp.dbPath, { readonly: true });
    expect(db.prepare('SELECT bucket, count FROM week_bucket_counts ORDER BY bucket').all()).toEqual(
      [0, 1, 2, 3, 4].map((bucket) => ({ bucket, count: 1 })),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});

describe('what is stored and logged', () => {
  const addresses = ['127.0.0.1', '203.0.113.77', '2001:db8::42', '198.51.100.23'];

  it('stores only week/bucket counters: no address, no report, constant size', async () => {
    const ctx = testCollector({ dbPath: tmp.dbPath, k: 1, trustProxy: true });
    const base = await ctx.collector.listen(0);
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${base}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77', 'user-agent': 'UA-MARKER' },
        body: JSON.stringify({ v: 1, week: i % 2 ? CURRENT_WEEK : PREVIOUS_WEEK, bucket: i % 5 }),
      });
      expect(res.status).toBe(204);
    }
    await post(ctx, CURRENT_WEEK, 0, '2001:db8::42');
    await post(ctx, CURRENT_WEEK, 0, '198.51.100.23');
    const files = [tmp.dbPath, `${tmp.dbPath}-wal`].filter(existsSync);
    const scan = (): string => files.filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
    const beforeClose = scan();
    await ctx.collector.close();
    for (const content of [beforeClose, scan()]) {
      for (const a of [...addresses, 'UA-MARKER']) expect(content.includes(a), a).toBe(false);
    }
    const db = new Database(tmp.dbPath, { readonly: true });
    const objects = db.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all();
    expect(objects).toEqual([{ type: 'table', name: 'week_bucket_counts' }]);
    const columns = (db.prepare('PRAGMA table_info(week_bucket_counts)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['week', 'bucket', 'count']);
    const rows = db.prepare('SELECT * FROM week_bucket_counts').all();
    expect(rows).toHaveLength(10); // 2 weeks x 5 buckets, however many reports
    expect(JSON.stringify(rows)).not.toMatch(/\d+\.\d+\.\d+\.\d+|::/);
    db.close();
    // The service logs its own bind address once at start; no other entry may hold an address.
    for (const entry of ctx.logs.filter((e) => e.msg !== 'listening')) {
      const line = JSON.stringify(entry);
      for (const a of [...addresses, 'UA-MARKER']) expect(line.includes(a), line).toBe(false);
    }
    expect(ctx.logs.some((e) => e.msg === 'request' && e.status === 204)).toBe(true);
  });

  it('keeps the file the same size as reports grow', async () => {
    const ctx = testCollector({ dbPath: tmp.dbPath });
    for (let i = 0; i < 200; i++) await post(ctx, CURRENT_WEEK, i % 5);
    await ctx.collector.close();
    const size = readFileSync(tmp.dbPath).length;
    const again = testCollector({ dbPath: tmp.dbPath });
    for (let i = 0; i < 2000; i++) await post(again, CURRENT_WEEK, i % 5);
    await again.collector.close();
    expect(readFileSync(tmp.dbPath).length).toBe(size);
  });
});

describe('shutdown', () => {
  it('closes the server and the database, once', async () => {
    const ctx = testCollector({ dbPath: tmp.dbPath });
    const base = await ctx.collector.listen(0);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await Promise.all([ctx.collector.close(), ctx.collector.close()]);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(existsSync(`${tmp.dbPath}-wal`)).toBe(false); // checkpointed on close
  });
});
