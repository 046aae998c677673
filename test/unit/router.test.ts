import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type RouterDeps, type Sender } from '@/lib/router';
import { openLedger, type Ledger } from '@/lib/ledger';
import type { EstimateReply, ItemPayload, Reply, SummaryReply } from '@/lib/messages';
import { createSettingsStore } from '@/lib/settings';
import { categoryName } from '@/lib/taxonomy';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const content: Sender = { id: ID, tab: { id: 1 }, url: 'https://www.amazon.com/dp/B07SRDX1Z1' };
const popup: Sender = { id: ID, url: `${ORIGIN}popup.html` };

const monitor: ItemPayload = {
  title: 'ViewSonic VX3276-4K-MHD 32 Inch 4K Monitor',
  price: 259.99,
  priceMax: null,
  currency: 'USD',
  categoryPath: ['Electronics', 'Computers & Accessories', 'Monitors'],
  shipFrom: null,
  weightKg: null,
  condition: null,
  url: 'https://www.amazon.com/dp/B07SRDX1Z1',
};

const noSharing = {
  status: async () => ({ enabled: false, collectorUrl: 'http://127.0.0.1:8787', pending: null, lastSent: null }),
  setEnabled: async () => ({ enabled: false, collectorUrl: 'http://127.0.0.1:8787', pending: null, lastSent: null }),
  community: async () => null,
};

/** The browser side of other shops: granted origins, the one registration, released origins. */
function fakeSites(granted: string[] = []) {
  const state = { granted: new Set(granted), registered: null as string[] | null, released: [] as string[] };
  return {
    state,
    granted: async (p: string) => state.granted.has(p),
    registered: async () => state.registered,
    register: async (m: string[]) => void (state.registered = [...m]),
    update: async (m: string[]) => void (state.registered = [...m]),
    unregister: async () => void (state.registered = null),
    release: async (p: string) => void state.released.push(p),
  };
}

function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    get: async (key: string) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
  };
}

/** A router on `ledger` with in-memory settings and no sharing, shops or tabs; `over` replaces any of them. */
function routerWith(ledger: Promise<Ledger>, over: Partial<RouterDeps> = {}) {
  return createRouter({
    extensionId: ID,
    extensionOrigin: ORIGIN,
    ledger: () => ledger,
    settings: createSettingsStore(memoryArea()),
    locale: 'en-US',
    now: () => Date.UTC(2026, 10, 28),
    openMethodology: async () => undefined,
    sharing: noSharing,
    extraSites: fakeSites(),
    ...over,
  });
}

