#!/usr/bin/env node
// `npm run demo`: builds the extension (demo variant) and opens Chromium with it on the demo shop
// pages in demo/pages (written for the demo, nothing copied from real sites), served at
// https://demo.carbon-lens.example/ through request routing; every other request is aborted.
// With a display it stays open; without one (or with --headless) it runs headless, writes
// screenshots to demo-output/ and prints what each badge shows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { extensionArgs, findChromium } from './chromium.mjs';
import { scrollThrough } from './scroll-through.mjs';

const ORIGIN = 'https://demo.carbon-lens.example';
const PAGES = { '/product': 'demo/pages/product.html', '/search': 'demo/pages/search.html' };
const EXT = path.resolve('.output-demo/chrome-mv3');
const OUT = path.resolve('demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, CARBON_LENS_DEMO: '1' } });
if (build.status !== 0) process.exit(build.status ?? 1);

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found. On Debian: sudo apt-get install chromium (or set CHROMIUM_PATH).');
  process.exit(1);
}

const context = await chromium.launchPersistentContext('', {
  executablePath,
  headless,
  viewport: { width: 1280, height: 800 },
  args: extensionArgs(EXT),
});
await context.route('**/*', (route) => {
  if (route.request().url().startsWith('chrome-extension://')) return route.continue(); // the extension's own pages
  const url = new URL(route.request().url());
  const file = url.origin === ORIGIN ? PAGES[url.pathname] : undefined;
  return file ? route.fulfill({ body: readFileSync(file), contentType: 'text/html; charset=utf-8' }) : route.abort('blockedbyclient');
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
mkdirSync(OUT, { recursive: true });

let failures = 0;
async function show(pathname, shot) {
  const page = await context.newPage();
  await page.goto(ORIGIN + pathname);
  const badges = page.locator('carbon-lens-badge');
  try {
    await badges.first().waitFor({ state: 'attached', timeout: 15_000 });
  } catch {
    console.error(`✗ ${pathname}: no badge appeared`);
    failures++;
    return page;
  }
  // A search page makes each badge as its tile nears the viewport: scroll through it once.
  await scrollThrough(page);
  await page.waitForTimeout(500);
  const shown = await badges.evaluateAll((els) =>
    els.map((el) => ({
      title: (el.closest('[itemscope]')?.querySelector('[itemprop=name]') ?? el.previousElementSibling)?.textContent?.trim().replace(/\s+/g, ' ').slice(0, 60) ?? '',
      kg: Number(el.getAttribute('data-kg')),
      low: Number(el.getAttribute('data-low')),
      high: Number(el.getAttribute('data-high')),
      tier: el.getAttribute('data-tier'),
    })),
  );
  console.log(`\n${ORIGIN}${pathname}: ${shown.length} badge(s)`);
  for (const b of shown) {
    const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toPrecision(2));
    console.log(`  ≈ ${fmt(b.kg)} kg CO₂e (${fmt(b.low)}–${fmt(b.high)}) ${b.tier}  ${b.title}`);
  }
  if (headless) {
    await page.screenshot({ path: path.join(OUT, shot), fullPage: true });
    console.log(`  screenshot: demo-output/${shot}`);
  }
  return page;
}

const product = await show('/product', 'product.png');
await show('/search', 'search.png');

// Record a "skip this purchase" on the product with real keyboard input, then show the popup.
await product.bringToFront();
const badge = product.locator('carbon-lens-badge').first();
if (await badge.count()) {
  await badge.focus(); // the badge's root delegates focus to its button
  await product.keyboard.press('Enter'); // opens "why this number"
  if (headless) await product.screenshot({ path: path.join(OUT, 'product-panel.png') });
  await product.keyboard.press('Tab'); // "Skip this purchase"
  await product.keyboard.press('Enter');
  await product.waitForTimeout(500);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 420 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('total-kg').waitFor();
  console.log(`\nPopup: ${(await popup.locator('main').innerText()).replace(/\n+/g, ' | ')}`);
  if (headless) await popup.screenshot({ path: path.join(OUT, 'popup.png') });
}

if (headless) {
  await context.close();
  console.log(failures ? `\n${failures} page(s) showed no badge` : '\nDemo done: screenshots in demo-output/');
  process.exit(failures ? 1 : 0);
} else {
  console.log('\nChromium stays open with the demo; close the window to end.');
  await new Promise((resolve) => context.on('close', resolve));
}
