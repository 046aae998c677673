/**
 * The budgets of issue 8, in one place: the unit tests (test/unit/manifest.test.ts) check the
 * timing-free ones on every `npm test`; `npm run bench` writes all of them into
 * docs/BENCHMARKS.md next to what it measured, and `npm run bench:check` fails when one is exceeded.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip (level 9) size budgets per entry, in KB (1 KB = 1,000 bytes). */
export const BUNDLE_BUDGETS_KB = {
  /** Runs on every marketplace page the shopper opens: the tightest (issue 5: <= 25 KB). */
  content: 25,
  /** Loaded once per service-worker start; holds the factor tables and the taxonomy. */
  background: 200,
  /** Everything popup.html loads (its chunk, shared chunks, CSS). */
  popup: 40,
  /** Everything options.html loads. */
  options: 60,
} as const;

export type BundleName = keyof typeof BUNDLE_BUDGETS_KB;

/** Main-thread and memory budgets (measured by `npm run bench`, bench/browser.ts). */
export const TIMING_BUDGETS = {
  /** Added main-thread script time (median of with - without), per real fixture page, ms. */
  addedScriptMs: 10,
  /** The same on a 60-item search page, ms. */
  addedScriptMs60: 15,
  /** Long tasks (> 50 ms) attributed to the extension, per page. */
  extensionLongTasks: 0,
  /** Content-script heap on a 60-item page, MB. */
  contentHeapMb: 5,
} as const;

/** The fuzz benchmark: pages and allowed throws. */
export const FUZZ_BUDGET = { pages: 10_000, throws: 0 } as const;

export interface BundleSize {
  name: BundleName;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Files an HTML page of the build loads: module scripts, modulepreloads, stylesheets. */
function htmlAssets(dir: string, html: string): string[] {
  const text = readFileSync(path.join(dir, html), 'utf8');
  const refs = [...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  return refs.filter((r) => /\.(m?js|css)$/.test(r) && !/^[a-z]+:/i.test(r)).map((r) => r.replace(/^\//, ''));
}

/** Raw and gzip sizes of the built extension's entries (Chrome MV3 build directory). */
export function bundleSizes(dir: string): BundleSize[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const entries: [BundleName, string[]][] = [
    ['content', (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])])],
    ['background', manifest.background?.service_worker ? [manifest.background.service_worker] : []],
    ['popup', existsSync(path.join(dir, 'popup.html')) ? htmlAssets(dir, 'popup.html') : []],
    ['options', existsSync(path.join(dir, 'options.html')) ? htmlAssets(dir, 'options.html') : []],
  ];
  return entries.map(([name, files]) => {
    const unique = [...new Set(files)];
    return {
      name,
      files: unique,
      rawBytes: unique.reduce((s, f) => s + readFileSync(path.join(dir, f)).length, 0),
      gzipBytes: unique.reduce((s, f) => s + gz(path.join(dir, f)), 0),
    };
  });
}

export const kb = (bytes: number) => bytes / 1000;
