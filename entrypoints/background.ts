import { openLedger, type Ledger } from '@/lib/ledger';
import { createRouter } from '@/lib/router';
import { createSettingsStore } from '@/lib/settings';

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

  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    ledger: getLedger,
    settings: createSettingsStore({
      get: (key) => browser.storage.local.get(key),
      set: (items) => browser.storage.local.set(items),
    }),
    locale: navigator.language,
    now: () => Date.now(),
    openMethodology: async () => void (await browser.tabs.create({ url: browser.runtime.getURL('/methodology.html' as '/popup.html') /* generated at build (wxt.config.ts) */ })),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
