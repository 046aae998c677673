/**
 * Other shops (options): the generic reader on a site outside the registry is asked for on a click,
 * one https origin at a time, and the background turns it on only if the browser really granted
 * it. Headless Chromium cannot show the permission prompt, so the test answers it both ways; the
 * registration itself is covered by test/unit/extra-sites.test.ts and test/unit/router.test.ts.
 */
import { test, expect } from './fixtures';

/** The extension APIs used inside evaluate() callbacks (they run in the browser, not here). */
declare const chrome: {
  permissions: { request: unknown; getAll(): Promise<{ permissions?: string[]; origins?: string[] }> };
};

test('other shops: input checked, permission asked for one origin, nothing on without the grant', async ({ context, extensionId, requests }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByTestId('other-shops');
  await expect(section).toBeVisible();
  const add = async (text: string) => {
    await options.getByTestId('shop-input').fill(text);
    await section.getByRole('button', { name: 'Turn on for this shop' }).click();
  };

  // What the page asks the browser for, recorded; the prompt is refused first.
  await options.evaluate(() => {
    const w = window as unknown as { asked: unknown[] };
    w.asked = [];
    chrome.permissions.request = async (p: unknown) => (w.asked.push(p), false);
  });
  await add('www.amazon.com');
  await expect(options.getByText('That marketplace is already on (see the list above).')).toBeVisible();
  await add('http://shop.example');
  await expect(options.getByText('Only https shops can be added.')).toBeVisible();
  await add('<img src=x onerror=alert(1)>');
  await expect(options.getByText('That is not a shop address: type one like shop.example.com.')).toBeVisible();
  await add('https://Shop.Example/products/42?ref=x');
  await expect(options.getByText('The browser did not allow shop.example, so nothing changed.')).toBeVisible();
  expect(await options.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([{ permissions: ['scripting'], origins: ['https://shop.example/*'] }]);

  // The page says yes but the browser never granted it: the background checks and refuses.
  await options.evaluate(() => {
    chrome.permissions.request = async () => true;
  });
  await add('shop.example');
  await expect(options.getByText('The browser has not allowed shop.example.')).toBeVisible();
  await expect(options.getByTestId('shop-list')).toHaveCount(0);
  const held = await options.evaluate(() => chrome.permissions.getAll());
  expect(held.permissions ?? []).not.toContain('scripting');
  expect(held.origins ?? []).not.toContain('https://shop.example/*');
  expect(requests.filter((r) => r.fromExtension)).toEqual([]);
});