describe('background router', () => {
  let ledger: Promise<Ledger>;
  let route: ReturnType<typeof createRouter>;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    ledger = openLedger();
    route = routerWith(ledger, { ui: () => ({ locale: 'vi', strings: { badgeApprox: '≈ \u00011\u0002 \u00019\u0002 CO₂e' } }) });
  });

  it('estimates items from a content script', async () => {
    const reply = (await route({ type: 'content-to-background:estimate', site: 'amazon', kind: 'product', keys: ['k1'], items: [monitor] }, content)) as Reply<EstimateReply>;
    expect(reply.ok).toBe(true);
    // The badge's strings and language travel with the estimates (no i18n call in the page).
    expect(reply.ok && reply.data.locale).toBe('vi');
    expect(reply.ok && reply.data.strings.badgeApprox).toBe('≈ \u00011\u0002 \u00019\u0002 CO₂e');
    if (!reply.ok) return;
    expect(reply.data.enabled).toBe(true);
    expect(reply.data.estimates).toHaveLength(1);
    const [e] = reply.data.estimates;
    expect(e!.kg).toBeGreaterThan(0);
    expect(e!.low).toBeLessThanOrEqual(e!.kg);
    expect(e!.high).toBeGreaterThanOrEqual(e!.kg);
    expect(e!.sources.length).toBeGreaterThan(0);
  });

  it('records a skip computed from the item, and the popup reads the total', async () => {
    const est = (await route({ type: 'content-to-background:estimate', site: 'amazon', kind: 'product', keys: ['k1'], items: [monitor] }, content)) as Reply<EstimateReply>;
    const rec = (await route({ type: 'content-to-background:record-choice', kind: 'skip', item: monitor }, content)) as Reply<{ kg: number }>;
    expect(rec.ok && est.ok && rec.data.kg).toBe(est.ok && est.data.estimates[0]!.kg);
    const summary = (await route({ type: 'page-to-background:get-summary' }, popup)) as Reply<SummaryReply>;
    expect(summary.ok && summary.data.summary.all.choices).toBe(1);
    expect(summary.ok && summary.data.recent[0]!.title).toBe(monitor.title);
    // Categories are named in the UI language (vi here), not by their ids.
    const id = summary.ok ? summary.data.summary.byCategory[0]!.categoryId : '';
    expect(summary.ok && summary.data.categoryNames[id]).toBe(categoryName(id, 'vi'));
    expect(categoryName(id, 'vi')).not.toBe(categoryName(id, 'en'));
  });

  it('refuses other senders and malformed messages, writing nothing', async () => {
    const stranger: Sender = { id: 'someone-else', tab: { id: 1 } };
    expect(await route({ type: 'content-to-background:record-choice', kind: 'skip', item: monitor }, stranger)).toEqual({ ok: false, error: 'Sender not allowed.' });
    // A web page (no tab context from our content script, wrong origin) cannot read totals.
    expect((await route({ type: 'page-to-background:get-summary' }, { id: ID, url: 'https://evil.example/' })).ok).toBe(false);
    expect((await route({ type: 'page-to-background:delete-all', confirm: true }, content)).ok).toBe(false);
    // Record-choice must come from a content script, not a page pretending to be the popup.
    expect((await route({ type: 'content-to-background:record-choice', kind: 'skip', item: monitor }, popup)).ok).toBe(false);
    for (const bad of [null, 42, 'x', {}, { type: 'nope' }, { type: 'content-to-background:record-choice', kind: 'skip', item: { ...monitor, price: 'free' } }]) {
      expect(await route(bad, content)).toEqual({ ok: false, error: 'Invalid message.' });
    }
    expect((await (await ledger).totals()).choices).toBe(0);
  });
});

