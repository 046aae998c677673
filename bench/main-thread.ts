/**
 * What the extension adds to the page's main thread (issue 8, Performance budgets): the same
 * real pages visited with and without the extension, alternating, one visit at a time.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumPath, launchWithExtension } from '../test/e2e/fixtures';
import { BASE_ARGS } from '../scripts/chromium.mjs';
import { realFixturePath, realManifest } from '../test/helpers/fixtures';
import { bootstrapDiffCi, iqr, median, needsMorePairs } from './stats';
import { attributeLongTasks, type TraceEvent } from './trace';

export interface Visit {
  ext: boolean;
  scriptMs: number;
  taskMs: number;
  loadMs: number;
  longTasks: { start: number; duration: number }[];
  /** Long tasks overlapping a `carbon-lens:*` User Timing measure of the content script. */
  longTasksInOurMeasures: number;
  /** Badges made (drawn) by the end of the visit: tiles within a screen of the viewport. */
  badges: number;
  /** Items with a badge on their tile, made or waiting for the tile to near the viewport. */
  onTiles: number;
  heapUsed?: number;
  heapEmbedder?: number;
}

export interface PageCost {
  file: string;
  items: number;
  badges: number;
  onTiles: number;
  visits: number;
  addedScriptMs: number;
  addedTaskMs: number;
  /** 90% bootstrap interval of addedScriptMs (percentile method, 2,000 resamples, fixed seed). */
  addedScriptCi: [number, number];
  /** Interquartile range of ScriptDuration (ms) over the visits with and without: the noise. */
  scriptIqrWith: number;
  scriptIqrWithout: number;
  longTasksWith: number;
  longTasksWithout: number;
  /** max(median with - median without, long tasks overlapping our measures), per visit. */
  pairedLongTasks: number;
  /** Traced visits with the extension (bench/trace.ts): how many, long tasks in them (median), */
  tracedVisits: number;
  tracedLongTasks: number;
  /** long tasks the extension caused (the most in any traced visit), */
  causedLongTasks: number;
  /** and the main-thread time sampled in the extension's frames (median, ms; profiler running). */
  tracedOursMs: number;
  loadRatio: number;
  heapMb?: number;
  heapEmbedderMb?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


/** The baseline browser: the same Chromium and flags, without the extension. */
async function launchWithout(): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', { executablePath: chromiumPath(), headless: true, args: [...BASE_ARGS] });
}

/**
 * The same pseudo-random sequence on every visit, in the page's main world of both browsers (the
 * content script's isolated world keeps its own Math.random). Pages that draw random numbers at
 * load (Amazon's sampling of its metrics, for one) otherwise take a different path on each visit:
 * amazon-product-1's own script time at load had an IQR of 32 ms over 10 visits without this and
 * 5 ms with it in one run, 20 and 13 ms in another (amazon-search-4: 18 and 4 ms).
 */
const SEEDED_RANDOM = `(() => {
  let s = 0x2545f491;
  Math.random = function random() { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
})();`;

