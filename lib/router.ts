/**
 * The background's message router: checks the sender, parses the message, calls lib/ services.
 * Kept apart from entrypoints/background.ts so it is unit-tested without a browser.
 */
import { AnyMessage, type ContentToBackgroundRecordChoice, type EstimateReply, type EstimateReplyItem, type ItemPayload, type Reply, type SummaryReply } from './messages';
import { estimateItem } from './carbon/estimate';
import type { Estimate, ItemInput } from './carbon/types';
import type { Ledger, NewChoice, SeenItem } from './ledger';
import { analysePage, type Analysed, type PageEntry } from './alternatives/suggest';
import { SHOPS } from './alternatives/shops';
import { avoided, difference, type Reduction } from './ledger/accounting';
import { toCsv } from './ledger/transfer';
import { effectiveHomeCountry, type SettingsStore } from './settings';
import { categoryName } from './taxonomy';
import type { Sharing } from './sharing';
import { MAX_EXTRA_SITES, sitePattern, syncExtraSites, type ExtraSitesBrowser } from './extra-sites';

export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  ledger: () => Promise<Ledger>;
  settings: SettingsStore;
  locale: string;
  now: () => number;
  /** Opens docs/METHODOLOGY.md as shipped in the extension (a new tab). */
  openMethodology: () => Promise<void>;
  sharing: Pick<Sharing, 'status' | 'setEnabled' | 'community'>;
  /** The UI language and the badge's message templates sent with estimates (lib/i18n). */
  ui?: () => { locale: string; strings: Record<string, string> };
  /** Other shops: permissions and the reader's dynamic registration (lib/extra-sites). */
  extraSites: ExtraSitesBrowser & {
    /** Gives back a site's host permission (not when sharing still needs that origin). */
    release(pattern: string): Promise<void>;
  };
}

const RECENT_LIMIT = 10;
const SEEN_PER_CATEGORY = 50;

async function seenFor(ledger: Ledger, entries: PageEntry[], now: number): Promise<SeenItem[]> {
  const categories = [...new Set(entries.map((e) => e.estimate.categoryId))].filter((c) => c !== 'unknown');
  const lists = await Promise.all(categories.map((c) => ledger.seenInCategory(c, now, SEEN_PER_CATEGORY).catch(() => [])));
  return lists.flat();
}

function toSeen(site: string, e: PageEntry): SeenItem {
  const facts = toPayload(e.item);
  return { key: e.key, site, title: facts.title, url: facts.url, facts, categoryId: e.estimate.categoryId, tier: e.estimate.tier, kg: e.estimate.kg, low: e.estimate.low, high: e.estimate.high, lastSeen: 0 };
}

function toReplyItem(e: Estimate, analysed: Analysed, lang: string): EstimateReplyItem {
  return {
    kg: e.kg,
    low: e.low,
    high: e.high,
    tier: e.tier,
    categoryId: e.categoryId,
    categoryName: e.categoryId === 'unknown' ? (e.categoryName ?? e.categoryId) : categoryName(e.categoryId, lang),
    categoryMatch: e.categoryMatch ?? { by: 'none', keyword: null },
    breakdown: e.breakdown,
    notes: e.notes ?? [],
    methodVersion: e.methodVersion,
    sources: e.sources.map((s) => ({ id: s.id, title: s.title, year: s.year, ...(s.unit ? { unit: s.unit } : {}) })),
    comparison: analysed.comparison,
    suggestions: analysed.suggestions.map((x) => ({ ...x, chosen: x.chosen ? toPayload(x.chosen) : null })),
  };
}

function toPayload(i: ItemInput & { url?: string | null; priceMax?: number | null }): ItemPayload {
  return {
    title: i.title,
    price: i.price ?? null,
    priceMax: i.priceMax ?? null,
    currency: i.currency ?? null,
    categoryPath: i.categoryPath ?? null,
    shipFrom: i.shipFrom ?? null,
    weightKg: i.weightKg ?? null,
    condition: i.condition ?? null,
    url: i.url ?? null,
  };
}

/** Page URL without the fragment: what "hide on this page" remembers. */
function pageKey(url: string | undefined): string {
  return typeof url === 'string' ? url.split('#')[0]! : '';
}

