import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The real saved pages live outside the project (../shared/fixtures/real); never copied in. */
export const REAL_FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/fixtures/real',
);
export const SHARED_DATA = path.resolve(REAL_FIXTURES, '../../data');

export interface FixtureEntry {
  file: string;
  site: string;
  kind: 'product' | 'search';
  url: string;
  notes?: string;
  ground_truth: Record<string, unknown>;
}

export const haveRealFixtures = existsSync(path.join(REAL_FIXTURES, 'manifest.json'));
if (!haveRealFixtures) {
  // Printed, not silent: a user's clone without ../shared runs everything else.
  console.warn(`[carbon-lens] skipping real-page tests: ${REAL_FIXTURES} not found (it ships with CI's ../shared).`);
}

export function realManifest(): FixtureEntry[] {
  if (!haveRealFixtures) return [];
  return JSON.parse(readFileSync(path.join(REAL_FIXTURES, 'manifest.json'), 'utf8')) as FixtureEntry[];
}

export function realFixturePath(file: string): string {
  return path.join(REAL_FIXTURES, file);
}
