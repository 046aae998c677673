/**
 * The choice ledger end to end: skip and switch in badges on a real page → popup totals; the
 * service worker stopped between the action and the popup loses nothing; options export →
 * delete → import through the UI; popup and options screenshots in en, vi and zh_CN.
 */
import { readFileSync } from 'node:fs';
import { test, expect, realPage, haveRealFixtures, stopServiceWorker, focusBadge, drawAll } from './fixtures';
import type { Page } from '@playwright/test';

test.skip(!haveRealFixtures, 'needs ../shared/fixtures/real (present in CI)');

const kgOf = async (popup: Page, testId: string) => Number(await popup.getByTestId(testId).getAttribute('data-kg'));

/** Opens the badge at `index` with the keyboard and presses Enter after `tabs` Tab presses. */
async function actInBadge(page: Page, index: number, tabs: number) {
  const badge = page.locator('carbon-lens-badge').nth(index);
  await focusBadge(badge);
  await page.keyboard.press('Enter');
  for (let i = 0; i < tabs; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

async function recordSkipAndSwitch(page: Page) {
  const search = realPage('amazon-search-1.html');
  await page.goto(search.url, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('carbon-lens-panel')).toBeAttached({ timeout: 15_000 });
  await drawAll(page);
  const badges = page.locator('carbon-lens-badge');
  await expect(badges.first()).toBeAttached();
  const counts = await badges.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-suggestions'))));
  const withSuggestion = counts.findIndex((n) => n > 0);
  const without = counts.findIndex((n) => n === 0);
  expect(withSuggestion).toBeGreaterThanOrEqual(0);
  expect(without).toBeGreaterThanOrEqual(0);
  // Panel order: badge, skip, second-hand, "how this is estimated", then per suggestion its link
  // and "choose this instead".
  await actInBadge(page, withSuggestion, 5); // choose the first suggestion instead
  await page.keyboard.press('Escape');
  await actInBadge(page, without, 1); // skip this purchase
  return Number(await badges.nth(without).getAttribute('data-kg'));
}

test('skip and switch → popup totals; a stopped service worker loses nothing', async ({ context, serve, openPopup, serviceWorker }) => {
  void serviceWorker;
  await serve([realPage('amazon-search-1.html')]);
  const page = await context.newPage();
  const skippedKg = await recordSkipAndSwitch(page);

  await stopServiceWorker(context);

  const popup = await openPopup();
  await expect(popup.getByTestId('choice-count')).toHaveAttribute('data-count', '2', { timeout: 10_000 });
  expect(await kgOf(popup, 'kind-skip')).toBeCloseTo(skippedKg, 6);
  expect(await kgOf(popup, 'kind-switch')).toBeGreaterThan(0);
  expect(await kgOf(popup, 'total-kg')).toBeCloseTo((await kgOf(popup, 'kind-skip')) + (await kgOf(popup, 'kind-switch')), 6);
  await expect(popup.getByTestId('total-week')).toHaveAttribute('data-kg', String(await kgOf(popup, 'total-kg')));

  // Undo from the popup removes exactly that choice.
  await popup.getByRole('button', { name: /^Undo:/ }).first().click();
  await expect(popup.getByTestId('choice-count')).toHaveAttribute('data-count', '1');
});

test('options: export, delete everything, import through the UI', async ({ context, serve, openPopup, extensionId }) => {
  await serve([realPage('amazon-search-1.html')]);
  const page = await context.newPage();
  await recordSkipAndSwitch(page);
  const popup = await openPopup();
  await expect(popup.getByTestId('choice-count')).toHaveAttribute('data-count', '2', { timeout: 10_000 });
  const before = await kgOf(popup, 'total-kg');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export (JSON, complete)' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file!, 'utf8'));
  expect(exported.format).toBe('carbon-lens-ledger');
  expect(exported.choices).toHaveLength(2);

  await options.getByRole('button', { name: 'Delete everything' }).click();
  await options.getByRole('button', { name: 'Yes, delete all my data' }).click();
  await expect(options.getByTestId('status')).toHaveText('Everything was deleted.');
  await popup.reload();
  await expect(popup.getByTestId('choice-count')).toHaveAttribute('data-count', '0');

  // A corrupt file changes nothing and says why.
  await options.getByTestId('import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"carbon-lens-ledger","version":1,') });
  await expect(options.getByTestId('status')).toContainText('not valid JSON');

  await options.getByTestId('import').setInputFiles(file!);
  await expect(options.getByTestId('status')).toHaveText('Imported: 2 new choices, 0 already present.');
  await options.getByTestId('import').setInputFiles(file!);
  await expect(options.getByTestId('status')).toHaveText('Imported: 0 new choices, 2 already present.');
  await popup.reload();
  await expect(popup.getByTestId('choice-count')).toHaveAttribute('data-count', '2');
  expect(await kgOf(popup, 'total-kg')).toBeCloseTo(before, 9);
});

