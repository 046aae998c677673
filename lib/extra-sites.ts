/**
 * "Other shops": the reader on a site outside the registry (lib/sites), where the generic
 * schema.org / embedded-state reader does the work. Each site is the shopper's choice, made on a
 * click in the options page, which asks the browser for that one origin and for `scripting`
 * (both optional in the manifest); the background then registers the reader for exactly the
 * chosen sites whose permission is still granted. Nothing here runs on a site nobody picked.
 */
import { adapterFor } from './sites';

/** The id of the one dynamic content-script registration (all other shops in one). */
export const EXTRA_SITES_SCRIPT_ID = 'carbon-lens-other-shops';
/** The reader's file in the build (entrypoints/reader, an unlisted script). */
export const READER_FILE = 'reader.js';
/** Most other shops one may add (a manifest-style match list, not a browsing history). */
export const MAX_EXTRA_SITES = 100;

export type SitePattern = { ok: true; pattern: string; host: string } | { ok: false; reason: 'invalid' | 'not-https' | 'builtin' };

/**
 * The match pattern for what the shopper typed: "shop.example", "https://shop.example/p/1".
 * Https only (a shop's page and its prices deserve it); one host, no wildcards; not a
 * marketplace of the registry (on already).
 */
export function sitePattern(input: string): SitePattern {
  const text = input.trim();
  if (!text || text.length > 300 || /[\s*]/.test(text)) return { ok: false, reason: 'invalid' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: url.protocol === 'http:' ? 'not-https' : 'invalid' };
  const host = url.hostname.toLowerCase();
  // A real host name: labels of letters, digits and hyphens, at least one dot, no user or port.
  if (url.username || url.password || url.port || !/^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/.test(host) || host.endsWith('.')) {
    return { ok: false, reason: 'invalid' };
  }
  if (adapterFor(new URL(`https://${host}/`))) return { ok: false, reason: 'builtin' };
  return { ok: true, pattern: `https://${host}/*`, host };
}

/** What the background needs of the browser (browser.permissions and browser.scripting). */
export interface ExtraSitesBrowser {
  /** Whether `scripting` and this origin are granted now. */
  granted(pattern: string): Promise<boolean>;
  /** The current registration's match patterns; null when there is none (or no `scripting`). */
  registered(): Promise<string[] | null>;
  register(matches: string[]): Promise<void>;
  update(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
}

/**
 * Makes the registration match exactly the stored sites whose permission is granted (a site the
 * shopper withdrew in the browser's own settings drops out). Returns the sites it covers.
 */
export async function syncExtraSites(stored: readonly string[], b: ExtraSitesBrowser): Promise<string[]> {
  const wanted: string[] = [];
  for (const pattern of stored) if (await b.granted(pattern)) wanted.push(pattern);
  const current = await b.registered();
  if (wanted.length === 0) {
    if (current !== null) await b.unregister();
  } else if (current === null) await b.register(wanted);
  else if (current.join('\n') !== wanted.join('\n')) await b.update(wanted);
  return wanted;
}

/** The browser side, over WebExtension APIs (`scripting` may be absent until it is granted). */
export function webExtensionSites(api: {
  permissions: { contains(p: { permissions?: string[]; origins?: string[] }): Promise<boolean> };
  scripting?: {
    getRegisteredContentScripts(f: { ids: string[] }): Promise<{ matches?: string[] }[]>;
    registerContentScripts(s: object[]): Promise<void>;
    updateContentScripts(s: object[]): Promise<void>;
    unregisterContentScripts(f: { ids: string[] }): Promise<void>;
  };
}): ExtraSitesBrowser {
  const script = (matches: string[]) => ({
    id: EXTRA_SITES_SCRIPT_ID,
    matches,
    js: [READER_FILE],
    runAt: 'document_idle',
    allFrames: false,
    persistAcrossSessions: true,
  });
  return {
    granted: (pattern) => api.permissions.contains({ permissions: ['scripting'], origins: [pattern] }).catch(() => false),
    async registered() {
      if (!api.scripting) return null;
      const [found] = await api.scripting.getRegisteredContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
      return found ? [...(found.matches ?? [])] : null;
    },
    async register(matches) {
      await api.scripting?.registerContentScripts([script(matches)]);
    },
    async update(matches) {
      await api.scripting?.updateContentScripts([script(matches)]);
    },
    async unregister() {
      await api.scripting?.unregisterContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
    },
  };
}
