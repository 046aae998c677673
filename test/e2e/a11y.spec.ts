/**
 * axe-core on the badge, its panel and the page panel (rendered by the harness in open roots,
 * in light and dark colour schemes), and on the popup and options pages of the built extension.
 */
import AxeBuilder from '@axe-core/playwright';
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, type ServedPage } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const HARNESS_URL = 'https://harness.carbon-lens.example/';

async function harnessScript(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(here, 'harness/widget.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': path.resolve(here, '../..') },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

function serious(results: Awaited<ReturnType<AxeBuilder['analyze']>>) {
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function openHarness(context: BrowserContext, serve: (pages: ServedPage[]) => Promise<void>, scheme: 'light' | 'dark'): Promise<Page> {
  const script = await harnessScript();
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Carbon Lens widget harness</title></head>
    <body style="${scheme === 'dark' ? 'background:#121212;color:#eee' : 'background:#fff;color:#111'}"><style>a{color:${scheme === 'dark' ? '#8ab4f8' : '#0b57d0'}}</style><main><h1>Harness</h1><div id="tile"><a href="https://www.amazon.com/dp/1">Product tile</a></div></main>
    <script>${script}</script></body></html>`;
  await serve([{ url: HARNESS_URL, body: Buffer.from(html), contentType: 'text/html; charset=utf-8' }]);
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(HARNESS_URL);
  return page;
}

/** The class of the focused element inside a harness host's (open) shadow root. */
const focusedIn = (page: Page, host: string) => page.locator(host).evaluate((h) => h.shadowRoot?.activeElement?.className ?? null);

for (const scheme of ['light', 'dark'] as const) {
  test(`badge, its panel and the page panel: no serious or critical axe violations (${scheme})`, async ({ context, serve }) => {
    const page = await openHarness(context, serve, scheme);
    // Open the badge panel and the page panel with the keyboard.
    await page.locator('#badge-0').getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#panel').getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#badge-0').getByRole('dialog')).toBeVisible();
    await expect(page.locator('#panel').getByRole('region')).toBeVisible();
    // Hostile text from a page stays text.
    await expect(page.locator('#badge-0').getByText('A <b>similar</b> monitor')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('#badge-0').include('#badge-1').include('#panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.passes.length).toBeGreaterThan(5); // axe did look inside the roots
    expect(serious(results)).toEqual([]);
  });
}

test('panels by keyboard: closing returns focus to the badge, the last action survives, page URLs that are not http(s) make no link', async ({ context, serve }) => {
  const page = await openHarness(context, serve, 'light');
  const badge = page.locator('#badge-0');
  await badge.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(badge.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await focusedIn(page, '#badge-0')).toBe('cl-action');
  await page.keyboard.press('Enter'); // skip this purchase
  await expect(badge.getByRole('status')).toContainText('Recorded: 1 kg CO₂e avoided');
  await page.keyboard.press('Escape');
  await expect(badge.getByRole('dialog')).toHaveCount(0);
  expect(await focusedIn(page, '#badge-0')).toBe('cl-badge cl-T4');
  await page.keyboard.press('Enter'); // opened again: the recorded action and its undo are still there
  await expect(badge.getByRole('status')).toContainText('Recorded');
  await badge.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await expect(badge.getByRole('dialog')).toHaveCount(0);
  expect(await focusedIn(page, '#badge-0')).toBe('cl-badge cl-T4');
  // A javascript: URL from the page is text, not a link; the https one is a link.
  await badge.getByRole('button').first().click();
  // Notes in the UI's language, with their values filled in.
  await expect(badge.getByText('Typical weight assumed: 5.5 kg (the page gives none), so the range is wider.')).toBeVisible();
  await expect(badge.getByText('8,123 km by sea from CN.')).toBeVisible();
  await expect(badge.getByText('Hostile link')).toBeVisible();
  await expect(badge.locator('a', { hasText: 'Hostile link' })).toHaveCount(0);
  await expect(badge.locator('a', { hasText: 'A <b>similar</b> monitor' })).toHaveAttribute('href', 'https://www.amazon.com/dp/X');

  const panel = page.locator('#panel');
  await panel.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('region')).toContainText('Item three');
  await expect(panel.locator('a')).toHaveCount(1); // Item one only: Item two has no URL, Item three a javascript: one
  await panel.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('region')).toHaveCount(0);
  expect(await focusedIn(page, '#panel')).toBe('cl-badge');
});

for (const pageName of ['popup', 'options'] as const) {
  test(`${pageName}: no serious or critical axe violations`, async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${pageName}.html`);
    await expect(page.locator('main h1')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(serious(results)).toEqual([]);
  });
}
