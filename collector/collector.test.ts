import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { CURRENT_WEEK, NOW, PREVIOUS_WEEK, json, tempDir, testCollector } from './testing';

let tmp: ReturnType<typeof tempDir>;
let ctx: ReturnType<typeof testCollector>;

beforeEach(() => {
  tmp = tempDir();
  ctx = testCollector({ dbPath: tmp.dbPath });
});
afterEach(async () => {
  await ctx.collector.close();
  tmp.remove();
});

const inject = (opts: InjectOptions) => ctx.collector.app.inject(opts);
const valid = { v: 1, week: CURRENT_WEEK, bucket: 2 };

describe('POST /v1/reports', () => {
  it('accepts a report for the current or the previous week', async () => {
    expect((await inject(json(valid))).statusCode).toBe(204);
    expect((await inject(json({ ...valid, week: PREVIOUS_WEEK }))).statusCode).toBe(204);
    expect((await inject({ ...json(valid), headers: { 'content-type': 'application/json; charset=utf-8' } })).statusCode).toBe(204);
  });

  it.each([
    ['two weeks ago', { ...valid, week: '2026-W46' }],
    ['next week', { ...valid, week: '2026-W49' }],
    ['last year', { ...valid, week: '2025-W48' }],
  ])('answers 422 to a week out of range (%s)', async (_name, body) => {
    expect((await inject(json(body))).statusCode).toBe(422);
  });

  it.each([
    ['empty body', ''],
    ['whitespace', '   '],
    ['truncated JSON', '{"v":1,"week":"2026-W4'],
    ['null', 'null'],
    ['an array', '[1,"2026-W48",2]'],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['wrong version', { ...valid, v: 2 }],
    ['version as string', { ...valid, v: '1' }],
    ['bucket as string', { ...valid, bucket: '2' }],
    ['bucket null', { ...valid, bucket: null }],
    ['fractional bucket', { ...valid, bucket: 1.5 }],
    ['bucket too high', { ...valid, bucket: 5 }],
    ['negative bucket', { ...valid, bucket: -1 }],
    ['huge bucket', '{"v":1,"week":"2026-W48","bucket":1e400}'],
    ['week not a week', { ...valid, week: '2026-48' }],
    ['week 54', { ...valid, week: '2026-W54' }],
    ['week as number', { ...valid, week: 202648 }],
    ['missing field', { v: 1, week: CURRENT_WEEK }],
    ['extra field', { ...valid, id: 'abc' }],
    ['extra nested field', { ...valid, meta: { ip: '1.2.3.4' } }],
    ['prototype pollution', '{"v":1,"week":"2026-W48","bucket":2,"__proto__":{"x":1}}'],
    ['constructor pollution', '{"v":1,"week":"2026-W48","bucket":2,"constructor":{"prototype":{}}}'],
  ])('answers 400 to %s', async (_name, body) => {
    const res = await inject(json(body));
    expect(res.statusCode).toBe(400);
  });

  it('answers 413 to an oversized body and 415 to other content types', async () => {
    const big = JSON.stringify({ ...valid, pad: 'x'.repeat(2000) });
    expect((await inject(json(big))).statusCode).toBe(413);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const res = await inject({ ...json(valid), headers: { 'content-type': type } });
      expect(res.statusCode, type).toBe(415);
    }
  });

  it('answers 405 to wrong methods and 404 to unknown paths', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH'] as const) {
      const res = await inject({ method, url: '/v1/reports' });
      expect(res.statusCode, method).toBe(405);
      expect(res.headers.allow).toContain('POST');
    }
    expect((await inject({ method: 'POST', url: '/v1/aggregates' })).statusCode).toBe(405);
    expect((await inject({ method: 'DELETE', url: '/healthz' })).statusCode).toBe(405);
    expect((await inject({ method: 'GET', url: '/v1/report' })).statusCode).toBe(404);
    expect((await inject({ method: 'POST', url: '/' })).statusCode).toBe(404);
    expect((await inject({ ...json(valid), url: '/v1/reports/' })).statusCode).toBe(404);
  });

  it('never answers 5xx to random requests (property, 300 cases)', async () => {
    const report = fc.record(
      { v: fc.oneof(fc.constant(1), fc.jsonValue()), week: fc.oneof(fc.constantFrom(CURRENT_WEEK, PREVIOUS_WEEK, '2026-W53', '9999-W01'), fc.string()), bucket: fc.oneof(fc.integer({ min: -2, max: 7 }), fc.jsonValue()) },
      { requiredKeys: [] },
    );
    const validReport = fc.record({
      v: fc.constant(1),
      week: fc.constantFrom(CURRENT_WEEK, PREVIOUS_WEEK),
      bucket: fc.integer({ min: 0, max: 4 }),
    });
    const body = fc.oneof(
      { weight: 3, arbitrary: validReport.map((r) => JSON.stringify(r)) },
      report.map((r) => JSON.stringify(r)),
      fc.tuple(report, fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 })).map(([r, extra]) => JSON.stringify({ ...extra, ...r })),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc.string({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 1500 }).map((a) => Buffer.from(a)),
      fc.constant(JSON.stringify(valid)).chain((s) => fc.nat(s.length).map((n) => s.slice(0, n))),
    );
    const property = fc.asyncProperty(
      fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      fc.constantFrom('/v1/reports', '/v1/reports', '/v1/aggregates', '/healthz', '/nope', '/v1/reports?x=1'),
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/octet-stream', '', 'application/JSON', ';;;', 'application/json; boundary'),
      body,
      async (method, url, type, payload) => {
        const headers: Record<string, string> = type ? { 'content-type': type } : {};
        const withBody = method !== 'GET' && method !== 'HEAD';
        const res = await inject({ method: method as 'POST', url, headers, ...(withBody ? { payload } : {}) });
        expect(res.statusCode).toBeLessThan(500);
        expect(res.statusCode).toBeGreaterThanOrEqual(200);
      },
    );
    await fc.assert(property, { numRuns: 300, seed: 4242 });
  }, 60_000);
});