describe('router: choices, settings, data', () => {
  let route: ReturnType<typeof createRouter>;
  let ledger: Promise<Ledger>;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    ledger = openLedger();
    route = routerWith(ledger, { locale: 'vi-VN' });
  });

  it('switch credits A − B; a switch to a higher item credits nothing; second-hand credits new − used', async () => {
    const cheap = { ...monitor, title: 'Small 22 inch monitor', price: 89, url: 'https://www.amazon.com/dp/SMALL' };
    const sw = (await route({ type: 'content-to-background:record-choice', kind: 'switch', item: monitor, chosen: cheap }, content)) as Reply<{ kg: number }>;
    expect(sw.ok && sw.data.kg).toBeGreaterThan(0);
    const back = (await route({ type: 'content-to-background:record-choice', kind: 'switch', item: cheap, chosen: monitor }, content)) as Reply<{ kg: number }>;
    expect(back.ok && back.data.kg).toBe(0);
    const used = (await route({ type: 'content-to-background:record-choice', kind: 'second_hand', item: monitor }, content)) as Reply<{ kg: number }>;
    expect(used.ok && used.data.kg).toBeGreaterThan(0);
    // A switch without the chosen item is malformed.
    expect(await route({ type: 'content-to-background:record-choice', kind: 'switch', item: monitor }, content)).toEqual({ ok: false, error: 'Invalid message.' });
  });

  it('a site turned off gets no estimates', async () => {
    await route({ type: 'page-to-background:set-settings', patch: { sites: { amazon: false } } }, popup);
    const reply = (await route({ type: 'content-to-background:estimate', site: 'amazon', kind: 'product', keys: ['k1'], items: [monitor] }, content)) as Reply<EstimateReply>;
    expect(reply.ok && reply.data.enabled).toBe(false);
    expect(reply.ok && reply.data.estimates).toEqual([]);
  });

  it('invalid settings are refused and change nothing', async () => {
    const before = await route({ type: 'page-to-background:get-settings' }, popup);
    const bad = await route({ type: 'page-to-background:set-settings', patch: { goalConsumers: -5 } }, popup);
    expect(bad.ok).toBe(true); // zod .catch falls back to the default, never stores garbage
    expect(bad.ok && (bad.data as { goalConsumers: number }).goalConsumers).toBe(1_310_000_000);
    expect(before.ok).toBe(true);
  });

  it('export → delete → import through messages restores the summary', async () => {
    await route({ type: 'content-to-background:record-choice', kind: 'skip', item: monitor }, content);
    const s1 = (await route({ type: 'page-to-background:get-summary' }, popup)) as Reply<SummaryReply>;
    const exp = (await route({ type: 'page-to-background:export', format: 'json' }, popup)) as Reply<{ text: string }>;
    expect((await route({ type: 'page-to-background:delete-all', confirm: true }, popup)).ok).toBe(true);
    const imp = await route({ type: 'page-to-background:import', text: exp.ok ? exp.data.text : '' }, popup);
    expect(imp).toEqual({ ok: true, data: { added: 1, alreadyPresent: 0 } });
    const s2 = (await route({ type: 'page-to-background:get-summary' }, popup)) as Reply<SummaryReply>;
    expect(s2.ok && s2.data.summary).toEqual(s1.ok && s1.data.summary);
    const bad = await route({ type: 'page-to-background:import', text: '{"format":' }, popup);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/not valid JSON/);
    void (await ledger);
  });
});

describe('router: hide on this page', () => {
  it('a page hidden from its badge panel gets no estimates; other pages still do', async () => {
    globalThis.indexedDB = new IDBFactory();
    const ledger = openLedger();
    const route = routerWith(ledger);
    const page = { id: ID, tab: { id: 1 }, url: 'https://www.amazon.com/s?k=monitor#frag' };
    const other = { id: ID, tab: { id: 2 }, url: 'https://www.amazon.com/s?k=laptop' };
    const ask = (sender: Sender) => route({ type: 'content-to-background:estimate', site: 'amazon', kind: 'search', keys: ['k'], items: [monitor] }, sender) as Promise<Reply<EstimateReply>>;
    expect((await ask(page)).ok && (await ask(page) as { data: EstimateReply }).data.enabled).toBe(true);
    expect(await route({ type: 'content-to-background:hide-page' }, page)).toEqual({ ok: true, data: { hidden: 'https://www.amazon.com/s?k=monitor' } });
    const hidden = await ask({ ...page, url: 'https://www.amazon.com/s?k=monitor' });
    expect(hidden.ok && hidden.data.enabled).toBe(false);
    expect(hidden.ok && hidden.data.estimates).toEqual([]);
    const still = await ask(other);
    expect(still.ok && still.data.enabled).toBe(true);
    // A web page cannot hide badges by messaging as an extension page.
    expect((await route({ type: 'content-to-background:hide-page' }, { id: 'other-extension', tab: { id: 3 }, url: other.url })).ok).toBe(false);
  });
});

