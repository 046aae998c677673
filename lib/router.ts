/**
 * The background's message router: checks the sender, parses the message, calls lib/ services.
 * Kept apart from entrypoints/background.ts so it is unit-tested without a browser.
 */
import { AnyMessage, type EstimateReplyItem, type Reply, type TotalsReply } from './messages';
import { estimateItem } from './carbon/estimate';
import type { Ledger } from './ledger';

export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  ledger: () => Promise<Ledger>;
  homeCountry: () => Promise<string>;
  now: () => number;
}

export function createRouter(deps: RouterDeps) {
  const fromContentScript = (s: Sender) => s.id === deps.extensionId && s.tab !== undefined;
  const fromExtensionPage = (s: Sender) =>
    s.id === deps.extensionId && typeof s.url === 'string' && s.url.startsWith(deps.extensionOrigin);

  return async function route(raw: unknown, sender: Sender): Promise<Reply<unknown>> {
    const parsed = AnyMessage.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'Invalid message.' };
    const msg = parsed.data;
    try {
      switch (msg.type) {
        case 'content-to-background:estimate': {
          if (!fromContentScript(sender)) return { ok: false, error: 'Sender not allowed.' };
          const ctx = { homeCountry: await deps.homeCountry() };
          const data: EstimateReplyItem[] = msg.items.map((item) => {
            const e = estimateItem(item, ctx);
            return {
              kg: e.kg,
              low: e.low,
              high: e.high,
              tier: e.tier,
              categoryId: e.categoryId,
              methodVersion: e.methodVersion,
              sources: e.sources.map((s) => ({ id: s.id, title: s.title, year: s.year })),
            };
          });
          return { ok: true, data };
        }
        case 'content-to-background:record-choice': {
          if (!fromContentScript(sender)) return { ok: false, error: 'Sender not allowed.' };
          // The reduction is computed here from the item, never taken from the page.
          const e = estimateItem(msg.item, { homeCountry: await deps.homeCountry() });
          const ledger = await deps.ledger();
          const { record, duplicate } = await ledger.recordChoice(
            {
              kind: msg.kind,
              title: msg.item.title,
              url: msg.item.url,
              categoryId: e.categoryId,
              kg: e.kg,
              low: e.low,
              high: e.high,
              methodVersion: e.methodVersion,
            },
            deps.now(),
          );
          return { ok: true, data: { kg: record.kg, duplicate } };
        }
        case 'popup-to-background:get-totals': {
          if (!fromExtensionPage(sender)) return { ok: false, error: 'Sender not allowed.' };
          const totals: TotalsReply = await (await deps.ledger()).totals();
          return { ok: true, data: totals };
        }
      }
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
