import { openLedger, type Ledger } from '@/lib/ledger';
import { createRouter } from '@/lib/router';

export default defineBackground(() => {
  let ledger: Promise<Ledger> | null = null;
  const getLedger = () => {
    ledger ??= openLedger().catch((err: unknown) => {
      ledger = null; // retry on the next message rather than caching a failure
      throw err;
    });
    return ledger;
  };
  void navigator.storage?.persist?.();

  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    ledger: getLedger,
    homeCountry: async () => homeCountryFromLocale(navigator.language),
    now: () => Date.now(),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});

function homeCountryFromLocale(locale: string): string {
  const region = locale.split('-')[1];
  return region && /^[A-Za-z]{2}$/.test(region) ? region.toUpperCase() : 'US';
}