function stage(e: Estimate, name: 'shipping'): { kg: number; low: number; high: number } {
  const kg = e.breakdown.find((b) => b.stage === name)?.kg ?? 0;
  // A stage's range is taken as the estimate's relative range (the method gives no separate one).
  return { kg, low: e.kg > 0 ? (kg * e.low) / e.kg : 0, high: e.kg > 0 ? (kg * e.high) / e.kg : 0 };
}

/** What a choice is worth (lib/ledger/accounting), from estimates made here, never from the page. */
export function reductionFor(msg: ContentToBackgroundRecordChoice, estimate: (i: ItemInput) => Estimate): { reduction: Reduction; a: Estimate } {
  const a = estimate(msg.item);
  switch (msg.kind) {
    case 'skip':
      return { reduction: avoided(a), a };
    case 'switch':
      return { reduction: difference(a, estimate(msg.chosen!)), a };
    case 'second_hand':
      return { reduction: difference(estimate({ ...msg.item, condition: 'new' }), estimate({ ...msg.item, condition: 'used' })), a };
    case 'shipping':
      return { reduction: difference(stage(a, 'shipping'), stage(estimate(msg.chosen!), 'shipping')), a };
  }
}

export function createRouter(deps: RouterDeps) {
  const fromContentScript = (s: Sender) => s.id === deps.extensionId && s.tab !== undefined;
  const fromExtensionPage = (s: Sender) =>
    s.id === deps.extensionId && typeof s.url === 'string' && s.url.startsWith(deps.extensionOrigin);

  return async function route(raw: unknown, sender: Sender): Promise<Reply<unknown>> {
    const parsed = AnyMessage.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'Invalid message.' };
    const msg = parsed.data;
    const fromContent = msg.type.startsWith('content-to-background:');
    if (fromContent ? !fromContentScript(sender) : !fromExtensionPage(sender)) return { ok: false, error: 'Sender not allowed.' };
    try {
      const settings = await deps.settings.get();
      const ctx = { homeCountry: effectiveHomeCountry(settings, deps.locale) };
      const estimate = (item: ItemInput) => estimateItem(item, ctx);
      switch (msg.type) {
        case 'content-to-background:estimate': {
          const enabled = settings.sites[msg.site] !== false && !settings.hiddenPages.includes(pageKey(sender.url));
          const ui = deps.ui?.() ?? { locale: deps.locale, strings: {} };
          if (!enabled) return { ok: true, data: { enabled, badgeMode: settings.badgeMode, units: settings.units, estimates: [], ...ui } satisfies EstimateReply };
          const entries: PageEntry[] = msg.items.map((item, i) => ({ key: msg.keys[i] ?? item.url ?? item.title, item, estimate: estimate(item) }));
          const ledger = await deps.ledger().catch(() => null); // estimates still work if storage fails
          const now = deps.now();
          const seen = ledger && msg.kind === 'product' ? await seenFor(ledger, entries, now) : [];
          let pageUrl: URL | null = null;
          try {
            pageUrl = sender.url ? new URL(sender.url) : null;
          } catch {
            pageUrl = null;
          }
          const analysed = analysePage(entries, {
            kind: msg.kind,
            pageUrl,
            homeCountry: ctx.homeCountry,
            shop: SHOPS[msg.site] ?? null,
            estimate,
            seen,
          });
          // Remembered after the reply is on its way: the badges do not wait for the write.
          void ledger?.rememberSeen(entries.map((e) => toSeen(msg.site, e)), now).catch(() => undefined);
          const data: EstimateReply = {
            enabled,
            badgeMode: settings.badgeMode,
            units: settings.units,
            estimates: entries.map((e, i) => toReplyItem(e.estimate, analysed[i]!, ui.locale)),
            ...ui,
          };
          return { ok: true, data };
        }
        case 'content-to-background:undo':
          return { ok: true, data: { undone: await (await deps.ledger()).undoChoice(msg.id) } };
        case 'content-to-background:hide-page': {
          const page = pageKey(sender.url);
          if (page) await deps.settings.set({ hiddenPages: [...settings.hiddenPages.filter((p) => p !== page), page].slice(-500) });
          return { ok: true, data: { hidden: page } };
        }
        case 'content-to-background:open-methodology':
          await deps.openMethodology();
          return { ok: true, data: null };
        case 'content-to-background:record-choice': {
          const { reduction, a } = reductionFor(msg, estimate);
          const choice: NewChoice = {
            kind: msg.kind,
            title: msg.item.title,
            url: msg.item.url,
            chosenTitle: msg.chosen?.title ?? null,
            chosenUrl: msg.chosen?.url ?? null,
            categoryId: a.categoryId,
            ...reduction,
            methodVersion: a.methodVersion,
          };
          const { record, duplicate } = await (await deps.ledger()).recordChoice(choice, deps.now());
          return { ok: true, data: { id: record.id, kg: record.kg, credited: record.credited, duplicate } };
        }
        case 'page-to-background:get-summary': {
          const ledger = await deps.ledger();
          const now = deps.now();
          const summary = await ledger.summary(now);
          const lang = deps.ui?.().locale ?? deps.locale;
          const categoryNames = Object.fromEntries(summary.byCategory.map((c) => [c.categoryId, categoryName(c.categoryId, lang)]));
          const data: SummaryReply = { summary, recent: await ledger.recentChoices(RECENT_LIMIT), settings, now, categoryNames };
          return { ok: true, data };
        }
        case 'page-to-background:undo':
          return { ok: true, data: { undone: await (await deps.ledger()).undoChoice(msg.id) } };
        case 'page-to-background:export': {
          const ledger = await deps.ledger();
          const exported = await ledger.exportJson(deps.now());
          return { ok: true, data: { text: msg.format === 'json' ? JSON.stringify(exported, null, 2) : toCsv(exported.choices) } };
        }
        case 'page-to-background:import':
          return { ok: true, data: await (await deps.ledger()).importJson(msg.text) };
        case 'page-to-background:delete-all':
          await (await deps.ledger()).deleteAll();
          return { ok: true, data: { deleted: true } };
        case 'page-to-background:get-sharing':
          return { ok: true, data: await deps.sharing.status() };
        case 'page-to-background:set-sharing':
          return { ok: true, data: await deps.sharing.setEnabled(msg.enabled) };
        case 'page-to-background:get-community':
          return { ok: true, data: await deps.sharing.community() };
        case 'page-to-background:get-settings':
          return { ok: true, data: settings };
        case 'page-to-background:enable-site': {
          const site = sitePattern(msg.pattern.endsWith('/*') ? msg.pattern.slice(0, -2) : '');
          if (!site.ok || site.pattern !== msg.pattern) return { ok: false, error: `Not a shop address the reader can be turned on for: ${msg.pattern.slice(0, 80)}` };
          // The page asked the browser on the shopper's click; here it is only checked, never assumed.
          if (!(await deps.extraSites.granted(site.pattern))) return { ok: false, error: `The browser has not allowed ${site.host}.` };
          const sites = [...settings.extraSites.filter((p) => p !== site.pattern), site.pattern];
          if (sites.length > MAX_EXTRA_SITES) return { ok: false, error: `At most ${MAX_EXTRA_SITES} other shops.` };
          const saved = await deps.settings.set({ extraSites: sites });
          return { ok: true, data: { extraSites: saved.extraSites, active: await syncExtraSites(saved.extraSites, deps.extraSites) } };
        }
        case 'page-to-background:disable-site': {
          const saved = await deps.settings.set({ extraSites: settings.extraSites.filter((p) => p !== msg.pattern) });
          const active = await syncExtraSites(saved.extraSites, deps.extraSites);
          if (settings.extraSites.includes(msg.pattern)) await deps.extraSites.release(msg.pattern);
          return { ok: true, data: { extraSites: saved.extraSites, active } };
        }
        case 'page-to-background:set-settings': {
          // Consent only through set-sharing (which also schedules or cancels the report); other
          // shops only through enable-site and disable-site (which check the permission).
          const { sharingEnabled: _ignored, extraSites: _sites, ...patch } = msg.patch;
          return { ok: true, data: await deps.settings.set(patch as never) };
        }
      }
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
