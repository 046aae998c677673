/**
 * The background's message router: checks the sender, parses the message, calls lib/ services.
 * Kept apart from entrypoints/background.ts so it is unit-tested without a browser.
 */
import { AnyMessage, type ContentToBackgroundRecordChoice, type EstimateReply, type EstimateReplyItem, type ItemPayload, type Reply, type SummaryReply } from './messages';
import { estimateItem } from './carbon/estimate';
import type { Estimate } from './carbon/types';
import type { Ledger, NewChoice } from './ledger';
import { avoided, difference, type Reduction } from './ledger/accounting';
import { toCsv } from './ledger/transfer';
import { effectiveHomeCountry, type SettingsStore } from './settings';

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
}

const RECENT_LIMIT = 10;

function toReplyItem(e: Estimate): EstimateReplyItem {
  return {
    kg: e.kg,
    low: e.low,
    high: e.high,
    tier: e.tier,
    categoryId: e.categoryId,
    methodVersion: e.methodVersion,
    sources: e.sources.map((s) => ({ id: s.id, title: s.title, year: s.year })),
  };
}

function stage(e: Estimate, name: 'shipping'): { kg: number; low: number; high: number } {
  const kg = e.breakdown.find((b) => b.stage === name)?.kg ?? 0;
  // A stage's range is taken as the estimate's relative range (the method gives no separate one).
  return { kg, low: e.kg > 0 ? (kg * e.low) / e.kg : 0, high: e.kg > 0 ? (kg * e.high) / e.kg : 0 };
}

/** What a choice is worth (lib/ledger/accounting), from estimates made here, never from the page. */
export function reductionFor(msg: ContentToBackgroundRecordChoice, estimate: (i: ItemPayload) => Estimate): { reduction: Reduction; a: Estimate } {
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
      const estimate = (item: ItemPayload) => estimateItem(item, ctx);
      switch (msg.type) {
        case 'content-to-background:estimate': {
          const pageUrl = typeof sender.url === 'string' ? sender.url.split('#')[0]! : '';
          const enabled = settings.sites[msg.site] !== false && !settings.hiddenPages.includes(pageUrl);
          const data: EstimateReply = {
            enabled,
            badgeMode: settings.badgeMode,
            estimates: enabled ? msg.items.map((item) => toReplyItem(estimate(item))) : [],
          };
          return { ok: true, data };
        }
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
          const data: SummaryReply = { summary: await ledger.summary(now), recent: await ledger.recentChoices(RECENT_LIMIT), settings, now };
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
        case 'page-to-background:get-settings':
          return { ok: true, data: settings };
        case 'page-to-background:set-settings':
          return { ok: true, data: await deps.settings.set(msg.patch as never) };
      }
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