for (const lang of ['en-US', 'vi', 'zh-CN']) {
  test.describe(`screenshots (${lang})`, () => {
    test.use({ lang });
    test(`popup and options in ${lang}`, async ({ context, serve, openPopup, extensionId }, testInfo) => {
      await serve([realPage('amazon-search-1.html')]);
      const page = await context.newPage();
      await recordSkipAndSwitch(page);
      const popup = await openPopup();
      await popup.setViewportSize({ width: 380, height: 1100 });
      await expect(popup.getByTestId('choice-count')).toHaveAttribute('data-count', '2', { timeout: 10_000 });
      const expected = { 'en-US': 'Your recorded reductions', vi: 'Mức giảm bạn đã ghi', 'zh-CN': '您记录的减排量' }[lang]!;
      await expect(popup.locator('h1')).toHaveText(expected);
      await popup.screenshot({ path: testInfo.outputPath(`popup-${lang}.png`), fullPage: true });
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(options.locator('h1')).toBeVisible();
      await options.screenshot({ path: testInfo.outputPath(`options-${lang}.png`), fullPage: true });
      await page.screenshot({ path: testInfo.outputPath(`badges-${lang}.png`) });
    });
  });
}

test('service worker killed in the middle of recording: no lost and no doubled choice', async ({ context, openReal, openPopup, serviceWorker, extensionId }) => {
  void serviceWorker;
  const { page, badges } = await openReal('amazon-search-1.html');
  const counts = await badges.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-suggestions'))));
  const index = counts.findIndex((n) => n === 0);
  const kg = Number(await badges.nth(index).getAttribute('data-kg'));
  // Hold the worker in the middle of recording: an extension page keeps a read-write transaction
  // on the choice stores open (a request issued from each request's success), so the worker's
  // recording transaction waits behind it, with the message answered by nobody yet.
  const holder = await context.newPage();
  await holder.goto(`chrome-extension://${extensionId}/options.html`);
  const version = await holder.evaluate(
    () =>
      new Promise<number>((ready, fail) => {
        const open = indexedDB.open('carbon-lens');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['choices', 'dayTotals'], 'readwrite');
          const store = tx.objectStore('choices');
          const w = window as unknown as { release: () => void; held: number; seenWhileHeld: number };
          let stop = false;
          w.release = () => (stop = true);
          w.held = 0;
          const spin = () => {
            const r = store.count();
            r.onsuccess = () => {
              w.seenWhileHeld = r.result;
              w.held++;
              if (!stop) spin();
            };
          };
          spin();
          tx.oncomplete = () => db.close();
          ready(db.version);
        };
      }),
  );
  expect(version).toBeGreaterThanOrEqual(2); // the worker's database, not a new empty one
  // Press "skip": the worker takes the message and waits for the transaction.
  await actInBadge(page, index, 1);
  await page.waitForTimeout(1000);
  // Still held, and nothing recorded yet: the choice is in flight.
  expect(await holder.evaluate(() => (window as unknown as { held: number }).held)).toBeGreaterThan(10);
  expect(await holder.evaluate(() => (window as unknown as { seenWhileHeld: number }).seenWhileHeld)).toBe(0);
  await stopServiceWorker(context);
  await holder.evaluate(() => (window as unknown as { release: () => void }).release());
  // The content script sends an unanswered choice again once: the choice is there, exactly once.
  const popup = await openPopup();
  await expect
    .poll(async () => {
      await popup.reload();
      return popup.getByTestId('choice-count').getAttribute('data-count');
    }, { timeout: 15_000 })
    .toBe('1');
  // Nothing arrives later either (a late answer from the old worker would double it).
  await page.waitForTimeout(2000);
  await popup.reload();
  await expect(popup.getByTestId('choice-count')).toHaveAttribute('data-count', '1');
  expect(await kgOf(popup, 'kind-skip')).toBeCloseTo(kg, 6);
});
