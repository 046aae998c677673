import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { siteMatchPatterns } from './lib/sites';

/**
 * `npm run demo` builds a variant that also runs on the demo shop's origin (pages we wrote,
 * served by the demo script through request routing); the shipped build never contains it.
 */
export const DEMO_ORIGIN_PATTERN = '*://demo.carbon-lens.example/*';
const demo = process.env.CARBON_LENS_DEMO === '1';
/** https://v8.dev/blog/explicit-compile-hints */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

async function methodologyPage(): Promise<string> {
  const { marked } = await import('marked');
  const md = readFileSync(new URL('./docs/METHODOLOGY.md', import.meta.url), 'utf8');
  const body = await marked.parse(md, { gfm: true });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Carbon Lens methodology</title><style>body{font:16px/1.55 system-ui,sans-serif;max-width:860px;margin:0 auto;padding:24px;color:#1b1b1b;background:#fff}table{border-collapse:collapse;font-size:14px;display:block;overflow-x:auto}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}code{background:#f2f2f2;padding:0 3px}pre{background:#f2f2f2;padding:12px;overflow-x:auto}a{color:#0b57d0}@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#f0f0f0}code,pre{background:#2a2d30}th,td{border-color:#555}a{color:#8ab4f8}}</style></head><body><main>${body}</main></body></html>`;
}

// The manifest's host permissions come from the one site registry (lib/sites/index.ts).
export default defineConfig({
  manifestVersion: 3,
  outDir: demo ? '.output-demo' : '.output',
  hooks: {
    // docs/METHODOLOGY.md ships inside the extension as a static page (rendered at build time:
    // no script, no markdown parser in the extension).
    'build:publicAssets': async (_wxt, files) => {
      files.push({ relativeDest: 'methodology.html', contents: await methodologyPage() });
    },
    // V8's explicit compile hint: compile every function of the page reader when the script is
    // compiled, not each one lazily at its first call (parsed twice then). Nearly all of it runs
    // on every page. A/B of the same reader with and without it (8 pairs, one visit at a time):
    // 1.6-3.4 ms less added main-thread script per page (empty page 6.2 -> 4.6 ms).
    'build:done': (wxt) => {
      const file = resolve(wxt.config.outDir, 'reader.js');
      if (!existsSync(file)) return;
      const code = readFileSync(file, 'utf8');
      if (!code.startsWith(COMPILE_HINT)) writeFileSync(file, `${COMPILE_HINT}\n${code}`);
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      // The page reader (entrypoints/reader) is a plain script that the manifest injects on the
      // registry's marketplaces once the page is idle (see that file for why not a WXT content script).
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: siteMatchPatterns(), js: ['reader.js'], run_at: 'document_idle' },
      ];
      // WXT takes the toolbar title from popup.html's <title>; the manifest's comes from _locales.
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
      if (!demo) return;
      manifest.host_permissions = [...(manifest.host_permissions ?? []), DEMO_ORIGIN_PATTERN];
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), DEMO_ORIGIN_PATTERN];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    permissions: ['storage', 'alarms'],
    // Asked for on a user gesture only (options, "Other shops"), with the one origin picked.
    optional_permissions: ['scripting'],
    host_permissions: siteMatchPatterns(),
    // Asked for on a user gesture only: the collector's origin when the shopper opts in to sharing,
    // and each other shop the shopper turns the reader on for (options, "Other shops").
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'carbon-lens@carbon-lens.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
