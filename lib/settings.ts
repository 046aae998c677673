/** The shopper's settings: small, in browser.storage.local, parsed with zod on every read. */
import { z } from 'zod';

export const DEFAULT_CONSUMERS = 1_310_000_000;

export const Settings = z.object({
  /** ISO 3166-1 alpha-2; drives shipping distance. Null: taken from the browser's locale. */
  homeCountry: z.string().regex(/^[A-Z]{2}$/).nullable().catch(null),
  /** Display unit for footprints (estimates and the ledger stay in kg). */
  units: z.enum(['kg', 'lb']).catch('kg'),
  /** Site adapter id → enabled; missing means enabled. */
  sites: z.record(z.string().max(40), z.boolean()).catch({}),
  badgeMode: z.enum(['compact', 'detailed']).catch('compact'),
  /** The goal card's assumption: how many consumers share the ecosystem goal. */
  goalConsumers: z.number().int().min(1_000_000).max(8_000_000_000).catch(DEFAULT_CONSUMERS),
  /** Opt-in weekly sharing of a noised aggregate (off by default; lib/sharing.ts). */
  sharingEnabled: z.boolean().catch(false),
  /** Collector override (options); null: the build setting. https, or http on this machine only. */
  collectorUrl: z
    .string()
    .max(500)
    .regex(/^(https:\/\/[^\s/?#]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)(\/[^\s?#]*)?$/)
    .nullable()
    .catch(null),
  /** Other shops the reader runs on (https match patterns, lib/extra-sites), each a permission the shopper granted. */
  extraSites: z.array(z.string().max(320).regex(/^https:\/\/[a-z0-9.-]+\/\*$/)).max(100).catch([]),
  /** Pages (origin + path) where the shopper hid the badges. */
  hiddenPages: z.array(z.string().max(2000)).max(500).catch([]),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

export function parseSettings(raw: unknown): Settings {
  return Settings.parse(typeof raw === 'object' && raw !== null ? raw : {});
}

/** "vi-VN" → VN; a locale without a region gives null (the shopper picks in options). */
export function countryFromLocale(locale: string): string | null {
  const region = locale.split(/[-_]/)[1];
  return region && /^[A-Za-z]{2}$/.test(region) ? region.toUpperCase() : null;
}

export function effectiveHomeCountry(settings: Settings, locale: string): string {
  return settings.homeCountry ?? countryFromLocale(locale) ?? 'US';
}

export interface SettingsStore {
  get(): Promise<Settings>;
  set(patch: Partial<Settings>): Promise<Settings>;
}

/** A store over any key-value area (browser.storage.local in the extension, a Map in tests). */
export function createSettingsStore(area: {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}): SettingsStore {
  const KEY = 'settings';
  const get = async () => parseSettings((await area.get(KEY))[KEY]);
  return {
    get,
    async set(patch) {
      const next = Settings.parse({ ...(await get()), ...patch });
      await area.set({ [KEY]: next });
      return next;
    },
  };
}
