/** Chromium timings with the built extension: badge mounting and in-page extraction per page. */
import { realManifest } from '../test/helpers/fixtures';
import { launchWithExtension, realPage } from '../test/e2e/fixtures';
import { median } from './stats';
import { scrollThrough } from '../scripts/scroll-through.mjs';

/** Chromium with the built extension, serving the pages put in `served` and aborting the rest. */
async function launchServing() {
  const context = await launchWithExtension();
  const served = new Map<string, Buffer>();
  await context.route('**/*', (route) => {
    const body = served.get(route.request().url());
    return body ? route.fulfill({ body, contentType: 'text/html' }) : route.abort('blockedbyclient');
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return { context, served };
}

export async function measureBadges(visits = 1): Promise<string[]> {
  const out: string[] = ['## In Chromium with the built extension', ''];
  const manifest = realManifest();
  if (manifest.length === 0) return [...out, 'Skipped: no real fixtures.', ''];
  const { context, served } = await launchServing();
  out.push(`Time from DOMContentLoaded to the page's estimates shown: the page panel (includes the content script waiting for document_idle and the round trip to the background; a search page's badges are made as their tiles near the viewport), and the content script's own extraction time (User Timing \`carbon-lens:extract\`, first read). "on tiles": items with a badge on their tile, made or waiting. Median of ${visits} visit(s); wall-clock, so it includes any other load on the machine.`);
  out.push('');
  out.push('| page | on tiles | panel after DCL (ms) | extract in page (ms) |');
  out.push('| --- | ---: | ---: | ---: |');
  for (const entry of manifest) {
    const page = realPage(entry.file);
    served.set(page.url, page.body);
    const mounts: number[] = [];
    const extracts: number[] = [];
    let badges = 0;
    for (let i = 0; i < visits; i++) {
      const tab = await context.newPage();
      await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
      const dcl = Date.now();
      try {
        await tab.locator('carbon-lens-panel').waitFor({ state: 'attached', timeout: 8000 });
        mounts.push(Date.now() - dcl);
        badges = Number(await tab.locator('carbon-lens-panel').getAttribute('data-anchored'));
      } catch {
        // nothing read on this page: reported as "-"
      }
      const ex = await tab.evaluate(() => performance.getEntriesByName('carbon-lens:extract')[0]?.duration ?? -1);
      if (ex >= 0) extracts.push(ex);
      await tab.close();
    }
    const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1) : '-');
    out.push(`| ${entry.file} | ${badges} | ${med(mounts)} | ${med(extracts)} |`);
  }
  await context.close();
  out.push('');
  return out;
}

export interface MountTiming {
  file: string;
  badges: number;
  extractMs: number;
  replyMs: number;
  badgesMs: number;
  /** All `carbon-lens:draw` measures summed, once the page is scrolled through (every badge drawn). */
  drawAllMs: number;
  /** Badges drawn (with a width) after scrolling through. */
  drawn: number;
}

/** Median User Timing measures of the content script on each page over `runs` warm visits. */
export async function measureMount(files: string[], runs: number): Promise<MountTiming[]> {
  const { context, served } = await launchServing();
  const out: MountTiming[] = [];
  for (const file of files) {
    const page = realPage(file);
    served.set(page.url, page.body);
    const samples: { extract: number; reply: number; badges: number; n: number; draw: number; drawn: number }[] = [];
    for (let i = 0; i <= runs; i++) {
      const tab = await context.newPage();
      await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
      await tab.waitForFunction(() => performance.getEntriesByName('carbon-lens:badges').length > 0, undefined, { timeout: 15_000 });
      // No named helpers inside evaluate(): tsx would wrap them in a __name() the page lacks.
      const m = await tab.evaluate(() => ({
        extract: performance.getEntriesByName('carbon-lens:extract')[0]?.duration ?? NaN,
        reply: performance.getEntriesByName('carbon-lens:reply')[0]?.duration ?? NaN,
        badges: performance.getEntriesByName('carbon-lens:badges')[0]?.duration ?? NaN,
        n: Number(document.querySelector('carbon-lens-panel')?.getAttribute('data-anchored') ?? 0),
      }));
      // Search pages make a badge when its tile nears the viewport: scroll through
      // (scripts/scroll-through.mjs). A tab lost on the way costs this figure only, not the run.
      const scrolled = await scrollThrough(tab).then(() => tab.evaluate(() => {
        const hosts = Array.from(document.querySelectorAll('carbon-lens-badge'));
        return {
          draw: performance.getEntriesByName('carbon-lens:draw').reduce((s, e) => s + e.duration, 0),
          drawn: hosts.filter((h) => h.getBoundingClientRect().width > 0).length,
        };
      })).catch((e: unknown) => {
        process.stdout.write(`  scrolling ${file} failed: ${String(e).split('\n')[0]}\n`);
        return { draw: NaN, drawn: 0 };
      });
      if (i > 0) samples.push({ ...m, ...scrolled }); // visit 0 warms the service worker
      process.stdout.write(`  mount ${file} visit ${i}: drawn ${scrolled.drawn} (${Math.round(performance.now() / 1000)} s)\n`);
      await tab.close().catch(() => undefined);
    }
    out.push({
      file,
      badges: samples.at(-1)?.n ?? 0,
      extractMs: median(samples.map((x) => x.extract)),
      replyMs: median(samples.map((x) => x.reply)),
      badgesMs: median(samples.map((x) => x.badges)),
      drawAllMs: median(samples.map((x) => x.draw)),
      drawn: Math.min(...samples.map((x) => x.drawn)),
    });
  }
  await context.close();
  return out;
}