const LONGTASK_OBSERVER = `(() => {
  window.__clLongTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__clLongTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

async function prepare(context: BrowserContext, bodies: Map<string, Buffer>): Promise<void> {
  await context.addInitScript(SEEDED_RANDOM + LONGTASK_OBSERVER);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const body = bodies.get(url);
    if (body) return route.fulfill({ status: 200, body, contentType: 'text/html' });
    if (url.startsWith('chrome-extension://')) return route.continue();
    // A frame's document (ads, widgets) gets an empty 204 rather than an abort: an aborted frame
    // shows Chrome's error page, whose own script runs on the page's main thread (about 10 ms on
    // aliexpress-product-1) at times that vary from visit to visit. Without the extension, 10
    // visits each, IQR of the page's script over load and settling: amazon-search-2 6 ms with
    // the seeded Math.random and the 204s, 15-25 ms with the seeded random (and a fixed Date)
    // alone. Single runs: with aborts and neither, the same page gave 51, 5 and 43 ms in three.
    if (route.request().resourceType() === 'document') return route.fulfill({ status: 204, body: '' });
    return route.abort('blockedbyclient');
  });
}

/** One page at a time loads (a mutex); the 3 s settles of several pages overlap. */
class Mutex {
  private tail = Promise.resolve();
  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    return release;
  }
}

async function visit(context: BrowserContext, url: string, ext: boolean, loading: Mutex, settleMs: number, heap: boolean): Promise<Visit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // threadTicks: thread CPU time, not wall time, so other load on the machine inflates neither side.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const unlock = await loading.lock();
  try {
    // A saved page whose load event never comes (a request the router left hanging) is measured
    // all the same, from its navigation on: its load time is then reported as missing.
    await page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(() => undefined);
    await sleep(250); // the content script runs at document_idle: let it start before the next load
  } finally {
    unlock();
  }
  await sleep(settleMs);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
  const inPage = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const ours = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('carbon-lens:')).map((m) => ({ start: m.startTime, end: m.startTime + m.duration }));
    return {
      loadMs: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd - nav.startTime : NaN,
      longTasks: ((window as unknown as { __clLongTasks?: { start: number; duration: number }[] }).__clLongTasks ?? []),
      ours,
      badges: document.querySelectorAll('carbon-lens-badge').length,
      onTiles: Number(document.querySelector('carbon-lens-panel')?.getAttribute('data-anchored') ?? 0),
    };
  });
  const v: Visit = {
    ext,
    scriptMs: metric('ScriptDuration') * 1000,
    taskMs: metric('TaskDuration') * 1000,
    loadMs: inPage.loadMs,
    longTasks: inPage.longTasks,
    longTasksInOurMeasures: inPage.longTasks.filter((t) => inPage.ours.some((o) => t.start < o.end && t.start + t.duration > o.start)).length,
    badges: inPage.badges,
    onTiles: inPage.onTiles,
  };
  if (heap) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    v.heapUsed = h.usedSize;
    v.heapEmbedder = h.embedderHeapUsedSize;
  }
  await page.close();
  return v;
}

/** Trace categories: the main thread's tasks and V8's sampling profiler (bench/trace.ts). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'].join(',');

/**
 * A visit with the extension under a Chrome trace: which long tasks the extension caused. Kept
 * apart from the paired visits, whose script times the profiler would inflate.
 */
async function tracedVisit(context: BrowserContext, url: string, settleMs: number) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => {
    for (const e of d.value) events.push(e as unknown as TraceEvent);
  });
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(() => undefined);
  await sleep(250 + settleMs);
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return attributeLongTasks(events, (u) => u.startsWith('chrome-extension://'));
}

export interface MainThreadOptions {
  files: string[];
  pairs: number;
  settleMs: number;
  /** Pages whose heap is measured (60-item pages). */
  heapFiles: string[];
  /**
   * Pages with an IQR of ScriptDuration above this (ms, either side), or whose 90% interval of
   * added script time spans their budget, get up to maxPairs pairs.
   */
  noisyIqrMs: number;
  /** The budget of added script time for a page (ms). */
  budgetMsOf: (file: string) => number;
  maxPairs: number;
  /** Visits in flight at once (their loads never overlap; 1: one visit at a time). */
  concurrency: number;
  itemsOf: (file: string) => number;
  /** Traced visits with the extension per page, for long-task attribution. */
  tracedVisits: number;
}

export async function measureMainThread(opts: MainThreadOptions): Promise<PageCost[]> {
  const manifest = realManifest();
  const bodies = new Map<string, Buffer>();
  for (const file of opts.files) {
    const entry = manifest.find((e) => e.file === file)!;
    bodies.set(entry.url, readFileSync(realFixturePath(file)));
  }
  const withExt = await launchWithExtension();
  const without = await launchWithout();
  try {
    if (withExt.serviceWorkers().length === 0) await withExt.waitForEvent('serviceworker');
    await prepare(withExt, bodies);
    await prepare(without, bodies);
    // Warm both browsers (first navigation pays process and cache start-up).
    const warm = manifest.find((e) => e.file === opts.files[0])!.url;
    const loading = new Mutex();
    await visit(withExt, warm, true, loading, 500, false);
    await visit(without, warm, false, loading, 500, false);

    // Alternating visits: pair i visits with/without in alternating order, pages interleaved.
    const pairJobs = (from: number, to: number, files: string[]) => {
      const out: { file: string; url: string; ext: boolean }[] = [];
      for (let i = from; i < to; i++) {
        for (const file of files) {
          const url = manifest.find((e) => e.file === file)!.url;
          const order = (i + opts.files.indexOf(file)) % 2 === 0 ? [true, false] : [false, true];
          for (const ext of order) out.push({ file, url, ext });
        }
      }
      return out;
    };
    const jobs = pairJobs(0, opts.pairs, opts.files);
    const visits = new Map<string, Visit[]>();
    // A page's visits never overlap one another (its with and without visits, in particular):
    // a visit that starts while another of the same page is loading or settling meets a
    // different page state (ebay-product-1, whose load never fires, ran 300 ms more script as the
    // second of an overlapping pair, in both browsers).
    const pending = [...jobs];
    const busy = new Set<string>();
    let done = 0;
    const worker = async () => {
      while (pending.length > 0) {
        const at = pending.findIndex((j) => !busy.has(j.file));
        if (at < 0) {
          await sleep(50);
          continue;
        }
        const job = pending.splice(at, 1)[0]!;
        busy.add(job.file);
        try {
          const v = await visit(job.ext ? withExt : without, job.url, job.ext, loading, opts.settleMs, opts.heapFiles.includes(job.file));
          visits.set(job.file, [...(visits.get(job.file) ?? []), v]);
          if (process.env.CL_DEBUG) process.stdout.write(`  ${job.file} ${job.ext ? 'with' : 'without'} script ${v.scriptMs.toFixed(1)} task ${v.taskMs.toFixed(1)} load ${v.loadMs.toFixed(0)} badges ${v.badges}\n`);
        } catch (e) {
          process.stdout.write(`  visit failed (${job.file}, ${job.ext ? 'with' : 'without'}): ${String(e).split('\n')[0]}\n`);
        } finally {
          busy.delete(job.file);
        }
        if (++done % 20 === 0) process.stdout.write(`  main-thread visits: ${done}/${jobs.length} (${Math.round(performance.now() / 1000)} s)\n`);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    // Pages whose own script time is noisy (interquartile range above `noisyIqrMs` on either
    // side) get more pairs, up to `maxPairs`: the median of 6 visits of a page with an IQR of
    // 30 ms moves by about 10 ms from run to run. So do pages whose 90% interval spans their
    // budget: aliexpress-product-1 (IQR 4 ms) measured 10.6 ms (6.4-14.9) with 6 pairs in one
    // run and 6.6 ms (5.6-7.1) with 16 in the next.
    const noisy = opts.files.filter((file) => {
      const vs = visits.get(file) ?? [];
      return needsMorePairs(vs.filter((v) => v.ext).map((v) => v.scriptMs), vs.filter((v) => !v.ext).map((v) => v.scriptMs), opts.budgetMsOf(file), opts.noisyIqrMs);
    });
    if (noisy.length && opts.maxPairs > opts.pairs) {
      process.stdout.write(`  unsettled pages (noisy, or interval spanning the budget), ${opts.maxPairs} pairs each: ${noisy.join(', ')}\n`);
      const extra = pairJobs(opts.pairs, opts.maxPairs, noisy);
      jobs.push(...extra);
      pending.push(...extra);
      await Promise.all(Array.from({ length: opts.concurrency }, worker));
    }

    const traced = new Map<string, Awaited<ReturnType<typeof tracedVisit>>[]>();
    for (const file of opts.files) {
      const url = manifest.find((e) => e.file === file)!.url;
      for (let i = 0; i < opts.tracedVisits; i++) {
        try {
          traced.set(file, [...(traced.get(file) ?? []), await tracedVisit(withExt, url, opts.settleMs)]);
        } catch (e) {
          process.stdout.write(`  traced visit failed (${file}): ${String(e).split('\n')[0]}\n`);
        }
      }
    }

    return opts.files.map((file) => {
      const ts = traced.get(file) ?? [];
      const vs = visits.get(file) ?? [];
      const w = vs.filter((v) => v.ext);
      const o = vs.filter((v) => !v.ext);
      const lw = median(w.map((v) => v.longTasks.length));
      const lo = median(o.map((v) => v.longTasks.length));
      const cost: PageCost = {
        file,
        items: opts.itemsOf(file),
        badges: Math.max(0, ...w.map((v) => v.badges)),
        onTiles: Math.max(0, ...w.map((v) => v.onTiles)),
        visits: Math.min(w.length, o.length),
        addedScriptMs: median(w.map((v) => v.scriptMs)) - median(o.map((v) => v.scriptMs)),
        addedScriptCi: bootstrapDiffCi(w.map((v) => v.scriptMs), o.map((v) => v.scriptMs)),
        addedTaskMs: median(w.map((v) => v.taskMs)) - median(o.map((v) => v.taskMs)),
        scriptIqrWith: iqr(w.map((v) => v.scriptMs)),
        scriptIqrWithout: iqr(o.map((v) => v.scriptMs)),
        longTasksWith: lw,
        longTasksWithout: lo,
        pairedLongTasks: Math.max(0, lw - lo, median(w.map((v) => v.longTasksInOurMeasures))),
        tracedVisits: ts.length,
        tracedLongTasks: median(ts.map((t) => t.longTasks.length)),
        causedLongTasks: ts.length ? Math.max(...ts.map((t) => t.caused)) : NaN,
        tracedOursMs: median(ts.map((t) => t.oursMs)),
        loadRatio: median(w.map((v) => v.loadMs).filter(Number.isFinite)) / median(o.map((v) => v.loadMs).filter(Number.isFinite)),
      };
      if (opts.heapFiles.includes(file)) {
        cost.heapMb = (median(w.map((v) => v.heapUsed ?? NaN)) - median(o.map((v) => v.heapUsed ?? NaN))) / 1e6;
        cost.heapEmbedderMb = (median(w.map((v) => v.heapEmbedder ?? NaN)) - median(o.map((v) => v.heapEmbedder ?? NaN))) / 1e6;
      }
      return cost;
    });
  } finally {
    await withExt.close();
    await without.close();
  }
}
