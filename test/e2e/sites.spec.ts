/**
 * Every real saved page of ../shared/fixtures/real, served at its real URL: the built extension
 * shows badges with numbers (or, where the items exist only in embedded data, the page panel).
 */
import { test, expect, realManifest, realPage, haveRealFixtures, drawAll, type ManifestEntry } from './fixtures';

test.skip(!haveRealFixtures, 'needs ../shared/fixtures/real (present in CI)');

const CHARSET: Record<string, string> = {
  // The file says gbk but is UTF-8 (see lib/sites notes); tmall really is GBK.
  'taobao-product-1.html': 'text/html; charset=utf-8',
  'tmall-product-1.html': 'text/html; charset=gbk',
};

async function visit(page: import('@playwright/test').Page, entry: ManifestEntry) {
  await page.goto(entry.url, { waitUntil: 'domcontentloaded' });
  const badges = page.locator('carbon-lens-badge');
  const panel = page.locator('carbon-lens-panel');
  await expect(panel, entry.file).toBeAttached({ timeout: 15_000 });
  const items = Number(await panel.getAttribute('data-items'));
  const anchored = Number(await panel.getAttribute('data-anchored'));
  if (entry.kind === 'search') await drawAll(page);
  const kgs = await badges.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-kg'))));
  return { items, anchored, kgs };
}

for (const kind of ['product', 'search'] as const) {
  test(`badges with numbers on every ${kind} page`, async ({ context, serve }) => {
    test.setTimeout(180_000);
    const entries = realManifest().filter((e) => e.kind === kind);
    expect(entries.length).toBeGreaterThan(5);
    await serve(entries.map((e) => ({ ...realPage(e.file), contentType: CHARSET[e.file] ?? 'text/html' })));
    const page = await context.newPage();
    for (const entry of entries) {
      const { items, anchored, kgs } = await visit(page, entry);
      expect.soft(items, `${entry.file}: items read`).toBeGreaterThan(0);
      const dom = Number(entry.ground_truth['dom_tiles'] ?? 1);
      // Pages whose items exist only in embedded data have no tile to anchor a badge on.
      if (dom > 0) expect.soft(anchored, `${entry.file}: items with a badge on their tile`).toBeGreaterThan(0);
      // Scrolled through, the badges are made (Shopee's tiles are display: contents, and are
      // watched through their first child with a box).
      if (dom > 0) expect.soft(kgs.length, `${entry.file}: badges drawn`).toBeGreaterThan(0);
      expect.soft(kgs.length, `${entry.file}: every anchored item's badge made once scrolled through`).toBe(anchored);
      expect.soft(kgs.length, `${entry.file}: badges at most the anchored items`).toBeLessThanOrEqual(anchored);
      expect.soft(kgs.every((kg) => kg > 0 && Number.isFinite(kg)), `${entry.file}: positive numbers`).toBe(true);
      if (kind === 'search') expect.soft(anchored, `${entry.file}: one badge per tile at most`).toBeLessThanOrEqual(items);
    }
  });
}

test('the panel opens by keyboard and explains the number', async ({ openReal }) => {
  const { page, badges } = await openReal('amazon-product-1.html');
  const badge = badges.first();
  await badge.focus();
  await page.keyboard.press('Enter');
  // The closed root hides the panel from the page; its size shows it opened.
  await expect.poll(() => badge.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(0);
  const panelHeight = await page.evaluate(() => {
    const el = document.querySelector('carbon-lens-badge')!;
    return document.elementsFromPoint(el.getBoundingClientRect().left + 5, el.getBoundingClientRect().bottom + 20).includes(el);
  });
  expect(panelHeight).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => {
    const el = document.querySelector('carbon-lens-badge')!;
    return document.elementsFromPoint(el.getBoundingClientRect().left + 5, el.getBoundingClientRect().bottom + 20).includes(el);
  })).toBe(false);
});

test('a greener suggestion appears on a search page', async ({ context, serve }) => {
  const entries = realManifest().filter((e) => e.kind === 'search' && e.site === 'amazon');
  await serve(entries.map((e) => realPage(e.file)));
  const page = await context.newPage();
  let suggested = 0;
  for (const entry of entries) {
    await page.goto(entry.url, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('carbon-lens-panel')).toBeAttached({ timeout: 15_000 });
    await drawAll(page);
    const counts = await page.locator('carbon-lens-badge').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-suggestions'))));
    suggested += counts.filter((n) => n > 0).length;
  }
  expect(suggested).toBeGreaterThan(0);
});

test('a 60-item search page makes the badges near the viewport, and the others once scrolled to', async ({ context, serve }) => {
  const served = realPage('amazon-search-4.html');
  await serve([served]);
  const page = await context.newPage();
  await page.goto(served.url, { waitUntil: 'domcontentloaded' });
  const panel = page.locator('carbon-lens-panel');
  await expect(panel).toHaveAttribute('data-items', '60', { timeout: 15_000 });
  await expect(panel).toHaveAttribute('data-anchored', '60');
  // (The saved page has no stylesheet: its first tile is 3,000 px down, the last 17,000 px.)
  // Nothing of ours is in a tile that is not near the viewport: at the top, no badge at all.
  const tiles = page.locator('div[data-component-type="s-search-result"][data-asin]:not([data-asin=""])');
  expect(await tiles.count()).toBeGreaterThanOrEqual(60);
  const badges = page.locator('carbon-lens-badge');
  await page.waitForTimeout(500);
  expect(await badges.count()).toBe(0);
  await tiles.first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(() => tiles.first().locator('carbon-lens-badge').count()).toBe(1);
  await page.waitForTimeout(300);
  const near = await badges.count();
  expect(near).toBeGreaterThan(1);
  expect(near).toBeLessThan(30);
  // Each one made is drawn, with its estimate.
  const made = await badges.evaluateAll((els) => els.map((el) => ({ width: el.getBoundingClientRect().width, kg: Number(el.getAttribute('data-kg')) })));
  expect(made.every((b) => b.width > 0 && b.kg > 0)).toBe(true);
  expect(await tiles.last().locator('carbon-lens-badge').count()).toBe(0);
  // Scrolled to, the last one is made and drawn.
  await tiles.last().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(() => tiles.last().locator('carbon-lens-badge').count()).toBe(1);
  await expect.poll(() => tiles.last().locator('carbon-lens-badge').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(0);
});
