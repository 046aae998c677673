/**
 * The collector: receives privatised weekly reports, keeps per-week bucket counters, and
 * publishes de-biased totals for weeks with at least k reports. Built on Fastify 5 (see
 * README.md for why). `createCollector` is used in-process by tests and by main.ts.
 */
import type { Server } from 'node:http';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { BUCKET_COUNT, REDUCTION_BUCKETS } from '../lib/share/buckets';
import { debias, type Interval } from '../lib/share/debias';
import { ReportSchema } from '../lib/share/report';
import { EPSILON } from '../lib/share/rr';
import { addWeeks, isoWeek } from '../lib/share/week';
import { createRateLimiter, type RateLimitOptions } from './ratelimit';
import { openCounterStore } from './store';

export type LogEntry = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>;
export type Logger = (entry: LogEntry) => void;

/** One JSON object per line on stdout; callers never pass addresses, bodies or user agents. */
export const jsonLineLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

export interface CollectorOptions {
  readonly dbPath: string;
  /** Minimum reports before a week is published (default 100). */
  readonly k?: number;
  readonly now?: () => number;
  readonly logger?: Logger;
  /** Per-address limit on POST /v1/reports; false disables it (benchmarks). */
  readonly rateLimit?: RateLimitOptions | false;
  /** Exact origins allowed besides chrome-extension:// and moz-extension:// ones. */
  readonly allowedOrigins?: readonly string[];
  readonly bodyLimit?: number;
  /** Take the client address from X-Forwarded-For (only behind a trusted reverse proxy). */
  readonly trustProxy?: boolean;
}

export interface Collector {
  readonly app: FastifyInstance;
  readonly server: Server;
  /** Starts listening; resolves to the base URL (port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  close(): Promise<void>;
}

export const DEFAULT_K = 100;
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 30, refillPerSecond: 0.5 };

const EXTENSION_ORIGIN = /^(?:chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;
const ROUTES: Record<string, string> = {
  '/v1/reports': 'POST, OPTIONS',
  '/v1/aggregates': 'GET, HEAD, OPTIONS',
  '/healthz': 'GET, HEAD, OPTIONS',
};

export function createCollector(options: CollectorOptions): Collector {
  const {
    dbPath,
    k = DEFAULT_K,
    now = Date.now,
    logger = jsonLineLogger,
    rateLimit = DEFAULT_RATE_LIMIT,
    allowedOrigins = [],
    bodyLimit = 1024,
    trustProxy = false,
  } = options;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const store = openCounterStore(dbPath, BUCKET_COUNT);
  const limiter = rateLimit === false ? null : createRateLimiter(rateLimit);
  const extraOrigins = new Set(allowedOrigins);
  const originAllowed = (origin: string): boolean =>
    EXTENSION_ORIGIN.test(origin) || extraOrigins.has(origin);

  const app = Fastify({
    logger: false,
    bodyLimit,
    trustProxy,
    requestTimeout: 10_000,
    return503OnClosing: true,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  // Only JSON bodies: text/plain (Fastify's other default parser) gets 415 like any other type.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (!originAllowed(origin)) {
      return reply.code(403).send({ error: 'origin_not_allowed' });
    }
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  });

  app.addHook('onResponse', async (req, reply) => {
    logger({
      level: reply.statusCode >= 500 ? 'error' : 'info',
      msg: 'request',
      method: req.method,
      route: req.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    });
  });

  app.setErrorHandler((error: FastifyError, _req, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: error.code ?? 'bad_request' });
    }
    logger({ level: 'error', msg: 'internal error', error: error.message });
    return reply.code(500).send({ error: 'internal' });
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const allow = ROUTES[path];
    if (allow) return reply.code(405).header('allow', allow).send({ error: 'method_not_allowed' });
    return reply.code(404).send({ error: 'not_found' });
  });

  const preflight = (allow: string) => async (_req: FastifyRequest, reply: FastifyReply) => {
    reply
      .code(204)
      .header('allow', allow)
      .header('access-control-allow-methods', allow)
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '86400');
  };
  for (const [path, allow] of Object.entries(ROUTES)) app.options(path, preflight(allow));

  app.post('/v1/reports', async (req, reply) => {
    if (limiter && !limiter.take(req.ip, now())) {
      return reply
        .code(429)
        .header('retry-after', String(limiter.retryAfterSeconds()))
        .send({ error: 'rate_limited' });
    }
    const parsed = ReportSchema.safeParse(req.body);
    if (!parsed.success) return reply.code(400).send({ error: 'invalid_report' });
    const current = isoWeek(now());
    const { week, bucket } = parsed.data;
    if (week !== current && week !== addWeeks(current, -1)) {
      return reply.code(422).send({ error: 'week_out_of_range' });
    }
    store.increment(week, bucket);
    return reply.code(204).send();
  });

  app.get('/v1/aggregates', async (_req, reply) => {
    const weeks = store
      .weeks()
      .filter((w) => w.n >= k)
      .map((w) => {
        const d = debias(w.counts, w.n, EPSILON);
        return {
          week: w.week,
          reports: w.n,
          buckets: d.buckets.map((b, bucket) => ({ bucket, ...rounded(b) })),
          totalKg: rounded(d.totalKg),
        };
      });
    reply.header('cache-control', 'public, max-age=60');
    return {
      v: 1,
      epsilon: EPSILON,
      k,
      interval: '95%',
      buckets: REDUCTION_BUCKETS.map(({ id, aboveKg, upToKg, representativeKg }) => ({
        id,
        aboveKg,
        upToKg,
        representativeKg,
      })),
      weeks,
    };
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  let closing: Promise<void> | undefined;
  return {
    app,
    server: app.server,
    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      logger({ level: 'info', msg: 'listening', host, port: actualPort, k });
      return `http://${shownHost}:${actualPort}`;
    },
    close() {
      closing ??= (async () => {
        try {
          await app.close();
        } finally {
          store.close();
          logger({ level: 'info', msg: 'closed' });
        }
      })();
      return closing;
    },
  };
}

function rounded(i: Interval): Interval {
  const r = (x: number): number => Math.round(x * 100) / 100;
  return { estimate: r(i.estimate), low: r(i.low), high: r(i.high) };
}
