/** Chromium timings with the built extension: badge mounting and in-page extraction per page. */
import { realManifest } from '../test/helpers/fixtures';
import { launchWithExtension, realPage } from '../test/e2e/fixtures';

export async function measureBadges(): Promise<string[]> {
  const out: string[] = ['## In Chromium with the built extension', ''];
  const manifest = realManifest();
  if (manifest.length === 0) return [...out, 'Skipped: no real fixtures.', ''];
  const context = await launchWithExtension();
  const served = new Map<string, Buffer>();
  await context.route('**/*', (route) => {
    const body = served.get(route.request().url());
    return body ? route.fulfill({ body, contentType: 'text/html' }) : route.abort('blockedbyclient');
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  out.push('Time from DOMContentLoaded to the first badge (includes the content script waiting for document_idle and the round trip to the background), and the content script\'s own extraction time (User Timing `carbon-lens:extract`, first read). Median of 3 visits.');
  out.push('');
  out.push('| page | badges | first badge after DCL (ms) | extract in page (ms) |');
  out.push('| --- | ---: | ---: | ---: |');
  for (const entry of manifest) {
    const page = realPage(entry.file);
    served.set(page.url, page.body);
    const mounts: number[] = [];
    const extracts: number[] = [];
    let badges = 0;
    for (let i = 0; i < 3; i++) {
      const tab = await context.newPage();
      await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
      const dcl = Date.now();
      try {
        await tab.locator('carbon-lens-badge').first().waitFor({ state: 'attached', timeout: 8000 });
        mounts.push(Date.now() - dcl);
      } catch {
        // no badge on this page: reported as "-"
      }
      badges = await tab.locator('carbon-lens-badge').count();
      const ex = await tab.evaluate(() => performance.getEntriesByName('carbon-lens:extract')[0]?.duration ?? -1);
      if (ex >= 0) extracts.push(ex);
      await tab.close();
    }
    const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1) : '-');
    out.push(`| ${entry.file} | ${badges} | ${med(mounts)} | ${med(extracts)} |`);
  }
  await context.close();
  out.push('');
  return out;
}
