/**
 * The page reader's lifetime, without WXT's ContentScriptContext (whose set-up cost the page about
 * 2 ms of main-thread time and 1 KB gzip, docs/BENCHMARKS.md). Three things matter here:
 * - the script outlives its extension when the extension is updated, reloaded or removed: its
 *   runtime is gone, so it stops and removes what it added (`alive`);
 * - a newer copy injected into the same page (a reload during development, Firefox after an update)
 *   takes over: the older one hears it start and stops (`onNewerCopy`);
 * - single-page navigation changes the URL without a new document (`watchLocation`).
 */

/** Whether the extension this script belongs to is still there. */
export function alive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** Announces this copy and calls `stop` when a newer copy of the reader starts in this page. */
export function onNewerCopy(stop: () => void): void {
  const type = `${browser.runtime.id}:carbon-lens:reader-started`;
  const id = Math.random().toString(36).slice(2);
  document.dispatchEvent(new CustomEvent(type, { detail: id }));
  const listener = (event: Event) => {
    if ((event as CustomEvent).detail === id) return;
    document.removeEventListener(type, listener);
    stop();
  };
  document.addEventListener(type, listener);
}

/**
 * Calls `changed` after the URL changes without a new document (history.pushState, back and
 * forward within the page). With the Navigation API (Chromium) on each navigation; elsewhere by
 * checking once a second. Returns the function that stops watching.
 */
export function watchLocation(changed: () => void): () => void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    changed();
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation?.addEventListener) {
    // "navigate" comes before the URL changes: look once the current task is done.
    const onNavigate = () => setTimeout(check, 0);
    navigation.addEventListener('navigate', onNavigate);
    window.addEventListener('popstate', check);
    return () => {
      navigation.removeEventListener('navigate', onNavigate);
      window.removeEventListener('popstate', check);
    };
  }
  const timer = setInterval(check, 1000);
  return () => clearInterval(timer);
}
