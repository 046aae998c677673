/**
 * The fuzz benchmark (issue 8, Reliability): N mutated real pages (fast-check string and DOM
 * mutations of ../shared/fixtures/real, the generators of the 1,000-case unit test) through every
 * reader, counting throws and broken results. Bounded in time: it stops early (and says so) if the
 * time limit is reached.
 */
import fc from 'fast-check';
import { DOM_MUTATIONS, GARBAGE, STRING_MUTATIONS, WINDOW, samples } from '../test/helpers/fuzzPages';
import { parseHtml } from '../cli/dom';
import { adapterFor, extractPage } from '../lib/sites/index';
import { extractGeneric } from '../lib/sites/generic';

export interface FuzzResult {
  requested: number;
  pages: number;
  throws: number;
  invalid: number;
  seconds: number;
  seed: number;
  stoppedEarly: boolean;
  firstFailures: string[];
}

function check(doc: Document, url: URL): string | null {
  adapterFor(url)?.extract(doc, url); // bare: an adapter must not need extractPage's guard
  extractGeneric(doc, url);
  const page = extractPage(doc, url);
  if (!Array.isArray(page.items)) return 'items is not an array';
  for (const i of page.items) {
    if (typeof i.title !== 'string') return 'title is not a string';
    if (i.price !== null && !Number.isFinite(i.price)) return `price ${String(i.price)}`;
  }
  return null;
}

export function runFuzz(requested: number, limitSeconds: number, seed = 20_350_150): FuzzResult {
  const all = samples();
  const res: FuzzResult = { requested, pages: 0, throws: 0, invalid: 0, seconds: 0, seed, stoppedEarly: false, firstFailures: [] };
  if (all.length === 0) return res;
  const stringCases = Math.round(requested * 0.6);
  const strings = fc.sample(
    fc.tuple(fc.nat(all.length - 1), fc.array(fc.tuple(fc.nat(STRING_MUTATIONS.length - 1), fc.nat(WINDOW), GARBAGE), { minLength: 1, maxLength: 4 })),
    { numRuns: stringCases, seed },
  );
  const doms = fc.sample(
    fc.tuple(fc.nat(all.length - 1), fc.array(fc.tuple(fc.nat(DOM_MUTATIONS.length - 1), fc.nat(100_000), GARBAGE), { minLength: 1, maxLength: 6 })),
    { numRuns: requested - stringCases, seed: seed + 1 },
  );
  const t0 = performance.now();
  const deadline = t0 + limitSeconds * 1000;
  const record = (file: string, what: string) => {
    if (res.firstFailures.length < 10) res.firstFailures.push(`${file}: ${what}`);
  };
  const runOne = (file: string, url: URL, makeDoc: () => Document) => {
    try {
      const bad = check(makeDoc(), url);
      if (bad) (res.invalid++, record(file, bad));
    } catch (e) {
      res.throws++;
      record(file, e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : String(e));
    }
    res.pages++;
  };
  // Interleave the two kinds so an early stop still covers both.
  for (let i = 0; i < Math.max(strings.length, doms.length); i++) {
    if (performance.now() > deadline) {
      res.stoppedEarly = true;
      break;
    }
    const s = strings[i];
    if (s) {
      const [which, muts] = s;
      const sample = all[which]!;
      runOne(sample.file, sample.url, () => {
        let html = sample.html;
        for (const [m, pos, g] of muts) html = STRING_MUTATIONS[m]!(html, pos % (html.length + 1), g);
        return parseHtml(html);
      });
    }
    const d = doms[i];
    if (d) {
      const [which, muts] = d;
      const sample = all[which]!;
      runOne(sample.file, sample.url, () => {
        const doc = parseHtml(sample.html);
        for (const [m, p, g] of muts) DOM_MUTATIONS[m]!(doc, p, g);
        return doc;
      });
    }
  }
  res.seconds = (performance.now() - t0) / 1000;
  return res;
}

/** Runs the fuzz in `workers` child processes (one per core), each on its own seed, and sums. */
export async function runFuzzParallel(requested: number, limitSeconds: number, workers = 2): Promise<FuzzResult> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const self = fileURLToPath(import.meta.url);
  const share = Math.ceil(requested / workers);
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      new Promise<FuzzResult>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', self, String(share), String(limitSeconds), String(20_350_150 + 1000 * w)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as FuzzResult) : reject(new Error(`fuzz worker exited ${code}`))));
      }),
    ),
  );
  return {
    requested,
    pages: parts.reduce((s, p) => s + p.pages, 0),
    throws: parts.reduce((s, p) => s + p.throws, 0),
    invalid: parts.reduce((s, p) => s + p.invalid, 0),
    seconds: Math.max(...parts.map((p) => p.seconds)),
    seed: parts[0]?.seed ?? 0,
    stoppedEarly: parts.some((p) => p.stoppedEarly),
    firstFailures: parts.flatMap((p) => p.firstFailures).slice(0, 10),
  };
}

// As a worker: `node --import tsx bench/fuzz.ts N LIMIT_SECONDS SEED` prints one JSON line.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const [n, limit, seed] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(runFuzz(n!, limit!, seed)));
}
