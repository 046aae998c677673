/**
 * `npm run collector`: starts the collector from environment variables.
 *   PORT (8787)  HOST (127.0.0.1)  COLLECTOR_DB (collector/data/counters.sqlite)
 *   COLLECTOR_K (100)  COLLECTOR_ALLOWED_ORIGINS (comma-separated exact origins)
 *   COLLECTOR_RATE_LIMIT ("30/0.5" = burst/refill per second; "off" disables)
 *   COLLECTOR_TRUST_PROXY ("1" behind a reverse proxy that sets X-Forwarded-For)
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { createCollector, DEFAULT_K, DEFAULT_RATE_LIMIT, jsonLineLogger } from './app';
import type { RateLimitOptions } from './ratelimit';

const RateLimitEnv = z
  .string()
  .regex(/^(off|\d+\/\d+(\.\d+)?)$/, 'COLLECTOR_RATE_LIMIT must be "off" or "burst/perSecond"')
  .transform((s): RateLimitOptions | false => {
    if (s === 'off') return false;
    const [capacity, refill] = s.split('/').map(Number) as [number, number];
    return { capacity, refillPerSecond: refill };
  });

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  COLLECTOR_DB: z.string().min(1).default('collector/data/counters.sqlite'),
  COLLECTOR_K: z.coerce.number().int().min(1).default(DEFAULT_K),
  COLLECTOR_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  COLLECTOR_RATE_LIMIT: RateLimitEnv.optional(),
  COLLECTOR_TRUST_PROXY: z.enum(['0', '1']).default('0'),
});

async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    jsonLineLogger({ level: 'error', msg: 'invalid environment', issues: z.flattenError(parsed.error).fieldErrors });
    process.exit(2);
  }
  const env = parsed.data;
  if (env.COLLECTOR_DB !== ':memory:') mkdirSync(dirname(env.COLLECTOR_DB), { recursive: true });
  const collector = createCollector({
    dbPath: env.COLLECTOR_DB,
    k: env.COLLECTOR_K,
    allowedOrigins: env.COLLECTOR_ALLOWED_ORIGINS,
    rateLimit: env.COLLECTOR_RATE_LIMIT ?? DEFAULT_RATE_LIMIT,
    trustProxy: env.COLLECTOR_TRUST_PROXY === '1',
  });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      jsonLineLogger({ level: 'warn', msg: 'second signal, exiting now', signal });
      process.exit(1);
    }
    stopping = true;
    jsonLineLogger({ level: 'info', msg: 'shutting down', signal });
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        jsonLineLogger({ level: 'error', msg: 'shutdown failed', error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  await collector.listen(env.PORT, env.HOST);
}

main().catch((error: unknown) => {
  jsonLineLogger({ level: 'error', msg: 'failed to start', error: String(error) });
  process.exit(1);
});
