/**
 * Opt-in sharing against a real collector started by the test (in-process, SQLite, k = 1):
 * sharing off → no request leaves the browser; opting in posts a report; the aggregate appears in
 * the popup once k is reached; opting out stops reports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, realPage, haveRealFixtures, outbound, focusBadge, drawAll } from './fixtures';
import { createCollector, type Collector } from '../../collector/app';
import type { BrowserContext, Page, Worker } from '@playwright/test';

test.skip(!haveRealFixtures, 'needs ../shared/fixtures/real (present in CI)');

/** The extension APIs used inside evaluate() callbacks (they run in the browser, not here). */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  permissions: { request: unknown };
};

let collector: Collector;
let collectorUrl: string;
let dir: string;
const posts: string[] = [];

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'carbon-lens-e2e-'));
  collector = createCollector({ dbPath: path.join(dir, 'counters.sqlite'), k: 1, rateLimit: false, logger: (e) => void (e.msg === 'report counted' && posts.push(String(e.msg))) });
  collectorUrl = await collector.listen(0, '127.0.0.1');
});
test.afterAll(async () => {
  await collector?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function reportsAtCollector(): Promise<number> {
  const body = (await (await fetch(`${collectorUrl}/v1/aggregates`)).json()) as { weeks: { reports: number }[] };
  return body.weeks.reduce((n, w) => n + w.reports, 0);
}

/** Makes the pending report due and fires the share alarm now (the test's fast-forward). */
async function fireShareAlarm(sw: Worker) {
  await sw.evaluate(async () => {
    const { sharing } = (await chrome.storage.local.get('sharing')) as { sharing?: { pending: { nextAt: number } | null } };
    if (sharing?.pending) {
      sharing.pending.nextAt = 0;
      await chrome.storage.local.set({ sharing });
    }
    await chrome.alarms.create('carbon-lens-share', { when: Date.now() + 50 });
  });
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('sharing')).toBeVisible();
  return options;
}

test('off by default: nothing leaves; opt in → a report reaches the collector and the popup shows the community total; opt out → no more reports', async ({ context, serve, requests, allowOrigin, extensionId, serviceWorker, openPopup }) => {
  test.setTimeout(90_000);
  allowOrigin(collectorUrl);
  await serve([realPage('amazon-search-1.html')]);
  const page = await context.newPage();
  await page.goto(realPage('amazon-search-1.html').url, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('carbon-lens-panel')).toBeAttached({ timeout: 15_000 });
  await drawAll(page);
  await focusBadge(page.locator('carbon-lens-badge').first());
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // skip: a choice in the ledger

  // Sharing is off: even with the alarm fired, no request to the collector or anywhere else.
  const popupOff = await openPopup();
  await expect(popupOff.getByTestId('community')).toContainText('Sharing is off');
  await fireShareAlarm(serviceWorker);
  await page.waitForTimeout(1500);
  expect(requests.filter((r) => r.url.startsWith(collectorUrl))).toEqual([]);
  expect(requests.filter((r) => r.fromExtension)).toEqual([]);
  expect(await reportsAtCollector()).toBe(0);

  // Opt in (the test accepts the permission prompt that headless Chromium cannot show).
  const options = await openOptions(context, extensionId);
  await options.getByText('Advanced: collector address').click();
  await options.getByTestId('share-collector').fill(collectorUrl);
  await options.getByRole('button', { name: 'Save address' }).click();
  await expect(options.getByTestId('share-status')).toHaveText('Saved.');
  await options.evaluate(() => {
    chrome.permissions.request = async () => true;
  });
  await options.getByTestId('share-toggle').check();
  await expect(options.getByTestId('share-status')).toHaveText('Sharing is on.');
  const payload = JSON.parse((await options.getByTestId('share-payload').textContent())!);
  expect(Object.keys(payload).sort()).toEqual(['bucket', 'v', 'week']);
  expect(payload.v).toBe(1);

  await fireShareAlarm(serviceWorker);
  await expect.poll(reportsAtCollector, { timeout: 10_000 }).toBe(1);
  const sent = requests.filter((r) => r.url.startsWith(`${collectorUrl}/v1/reports`) && r.method === 'POST');
  expect(sent).toHaveLength(1);

  // The aggregate is published (k = 1) and shown in the popup.
  const popup = await openPopup();
  await expect(popup.getByTestId('community-total')).toBeVisible({ timeout: 10_000 });
  await expect(popup.getByTestId('community-total')).toContainText(payload.week);

  // Opt out: nothing pending, no more reports even when the alarm fires.
  await options.reload();
  await options.getByTestId('share-toggle').uncheck();
  await expect(options.getByTestId('share-status')).toHaveText('Sharing is off. Nothing will be sent.');
  await expect(options.getByTestId('share-payload')).toHaveCount(0);
  await fireShareAlarm(serviceWorker);
  await page.waitForTimeout(1500);
  expect(await reportsAtCollector()).toBe(1);
  expect(requests.filter((r) => r.url.startsWith(`${collectorUrl}/v1/reports`) && r.method === 'POST')).toHaveLength(1);
  // Everything else the browser asked for was the saved page's own resources, aborted by the router.
  expect(outbound(requests).filter((r) => r.fromExtension && !r.url.startsWith(collectorUrl))).toEqual([]);
});
