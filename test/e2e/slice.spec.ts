import { test, expect, haveRealFixtures, outbound } from './fixtures';
import { DAILY_CAP_KG } from '../../lib/ledger/accounting';

test.describe('thin slice on the real Amazon product page', () => {
  test.skip(!haveRealFixtures, 'needs ../shared/fixtures/real (present in CI)');

  test('badge with a number; skip → popup total; nothing leaves the machine', async ({ openReal, requests, openPopup, serviceWorker }) => {
    void serviceWorker;
    const { page, badges } = await openReal('amazon-product-1.html');
    const badge = badges.first();
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

    // Real (trusted) keyboard input: focus the badge (its root delegates focus to the button),
    // Enter opens the panel, Tab reaches "skip this purchase", Enter records it. (A mouse click
    // would land on an overlay of the saved page, whose own CSS is not served.)
    await badge.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const popup = await openPopup();
    await expect
      .poll(async () => {
        await popup.reload();
        return Number(await popup.getByTestId('total-kg').getAttribute('data-kg'));
      }, { timeout: 10_000 })
      .toBeCloseTo(Math.min(kg, DAILY_CAP_KG), 6); // credited within the daily cap
    await expect(popup.getByTestId('choice-count')).toContainText('1');

    // No network before opt-in: the extension made no request; everything the page itself asked
    // for beyond the served document was aborted by the router, never sent.
    const fromExtension = requests.filter((r) => r.fromExtension);
    expect(fromExtension).toEqual([]);
    expect(outbound(requests).every((r) => !r.served)).toBe(true);
  });
});
