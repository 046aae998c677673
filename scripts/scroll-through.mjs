/**
 * Scrolls a Playwright page through and back to the top, so that a search page makes every
 * badge: the reader makes one when its tile comes within a screen of the viewport. Steps of two
 * screens (with that margin above and below, every part of the page is near the viewport in some
 * step), at most 1,000 of them (the saved pages have no stylesheet: shopee-search-1's tiles span
 * 600,000 px). Bounded in time too: a frame that never comes waits 250 ms, the whole scroll at
 * most 90 s (a full benchmark run once stalled for over 20 minutes in its older, unbounded loop).
 * Used by the e2e tests, the benchmark and the demo.
 */
export async function scrollThrough(page) {
  await page.evaluate(async () => {
    const until = performance.now() + 90_000;
    for (let y = 0, k = 0; y <= document.documentElement.scrollHeight && k < 1000 && performance.now() < until; y += Math.max(2 * innerHeight, 100), k++) {
      scrollTo(0, y);
      await Promise.race([
        new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
        new Promise((r) => setTimeout(r, 250)),
      ]);
    }
    await new Promise((r) => setTimeout(r, 100));
    scrollTo(0, 0);
  });
}
