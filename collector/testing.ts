/** Helpers for the collector's tests (not loaded by the service). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollector, type CollectorOptions, type LogEntry } from './app';

/** Thursday 26 November 2026, 12:00 UTC: the current ISO week is 2026-W48. */
export const NOW = Date.UTC(2026, 10, 26, 12);
export const CURRENT_WEEK = '2026-W48';
export const PREVIOUS_WEEK = '2026-W47';

export function tempDir(): { dir: string; dbPath: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'collector-test-'));
  return { dir, dbPath: join(dir, 'counters.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testCollector(options: Partial<CollectorOptions> & { dbPath: string }) {
  const logs: LogEntry[] = [];
  const collector = createCollector({
    k: 100,
    now: () => NOW,
    logger: (entry) => logs.push(entry),
    rateLimit: false,
    ...options,
  });
  return { collector, logs };
}

export const json = (body: unknown) => ({
  method: 'POST' as const,
  url: '/v1/reports',
  headers: { 'content-type': 'application/json' },
  payload: typeof body === 'string' ? body : JSON.stringify(body),
});
