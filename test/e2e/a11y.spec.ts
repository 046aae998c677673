/**
 * axe-core on the badge, its panel and the page panel (rendered by the harness in open roots,
 * in light and dark colour schemes), and on the popup and options pages of the built extension.
 */
import AxeBuilder from '@axe-core/playwright';
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

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

for (const scheme of ['light', 'dark'] as const) {
  test(`badge, its panel and the page panel: no serious or critical axe violations (${scheme})`, async ({ context, serve }) => {
    const script = await harnessScript();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Carbon Lens widget harness</title></head>
      <body style="${scheme === 'dark' ? 'background:#121212;color:#eee' : 'background:#fff;color:#111'}"><style>a{color:${scheme === 'dark' ? '#8ab4f8' : '#0b57d0'}}</style><main><h1>Harness</h1><div id="tile"><a href="https://www.amazon.com/dp/1">Product tile</a></div></main>
      <script>${script}</script></body></html>`;
    await serve([{ url: HARNESS_URL, body: Buffer.from(html), contentType: 'text/html; charset=utf-8' }]);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(HARNESS_URL);
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

for (const pageName of ['popup', 'options'] as const) {
  test(`${pageName}: no serious or critical axe violations`, async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${pageName}.html`);
    await expect(page.locator('main h1')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(serious(results)).toEqual([]);
  });
}
