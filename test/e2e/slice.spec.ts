import { test, expect, realPage, haveRealFixtures, outbound } from './fixtures';

test.describe('thin slice on the real Amazon product page', () => {
  test.skip(!haveRealFixtures, 'needs ../shared/fixtures/real (present in CI)');

  test('badge with a number; skip → popup total; nothing leaves the machine', async ({ context, serve, requests, openPopup, serviceWorker }) => {
    void serviceWorker;
    const amazon = realPage('amazon-product-1.html');
    await serve([amazon]);
    const page = await context.newPage();
    await page.goto(amazon.url, { waitUntil: 'domcontentloaded' });

    const badge = page.locator('carbon-lens-badge').first();
    await expect(badge).toBeAttached({ timeout: 15_000 });
    const kg = Number(await badge.getAttribute('data-kg'));
    const low = Number(await badge.getAttribute('data-low'));
    const high = Number(await badge.getAttribute('data-high'));
    expect(kg).toBeGreaterThan(0);
    expect(low).toBeLessThanOrEqual(kg);
    expect(high).toBeGreaterThanOrEqual(kg);
    expect(await badge.getAttribute('data-tier')).toMatch(/^T[1-4]$/);
    // Next to the title.
    expect(await badge.evaluate((el) => el.previousElementSibling?.id)).toBe('productTitle');
    // The shadow root is closed: the page cannot reach into it.
    expect(await badge.evaluate((el) => el.shadowRoot)).toBeNull();

    const popupBefore = await openPopup();
    await expect(popupBefore.getByTestId('total-kg')).toHaveAttribute('data-kg', '0');
    await popupBefore.close();

    // Open the panel and skip with real (trusted) input events: keyboard focus + Enter, then a click.
    await badge.focus();
    await page.keyboard.press('Tab'); // the badge button inside the closed root
    await page.keyboard.press('Enter'); // opens the panel
    await page.keyboard.press('Tab'); // "skip this purchase"
    await page.keyboard.press('Enter');

    const popup = await openPopup();
    await expect
      .poll(async () => {
        await popup.reload();
        return Number(await popup.getByTestId('total-kg').getAttribute('data-kg'));
      }, { timeout: 10_000 })
      .toBeCloseTo(kg, 6);
    await expect(popup.getByTestId('choice-count')).toContainText('1');

    // No network before opt-in: the extension made no request; everything the page itself asked
    // for beyond the served document was aborted by the router, never sent.
    const fromExtension = requests.filter((r) => r.fromExtension);
    expect(fromExtension).toEqual([]);
    expect(outbound(requests).every((r) => !r.served)).toBe(true);
  });
});
