import { openLedger, type Ledger } from '@/lib/ledger';
import { createRouter } from '@/lib/router';
import { createSettingsStore } from '@/lib/settings';
import { createSharing, SHARE_ALARM } from '@/lib/sharing';
import { cryptoRandomInt } from '@/lib/share';

/** Build setting: where opted-in reports go (options can override it). */
const COLLECTOR_URL = import.meta.env.WXT_COLLECTOR_URL ?? 'http://127.0.0.1:8787';

export default defineBackground(() => {
  let ledger: Promise<Ledger> | null = null;
  const getLedger = () => {
    ledger ??= openLedger().catch((err: unknown) => {
      ledger = null; // retry on the next message rather than caching a failure
      throw err;
    });
    return ledger;
  };
  // Ask the browser not to evict the ledger under storage pressure.
  void navigator.storage?.persist?.().catch(() => false);

  const storageArea = {
    get: (key: string) => browser.storage.local.get(key),
    set: (items: Record<string, unknown>) => browser.storage.local.set(items),
  };
  const settings = createSettingsStore(storageArea);
  // No cookies, no referrer, no cache: the request carries the three-field report and nothing else.
  const sharing = createSharing({
    settings,
    ledger: getLedger,
    storage: storageArea,
    fetch: (url, init) => fetch(url, init),
    getJson: async (url) => (await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' })).json(),
    alarms: { create: (name, when) => browser.alarms.create(name, { when }), clear: (name) => browser.alarms.clear(name) },
    randomInt: cryptoRandomInt,
    now: () => Date.now(),
    defaultCollectorUrl: COLLECTOR_URL,
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SHARE_ALARM) void sharing.tick().catch(() => undefined);
  });
  void sharing.tick().catch(() => undefined);

  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    ledger: getLedger,
    settings,
    sharing,
    locale: navigator.language,
    now: () => Date.now(),
    openMethodology: async () => void (await browser.tabs.create({ url: browser.runtime.getURL('/methodology.html' as '/popup.html') /* generated at build (wxt.config.ts) */ })),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