describe('over a real socket', () => {
  it('answers 4xx to malformed HTTP and chunked oversize bodies', async () => {
    const base = await ctx.collector.listen(0);
    const chunked = await fetch(`${base}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(500)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const { connect } = await import('node:net');
    const port = Number(new URL(base).port);
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT A REQUEST\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', () => resolve(data));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 4\d\d/);
    const ok = await fetch(`${base}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(valid) });
    expect(ok.status).toBe(204);
  });
});

describe('CORS', () => {
  const chrome = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  const firefox = 'moz-extension://0f6e4a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b';

  it('allows extension origins, with a preflight', async () => {
    for (const origin of [chrome, firefox]) {
      const pre = await inject({ method: 'OPTIONS', url: '/v1/reports', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe(origin);
      expect(pre.headers['access-control-allow-methods']).toContain('POST');
      expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
      const res = await inject({ ...json(valid), headers: { 'content-type': 'application/json', origin } });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
    }
  });

  it('refuses web origins unless allow-listed', async () => {
    const evil = await inject({ ...json(valid), headers: { 'content-type': 'application/json', origin: 'https://evil.example' } });
    expect(evil.statusCode).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect((await inject({ method: 'GET', url: '/v1/aggregates', headers: { origin: 'chrome-extension://short' } })).statusCode).toBe(403);
    await ctx.collector.close();
    ctx = testCollector({ dbPath: tmp.dbPath, allowedOrigins: ['https://carbonlens.example'] });
    const ok = await inject({ method: 'GET', url: '/v1/aggregates', headers: { origin: 'https://carbonlens.example' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://carbonlens.example');
  });
});

describe('rate limit', () => {
  it('answers 429 once an address has used its burst, per address, in memory', async () => {
    await ctx.collector.close();
    let now = NOW;
    ctx = testCollector({ dbPath: tmp.dbPath, rateLimit: { capacity: 3, refillPerSecond: 0.5 }, now: () => now });
    const from = (remoteAddress: string) => inject({ ...json(valid), remoteAddress });
    for (let i = 0; i < 3; i++) expect((await from('198.51.100.7')).statusCode).toBe(204);
    const limited = await from('198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect((await from('198.51.100.8')).statusCode).toBe(204);
    now += 2_000;
    expect((await from('198.51.100.7')).statusCode).toBe(204);
  });
});

describe('GET /healthz', () => {
  it('is ok', async () => {
    const res = await inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
