import { describe, expect, it } from 'vitest';
import { EXTRA_SITES_SCRIPT_ID, READER_FILE, sitePattern, syncExtraSites, webExtensionSites, type ExtraSitesBrowser } from '@/lib/extra-sites';

describe('sitePattern: what the shopper typed → one https origin', () => {
  it('accepts a host or an address and keeps only the host', () => {
    expect(sitePattern('shop.example')).toEqual({ ok: true, pattern: 'https://shop.example/*', host: 'shop.example' });
    expect(sitePattern('  https://Shop.Example/products/1?x=2#y ')).toEqual({ ok: true, pattern: 'https://shop.example/*', host: 'shop.example' });
    expect(sitePattern('www.thegioididong.com')).toMatchObject({ ok: true, pattern: 'https://www.thegioididong.com/*' });
  });

  it('refuses http, other schemes, wildcards, ports, credentials, bare names and junk', () => {
    expect(sitePattern('http://shop.example')).toEqual({ ok: false, reason: 'not-https' });
    for (const bad of ['', ' ', 'ftp://shop.example', 'javascript:alert(1)', '*.example.com', 'https://*/*', '<all_urls>', 'https://shop.example:8443', 'https://u:p@shop.example', 'localhost', 'shop', 'shop..example', '-shop.example', 'a b.example', 'x'.repeat(301)]) {
      expect(sitePattern(bad).ok, bad).toBe(false);
    }
  });

  it('says a registry marketplace is on already', () => {
    expect(sitePattern('www.amazon.com')).toEqual({ ok: false, reason: 'builtin' });
    expect(sitePattern('https://shopee.vn/abc')).toEqual({ ok: false, reason: 'builtin' });
  });
});

function fake(granted: string[], registered: string[] | null = null) {
  const calls: string[] = [];
  const state = { registered };
  const b: ExtraSitesBrowser = {
    granted: async (p) => granted.includes(p),
    registered: async () => state.registered,
    register: async (m) => void (calls.push(`register ${m.join(' ')}`), (state.registered = m)),
    update: async (m) => void (calls.push(`update ${m.join(' ')}`), (state.registered = m)),
    unregister: async () => void (calls.push('unregister'), (state.registered = null)),
  };
  return { b, calls, state };
}

describe('syncExtraSites: the registration follows the granted permissions', () => {
  it('registers, updates and unregisters, and leaves a matching registration alone', async () => {
    const f = fake(['https://a.example/*', 'https://b.example/*']);
    expect(await syncExtraSites(['https://a.example/*'], f.b)).toEqual(['https://a.example/*']);
    expect(await syncExtraSites(['https://a.example/*', 'https://b.example/*'], f.b)).toEqual(['https://a.example/*', 'https://b.example/*']);
    expect(await syncExtraSites(['https://a.example/*', 'https://b.example/*'], f.b)).toHaveLength(2);
    expect(await syncExtraSites([], f.b)).toEqual([]);
    expect(await syncExtraSites([], f.b)).toEqual([]);
    expect(f.calls).toEqual(['register https://a.example/*', 'update https://a.example/* https://b.example/*', 'unregister']);
  });

  it('drops a site whose permission was withdrawn in the browser', async () => {
    const f = fake(['https://b.example/*'], ['https://a.example/*', 'https://b.example/*']);
    expect(await syncExtraSites(['https://a.example/*', 'https://b.example/*'], f.b)).toEqual(['https://b.example/*']);
    expect(f.state.registered).toEqual(['https://b.example/*']);
  });
});

describe('webExtensionSites: the WebExtension calls', () => {
  it('asks for scripting with the origin, and registers the reader top-frame only at document_idle', async () => {
    const asked: unknown[] = [];
    const registered: object[][] = [];
    const api = {
      permissions: { contains: async (p: object) => (asked.push(p), true) },
      scripting: {
        getRegisteredContentScripts: async () => [],
        registerContentScripts: async (s: object[]) => void registered.push(s),
        updateContentScripts: async () => undefined,
        unregisterContentScripts: async () => undefined,
      },
    };
    const b = webExtensionSites(api);
    expect(await b.granted('https://a.example/*')).toBe(true);
    expect(asked).toEqual([{ permissions: ['scripting'], origins: ['https://a.example/*'] }]);
    expect(await b.registered()).toBeNull();
    await b.register(['https://a.example/*']);
    expect(registered).toEqual([[{ id: EXTRA_SITES_SCRIPT_ID, matches: ['https://a.example/*'], js: [READER_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true }]]);
  });

  it('without the scripting permission there is no registration and nothing throws', async () => {
    const b = webExtensionSites({ permissions: { contains: async () => { throw new Error('no'); } } });
    expect(await b.granted('https://a.example/*')).toBe(false);
    expect(await b.registered()).toBeNull();
    await expect(b.register(['https://a.example/*'])).resolves.toBeUndefined();
  });
});
