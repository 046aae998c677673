import { openLedger, type Ledger } from '@/lib/ledger';
import { createRouter } from '@/lib/router';
import { createSettingsStore } from '@/lib/settings';
import { createSharing, SHARE_ALARM } from '@/lib/sharing';
import { cryptoRandomInt } from '@/lib/share';
import { syncExtraSites, webExtensionSites } from '@/lib/extra-sites';
import { BADGE_KEYS, messageTemplates } from '@/lib/i18n';

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

  // Other shops (options page): the reader's registration follows the permissions the shopper
  // holds granted, also when one is withdrawn in the browser's own extension settings.
  const extraSites = webExtensionSites(browser as never);
  const syncSites = () => void settings.get().then((s) => syncExtraSites(s.extraSites, extraSites)).catch(() => undefined);
  browser.permissions.onRemoved.addListener(syncSites);
  syncSites();
  const release = async (pattern: string) => {
    const [status, now] = await Promise.all([sharing.status(), settings.get()]);
    // The collector's origin stays while sharing is on; `scripting` goes with the last shop.
    const collector = status.enabled ? `${new URL(status.collectorUrl).origin}/*` : null;
    const origins = pattern === collector ? [] : [pattern];
    const permissions: 'scripting'[] = now.extraSites.length === 0 ? ['scripting'] : [];
    if (origins.length + permissions.length > 0) await browser.permissions.remove({ origins, permissions }).catch(() => false);
  };

  let ui: { locale: string; strings: Record<string, string> } | null = null;
  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    ledger: getLedger,
    settings,
    sharing,
    extraSites: { ...extraSites, release },
    ui: () => (ui ??= { locale: browser.i18n.getUILanguage(), strings: messageTemplates((k, subs) => browser.i18n.getMessage(k as never, subs), BADGE_KEYS) }),
    locale: navigator.language,
    now: () => Date.now(),
    openMethodology: async () => void (await browser.tabs.create({ url: browser.runtime.getURL('/methodology.html' as '/popup.html') /* generated at build (wxt.config.ts) */ })),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