describe('background router: other shops', () => {
  const make = (granted: string[]) => {
    const sites = fakeSites(granted);
    const settings = createSettingsStore(memoryArea());
    const route = routerWith(openLedger(), { settings, extraSites: sites });
    return { route, sites, settings };
  };
  const options: Sender = { id: ID, url: `${ORIGIN}options.html` };

  it('turns a shop on only once the browser has granted it, and registers the reader for it', async () => {
    const { route, sites, settings } = make(['https://shop.example/*']);
    const denied = (await route({ type: 'page-to-background:enable-site', pattern: 'https://other.example/*' }, options)) as Reply<unknown>;
    expect(denied).toEqual({ ok: false, error: 'The browser has not allowed other.example.' });
    expect(sites.state.registered).toBeNull();
    const ok = (await route({ type: 'page-to-background:enable-site', pattern: 'https://shop.example/*' }, options)) as Reply<{ extraSites: string[]; active: string[] }>;
    expect(ok).toEqual({ ok: true, data: { extraSites: ['https://shop.example/*'], active: ['https://shop.example/*'] } });
    expect(sites.state.registered).toEqual(['https://shop.example/*']);
    expect((await settings.get()).extraSites).toEqual(['https://shop.example/*']);
  });

  it('refuses patterns that are not one https shop outside the registry, and content scripts', async () => {
    const { route, sites } = make(['<all_urls>', 'https://*/*', 'https://www.amazon.com/*', 'http://shop.example/*']);
    for (const pattern of ['<all_urls>', 'https://*/*', 'https://www.amazon.com/*', 'http://shop.example/*', 'https://shop.example/p/*', 'https://Shop.Example/*']) {
      const r = (await route({ type: 'page-to-background:enable-site', pattern }, options)) as Reply<unknown>;
      expect(r.ok, pattern).toBe(false);
    }
    const fromPage = (await route({ type: 'page-to-background:enable-site', pattern: 'https://shop.example/*' }, content)) as Reply<unknown>;
    expect(fromPage.ok).toBe(false);
    expect(sites.state.registered).toBeNull();
  });

  it('set-settings cannot add other shops behind the permission check', async () => {
    const { route, settings } = make([]);
    await route({ type: 'page-to-background:set-settings', patch: { extraSites: ['https://shop.example/*'], units: 'lb' } }, options);
    const s = await settings.get();
    expect(s.extraSites).toEqual([]);
    expect(s.units).toBe('lb');
  });

  it('turning a shop off unregisters it and gives its permission back', async () => {
    const { route, sites, settings } = make(['https://a.example/*', 'https://b.example/*']);
    await route({ type: 'page-to-background:enable-site', pattern: 'https://a.example/*' }, options);
    await route({ type: 'page-to-background:enable-site', pattern: 'https://b.example/*' }, options);
    expect(sites.state.registered).toEqual(['https://a.example/*', 'https://b.example/*']);
    await route({ type: 'page-to-background:disable-site', pattern: 'https://a.example/*' }, options);
    expect(sites.state.registered).toEqual(['https://b.example/*']);
    expect(sites.state.released).toEqual(['https://a.example/*']);
    await route({ type: 'page-to-background:disable-site', pattern: 'https://b.example/*' }, options);
    expect(sites.state.registered).toBeNull();
    expect((await settings.get()).extraSites).toEqual([]);
    // Turning off a shop that was never on releases nothing.
    await route({ type: 'page-to-background:disable-site', pattern: 'https://c.example/*' }, options);
    expect(sites.state.released).toEqual(['https://a.example/*', 'https://b.example/*']);
  });
});

