/**
 * The page reader's lifetime helpers (entrypoints/reader/lifetime.ts): SPA navigation with and
 * without the Navigation API, a newer copy taking over, and an extension that went away.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alive, onNewerCopy, watchLocation } from '../../entrypoints/reader/lifetime';

const g = globalThis as Record<string, unknown>;
let saved: Record<string, unknown>;

beforeEach(() => {
  saved = { location: g.location, window: g.window, navigation: g.navigation, document: g.document };
  g.location = { href: 'https://www.amazon.com/s?k=a' };
  g.window = new EventTarget();
  g.document = new EventTarget();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  for (const [k, v] of Object.entries(saved)) g[k] = v;
});

const go = (href: string) => ((g.location as { href: string }).href = href);

describe('watchLocation', () => {
  it('with the Navigation API: after each navigate event whose URL changed, once', () => {
    g.navigation = new EventTarget();
    const seen: string[] = [];
    const stop = watchLocation(() => seen.push((g.location as { href: string }).href));
    go('https://www.amazon.com/s?k=b');
    (g.navigation as EventTarget).dispatchEvent(new Event('navigate'));
    vi.runAllTimers();
    (g.navigation as EventTarget).dispatchEvent(new Event('navigate')); // same URL: nothing
    vi.runAllTimers();
    go('https://www.amazon.com/s?k=c');
    (g.window as EventTarget).dispatchEvent(new Event('popstate'));
    expect(seen).toEqual(['https://www.amazon.com/s?k=b', 'https://www.amazon.com/s?k=c']);
    stop();
    go('https://www.amazon.com/s?k=d');
    (g.navigation as EventTarget).dispatchEvent(new Event('navigate'));
    vi.runAllTimers();
    expect(seen).toHaveLength(2);
  });

  it('without it (Firefox before the Navigation API): a check every second', () => {
    g.navigation = undefined;
    const seen: string[] = [];
    const stop = watchLocation(() => seen.push((g.location as { href: string }).href));
    vi.advanceTimersByTime(3000);
    expect(seen).toEqual([]);
    go('https://www.amazon.com/s?k=b');
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['https://www.amazon.com/s?k=b']);
    stop();
    go('https://www.amazon.com/s?k=c');
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(1);
  });
});

describe('onNewerCopy and alive', () => {
  it('an older copy stops when a newer one starts; the newer one does not stop itself', () => {
    let oldStopped = 0;
    let newStopped = 0;
    onNewerCopy(() => oldStopped++);
    onNewerCopy(() => newStopped++);
    expect([oldStopped, newStopped]).toEqual([1, 0]);
    onNewerCopy(() => undefined); // a third copy: the second stops, the first is already gone
    expect([oldStopped, newStopped]).toEqual([1, 1]);
  });

  it('alive is false once the extension is gone (no runtime id, or the API throws)', () => {
    const runtime = fakeBrowser.runtime as { id?: string };
    const id = runtime.id;
    try {
      expect(alive()).toBe(true);
      runtime.id = undefined;
      expect(alive()).toBe(false);
      Object.defineProperty(runtime, 'id', { configurable: true, get: () => { throw new Error('Extension context invalidated.'); } });
      expect(alive()).toBe(false);
    } finally {
      Object.defineProperty(runtime, 'id', { configurable: true, writable: true, value: id });
    }
  });
});
