/**
 * Every real saved page of ../shared/fixtures/real, served at its real URL: the built extension
 * shows badges with numbers (or, where the items exist only in embedded data, the page panel).
 */
import { test, expect, realManifest, realPage, haveRealFixtures, type ManifestEntry } from './fixtures';

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
  const kgs = await badges.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-kg'))));
  return { items, kgs };
}

for (const kind of ['product', 'search'] as const) {
  test(`badges with numbers on every ${kind} page`, async ({ context, serve }) => {
    test.setTimeout(180_000);
    const entries = realManifest().filter((e) => e.kind === kind);
    expect(entries.length).toBeGreaterThan(5);
    await serve(entries.map((e) => ({ ...realPage(e.file), contentType: CHARSET[e.file] ?? 'text/html' })));
    const page = await context.newPage();
    for (const entry of entries) {
      const { items, kgs } = await visit(page, entry);
      expect.soft(items, `${entry.file}: items read`).toBeGreaterThan(0);
      const dom = Number(entry.ground_truth['dom_tiles'] ?? 1);
      // Pages whose items exist only in embedded data have no tile to anchor a badge on.
      if (dom > 0) expect.soft(kgs.length, `${entry.file}: badges`).toBeGreaterThan(0);
      expect.soft(kgs.every((kg) => kg > 0 && Number.isFinite(kg)), `${entry.file}: positive numbers`).toBe(true);
      if (kind === 'search') expect.soft(kgs.length, `${entry.file}: one badge per tile at most`).toBeLessThanOrEqual(items);
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
    const counts = await page.locator('carbon-lens-badge').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-suggestions'))));
    suggested += counts.filter((n) => n > 0).length;
  }
  expect(suggested).toBeGreaterThan(0);
});

test('a 60-item search page draws the badges near the viewport, and the others once scrolled to', async ({ openReal }) => {
  const { page, badges } = await openReal('amazon-search-4.html');
  await expect(page.locator('carbon-lens-panel')).toHaveAttribute('data-items', '60', { timeout: 15_000 });
  await expect(badges).toHaveCount(60);
  // Every host carries its estimate from the start; only its drawing waits (a drawn badge has a width).
  const kgs = await badges.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-kg'))));
  expect(kgs.every((kg) => kg > 0)).toBe(true);
  // (The saved page has no stylesheet: its first tile is 3,000 px down, the last 17,000 px.)
  const widths = () => badges.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
  await badges.first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(async () => (await widths())[0]).toBeGreaterThan(0);
  const before = await widths();
  const drawn = before.filter((w) => w > 0).length;
  expect(drawn).toBeGreaterThan(1);
  expect(drawn).toBeLessThan(30);
  expect(before[59]).toBe(0);
  // Scrolled to, the last one is drawn.
  await badges.nth(59).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(async () => (await widths())[59]).toBeGreaterThan(0);
});
