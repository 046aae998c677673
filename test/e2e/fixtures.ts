/**
 * Playwright fixture: Debian Chromium with the built extension, real saved pages served at their
 * real URLs through request routing, every other request aborted and every request recorded.
 */
import { test as base, expect as baseExpect, chromium, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionArgs, findChromium } from '../../scripts/chromium.mjs';
import { scrollThrough } from '../../scripts/scroll-through.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EXTENSION_DIR = path.resolve(here, '../../.output/chrome-mv3');
export const REAL_FIXTURES = path.resolve(here, '../../../shared/fixtures/real');
export const DEMO_PAGES = path.resolve(here, '../../demo/pages');
export const haveRealFixtures = existsSync(path.join(REAL_FIXTURES, 'manifest.json'));

export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

export interface ManifestEntry {
  file: string;
  site: string;
  kind: 'product' | 'search';
  url: string;
  ground_truth: Record<string, unknown>;
}

export function realManifest(): ManifestEntry[] {
  return haveRealFixtures ? (JSON.parse(readFileSync(path.join(REAL_FIXTURES, 'manifest.json'), 'utf8')) as ManifestEntry[]) : [];
}

export interface RecordedRequest {
  url: string;
  method: string;
  served: boolean;
  /** Made by the extension's service worker or one of its pages. */
  fromExtension: boolean;
}

/** Launches Chromium with the built extension; `lang` sets the browser UI language (en, vi, zh-CN). */
export async function launchWithExtension(lang = 'en-US'): Promise<BrowserContext> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Built extension not found at ${EXTENSION_DIR}: run npm run build first.`);
  }
  return chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    locale: lang,
    // On Linux, Chromium takes its UI language (and so the extension's) from LANGUAGE.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    args: [
      `--lang=${lang}`,
      ...extensionArgs(EXTENSION_DIR),
    ],
  });
}

/** A page served at a URL: body bytes and content type. */
export interface ServedPage {
  url: string;
  body: Buffer;
  contentType: string;
}

export function realPage(file: string): ServedPage {
  const entry = realManifest().find((e) => e.file === file);
  if (!entry) throw new Error(`${file} is not in the fixture manifest`);
  const body = readFileSync(path.join(REAL_FIXTURES, file));
  // tmall-product-1 is GBK: let the page's own <meta charset> decide, as the site's server would.
  return { url: entry.url, body, contentType: 'text/html' };
}

type Fixtures = {
  lang: string;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  requests: RecordedRequest[];
  /** Serve these pages at their URLs; everything else is aborted (and recorded). */
  serve: (pages: ServedPage[]) => Promise<void>;
  /** Let requests to this origin through (a local test server, e.g. the collector). */
  allowOrigin: (origin: string) => void;
  openPopup: () => Promise<Page>;
  /** Serves a real fixture page at its URL, opens it in a new tab and waits for the first badge. */
  openReal: (file: string) => Promise<{ page: Page; badges: Locator }>;
};

export const test = base.extend<Fixtures>({
  lang: ['en-US', { option: true }],
  context: async ({ lang }, use) => {
    const context = await launchWithExtension(lang);
    await use(context);
    await context.close();
  },
  requests: async ({ context }, use) => {
    const log: RecordedRequest[] = [];
    const served = new Map<string, ServedPage>();
    const allowed = new Set<string>();
    (context as unknown as { __allowed: Set<string> }).__allowed = allowed;
    await context.route('**/*', async (route) => {
      const req = route.request();
      const page = served.get(req.url());
      const frameUrl = safeFrameUrl(req);
      log.push({
        url: req.url(),
        method: req.method(),
        served: Boolean(page),
        fromExtension: !req.url().startsWith('chrome-extension://') && (req.serviceWorker() !== null || frameUrl.startsWith('chrome-extension://')),
      });
      if (page) await route.fulfill({ status: 200, body: page.body, contentType: page.contentType });
      else if (req.url().startsWith('chrome-extension://')) await route.continue(); // the extension's own files
      else if (allowed.has(new URL(req.url()).origin)) await route.continue();
      else await route.abort('blockedbyclient');
    });
    (context as unknown as { __served: Map<string, ServedPage> }).__served = served;
    await use(log);
  },
  serve: async ({ context, requests }, use) => {
    void requests; // routing is installed by the requests fixture
    const served = (context as unknown as { __served: Map<string, ServedPage> }).__served;
    await use(async (pages) => {
      for (const p of pages) served.set(p.url, p);
    });
  },
  allowOrigin: async ({ context, requests }, use) => {
    void requests;
    const allowed = (context as unknown as { __allowed: Set<string> }).__allowed;
    await use((origin) => void allowed.add(origin));
  },
  serviceWorker: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openReal: async ({ context, serve }, use) => {
    await use(async (file) => {
      const served = realPage(file);
      await serve([served]);
      const page = await context.newPage();
      await page.goto(served.url, { waitUntil: 'domcontentloaded' });
      // The panel comes with the first read; a search page's badges once their tiles are near.
      await baseExpect(page.locator('carbon-lens-panel'), file).toBeAttached({ timeout: 15_000 });
      await drawAll(page);
      const badges = page.locator('carbon-lens-badge');
      await baseExpect(badges.first(), file).toBeAttached({ timeout: 5_000 });
      return { page, badges };
    });
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
});

export { expect } from '@playwright/test';

/** Stops the extension's service worker (as the browser does when idle); the next message starts a new one. */
export async function stopServiceWorker(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const t of targetInfos.filter((x) => x.type === 'service_worker' && x.url.startsWith('chrome-extension://'))) {
    await cdp.send('Target.closeTarget', { targetId: t.targetId });
  }
  await cdp.detach();
  await page.close();
}

function safeFrameUrl(req: import('@playwright/test').Request): string {
  try {
    return req.frame().url();
  } catch {
    return ''; // service-worker requests have no frame
  }
}

/** Requests that went (or tried to go) anywhere other than the pages we served. */
export function outbound(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => !r.served && !r.url.startsWith('chrome-extension://') && !r.url.startsWith('data:'));
}

/**
 * Scrolls a badge into view and focuses its button, as a shopper reaches it: a search page draws
 * each badge once its tile comes near the viewport (the host is there from the start).
 */
/** Scrolls through the page (scripts/scroll-through.mjs): returns the badges then in the page. */
export async function drawAll(page: Page): Promise<number> {
  await scrollThrough(page);
  return page.locator('carbon-lens-badge').count();
}

export async function focusBadge(badge: Locator): Promise<void> {
  await badge.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await baseExpect.poll(() => badge.evaluate((el) => el.getBoundingClientRect().width), { timeout: 5_000 }).toBeGreaterThan(0);
  await badge.focus();
}