describe('router: every message type is validated and sender-checked', () => {
  // One valid message of each type (the list is checked against the schema's union below).
  const VALID: Record<string, Record<string, unknown>> = {
    'content-to-background:estimate': { site: 'amazon', kind: 'product', keys: ['k1'], items: [monitor] },
    'content-to-background:record-choice': { kind: 'skip', item: monitor },
    'content-to-background:undo': { id: 'skip|2026-11-28|x' },
    'content-to-background:hide-page': {},
    'content-to-background:open-methodology': {},
    'page-to-background:get-summary': {},
    'page-to-background:undo': { id: 'skip|2026-11-28|x' },
    'page-to-background:export': { format: 'json' },
    'page-to-background:import': { text: '{}' },
    'page-to-background:delete-all': { confirm: true },
    'page-to-background:get-settings': {},
    'page-to-background:set-settings': { patch: { badgeMode: 'detailed' } },
    'page-to-background:get-sharing': {},
    'page-to-background:set-sharing': { enabled: true },
    'page-to-background:get-community': {},
    'page-to-background:enable-site': { pattern: 'https://shop.example.org/*' },
    'page-to-background:disable-site': { pattern: 'https://shop.example.org/*' },
  };
  const BAD_VALUES: unknown[] = [undefined, null, 42, -1, true, {}, [], 'x'.repeat(30_000), { toString: 'x' }, [monitor, monitor]];

  let route: ReturnType<typeof createRouter>;
  let ledger: Promise<Ledger>;
  let effects: string[];
  let sites: ReturnType<typeof fakeSites>;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    ledger = openLedger();
    effects = [];
    sites = fakeSites(['https://shop.example.org/*']);
    route = routerWith(ledger, {
      openMethodology: async () => void effects.push('methodology'),
      sharing: { ...noSharing, setEnabled: async (on: boolean) => (effects.push(`sharing ${on}`), noSharing.status()) },
      extraSites: sites,
    });
  });

  it('the table covers every message type of the schema', async () => {
    const { AnyMessage } = await import('@/lib/messages');
    const types = AnyMessage.options.map((o) => (o as unknown as { shape: { type: { value: string } } }).shape.type.value);
    expect(Object.keys(VALID).sort()).toEqual([...types].sort());
  });

  it('malformed messages of every type, and every type from the wrong sender, are refused and change nothing', async () => {
    const { AnyMessage } = await import('@/lib/messages');
    const settingsBefore = await route({ type: 'page-to-background:get-settings' }, popup);
    let malformed = 0;
    for (const [type, fields] of Object.entries(VALID)) {
      const right = type.startsWith('content-to-background:') ? content : popup;
      const wrong = type.startsWith('content-to-background:') ? popup : content;
      const message = { type, ...fields };
      // Every field replaced by each bad value, or taken away: refused as invalid whenever the
      // schema refuses it (and every required field's bad values are refused).
      for (const field of Object.keys(fields)) {
        for (const bad of BAD_VALUES) {
          const m = { ...message, [field]: bad };
          if (bad === undefined) delete (m as Record<string, unknown>)[field];
          if (AnyMessage.safeParse(m).success) continue;
          malformed++;
          expect(await route(m, right), `${type}.${field} = ${Array.isArray(bad) ? 'array' : bad === null ? 'null' : typeof bad}`).toEqual({ ok: false, error: 'Invalid message.' });
        }
      }
      // The type itself misspelt, cased or padded.
      for (const t of [type.toUpperCase(), ` ${type}`, type.replace('background', 'backgrounds')]) {
        expect(await route({ ...message, type: t }, right)).toEqual({ ok: false, error: 'Invalid message.' });
      }
      // Valid, but from another extension, a web page, or our other side.
      expect(await route(message, { id: 'someone-else', tab: { id: 1 }, url: `${ORIGIN}popup.html` })).toEqual({ ok: false, error: 'Sender not allowed.' });
      expect(await route(message, { id: ID, url: 'https://evil.example/' })).toEqual({ ok: false, error: 'Sender not allowed.' });
      expect(await route(message, wrong)).toEqual({ ok: false, error: 'Sender not allowed.' });
    }
    // Nothing at all happened.
    expect(malformed).toBeGreaterThan(40);
    expect((await (await ledger).totals()).choices).toBe(0);
    expect(await route({ type: 'page-to-background:get-settings' }, popup)).toEqual(settingsBefore);
    expect(effects).toEqual([]);
    expect(sites.state.registered).toBeNull();
    expect(sites.state.released).toEqual([]);
  });

  it('each valid message from its own side passes validation', async () => {
    for (const [type, fields] of Object.entries(VALID)) {
      const right = type.startsWith('content-to-background:') ? content : popup;
      const reply = await route({ type, ...fields }, right);
      if (!reply.ok) expect(reply.error, type).not.toMatch(/^(Invalid message|Sender not allowed)\.$/);
    }
    expect(effects).toContain('methodology');
    expect(effects).toContain('sharing true');
  });
});
