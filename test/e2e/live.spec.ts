/**
 * Live pages: infinite scroll adds exactly one badge per new tile; single-page navigation reads
 * the new page; items are never read twice.
 */
import { test, expect, haveRealFixtures, drawAll } from './fixtures';
import type { Page } from '@playwright/test';

test.skip(!haveRealFixtures, 'needs ../shared/fixtures/real (present in CI)');

const TILE = 'div[data-component-type="s-search-result"][data-asin]';

/** Appends `n` clones of the first tile, each a distinct product (asin, link and title). */
async function appendTiles(page: Page, n: number, tag: string) {
  await page.evaluate(
    ({ n, tag, sel }) => {
      const first = document.querySelector(sel)!;
      const parent = first.parentElement!;
      for (let i = 0; i < n; i++) {
        const clone = first.cloneNode(true) as Element;
        clone.querySelectorAll('carbon-lens-badge').forEach((b) => b.remove());
        const asin = `${tag}${String(i).padStart(4, '0')}`;
        clone.setAttribute('data-asin', asin);
        clone.querySelectorAll('a[href]').forEach((a) => a.setAttribute('href', `/dp/${asin}`));
        const title = clone.querySelector('h2 span');
        if (title) title.textContent = `Scrolled power bank ${tag} ${i}`;
        const h2 = clone.querySelector('h2');
        h2?.setAttribute('aria-label', `Scrolled power bank ${tag} ${i}`);
        parent.append(clone);
      }
    },
    { n, tag, sel: TILE },
  );
}

test('appending 20 tiles adds exactly 20 badges; SPA navigation reads the new page', async ({ openReal }) => {
  const { page, badges } = await openReal('amazon-search-1.html');
  await expect.poll(() => badges.count(), { timeout: 5_000 }).toBeGreaterThan(10);
  await page.waitForTimeout(800); // let the first read settle
  const before = await badges.count();

  await appendTiles(page, 20, 'SCROLL');
  // (A badge is made when its tile nears the viewport: drawAll scrolls through the page.)
  await expect.poll(() => drawAll(page), { timeout: 10_000 }).toBe(before + 20);
  await page.waitForTimeout(1000); // no late duplicates
  expect(await drawAll(page)).toBe(before + 20);
  expect(await page.locator(`${TILE}[data-asin^="SCROLL"] carbon-lens-badge`).count()).toBe(20);

  // Single-page navigation: the site swaps the results and pushes a new URL.
  await page.evaluate((sel) => {
    document.querySelectorAll(sel).forEach((t) => t.remove());
    history.pushState({}, '', '/s?k=portable+charger&page=2');
  }, TILE);
  expect(await page.locator(TILE).count()).toBe(0);
  await page.evaluate((sel) => {
    const list = document.querySelector('.s-main-slot') ?? document.body;
    for (let i = 0; i < 5; i++) {
      const tile = document.createElement('div');
      tile.setAttribute('data-component-type', 's-search-result');
      tile.setAttribute('data-asin', `PAGE2${i}`);
      const h2 = document.createElement('h2');
      const a = document.createElement('a');
      a.href = `/dp/PAGE2${i}`;
      const span = document.createElement('span');
      span.textContent = `Page two power bank 10000mAh ${i}`;
      a.append(span);
      h2.append(a);
      const price = document.createElement('span');
      price.className = 'a-price';
      const off = document.createElement('span');
      off.className = 'a-offscreen';
      off.textContent = `$${20 + i}.99`;
      price.append(off);
      tile.append(h2, price);
      list.append(tile);
    }
    void sel;
  }, TILE);
  await expect.poll(async () => (await drawAll(page), page.locator(`${TILE} carbon-lens-badge`).count()), { timeout: 10_000 }).toBe(5);
  // The page summary now describes the new page: its 5 results (plus items the page keeps
  // outside the result list), no longer the 20 scrolled ones of the old page.
  await expect.poll(async () => Number(await page.locator('carbon-lens-panel').getAttribute('data-items'))).toBeGreaterThanOrEqual(5);
  expect(Number(await page.locator('carbon-lens-panel').getAttribute('data-items'))).toBeLessThan(before + 5);
});
