/**
 * The message protocol: each message is declared once, with its direction in its name and a zod
 * schema. The background parses every message it receives; senders import only the types (zod
 * stays out of the content script bundle).
 */
import { z } from 'zod';
import type { EstimateNote } from './carbon/types';

const finite = z.number().finite();
const text = (max: number) => z.string().max(max);

export const ItemPayload = z.object({
  // Page text is clamped, never refused: one hostile tile must not switch Carbon Lens off for the page.
  title: text(200_000).transform((s) => s.slice(0, 500)),
  price: finite.positive().nullable(),
  priceMax: finite.positive().nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  categoryPath: z.array(text(10_000).transform((s) => s.slice(0, 300))).max(50).transform((p) => p.slice(0, 20)).nullable(),
  shipFrom: z.string().regex(/^[A-Z]{2}$/).nullable(),
  weightKg: finite.positive().nullable(),
  condition: z.enum(['new', 'used', 'refurbished']).nullable(),
  /** Only http(s) links are kept: a page cannot smuggle a javascript: URL into our UI. */
  url: text(100_000)
    .nullable()
    .transform((u) => (u !== null && u.length <= 4000 && /^https?:\/\//i.test(u) ? u : null)),
});
export type ItemPayload = z.infer<typeof ItemPayload>;

export const EstimatePayload = z.object({
  kg: finite.nonnegative(),
  low: finite.nonnegative(),
  high: finite.nonnegative(),
  tier: z.enum(['T1', 'T2', 'T3', 'T4']),
  categoryId: text(200),
  methodVersion: text(40),
});

/** content → background: estimate the items read on a page. */
export const ContentToBackgroundEstimate = z.object({
  type: z.literal('content-to-background:estimate'),
  site: text(40),
  kind: z.enum(['product', 'search']),
  /** lib/sites itemKey of each item (same order as items). */
  keys: z.array(text(5000)).max(500),
  items: z.array(ItemPayload).max(500),
});

/** content → background: undo a choice just recorded from the badge panel (trusted click). */
export const ContentToBackgroundUndo = z.object({ type: z.literal('content-to-background:undo'), id: z.string().min(1).max(5000) });
/** content → background: hide badges on this page (the sender's URL), a trusted click. */
export const ContentToBackgroundHidePage = z.object({ type: z.literal('content-to-background:hide-page') });
/** content → background: open the methodology page shipped in the extension. */
export const ContentToBackgroundOpenMethodology = z.object({ type: z.literal('content-to-background:open-methodology') });

export interface EstimateReply {
  /** False when the shopper turned this site off or hid badges on this page. */
  enabled: boolean;
  badgeMode: 'compact' | 'detailed';
  units: 'kg' | 'lb';
  estimates: EstimateReplyItem[];
  /** The browser's UI language and the badge's message templates (lib/i18n BADGE_KEYS). */
  locale: string;
  strings: Record<string, string>;
}

/** content → background: a trusted click on an action in the badge panel. */
export const ContentToBackgroundRecordChoice = z
  .object({
    type: z.literal('content-to-background:record-choice'),
    kind: z.enum(['skip', 'switch', 'second_hand', 'shipping']),
    item: ItemPayload,
    /** The item chosen instead (switch, shipping). */
    chosen: ItemPayload.nullable().optional(),
  })
  .refine((m) => (m.kind === 'switch' || m.kind === 'shipping') === Boolean(m.chosen), { message: 'chosen item required exactly for switch and shipping' });

/** extension page (popup, options) → background. */
export const PageToBackgroundGetSummary = z.object({ type: z.literal('page-to-background:get-summary') });
export const PageToBackgroundUndo = z.object({ type: z.literal('page-to-background:undo'), id: z.string().min(1).max(5000) });
export const PageToBackgroundExport = z.object({ type: z.literal('page-to-background:export'), format: z.enum(['json', 'csv']) });
export const PageToBackgroundImport = z.object({ type: z.literal('page-to-background:import'), text: z.string().max(25 * 1024 * 1024) });
export const PageToBackgroundDeleteAll = z.object({ type: z.literal('page-to-background:delete-all'), confirm: z.literal(true) });
export const PageToBackgroundGetSettings = z.object({ type: z.literal('page-to-background:get-settings') });
export const PageToBackgroundSetSettings = z.object({ type: z.literal('page-to-background:set-settings'), patch: z.record(z.string(), z.unknown()) });

export const PageToBackgroundGetSharing = z.object({ type: z.literal('page-to-background:get-sharing') });
export const PageToBackgroundSetSharing = z.object({ type: z.literal('page-to-background:set-sharing'), enabled: z.boolean() });
export const PageToBackgroundGetCommunity = z.object({ type: z.literal('page-to-background:get-community') });
/** Other shops (lib/extra-sites): turn the reader on (after the page got the permission) or off. */
export const PageToBackgroundEnableSite = z.object({ type: z.literal('page-to-background:enable-site'), pattern: z.string().min(1).max(320) });
export const PageToBackgroundDisableSite = z.object({ type: z.literal('page-to-background:disable-site'), pattern: z.string().min(1).max(320) });

export const AnyMessage = z.discriminatedUnion('type', [
  PageToBackgroundGetSharing,
  PageToBackgroundSetSharing,
  PageToBackgroundGetCommunity,
  PageToBackgroundEnableSite,
  PageToBackgroundDisableSite,
  ContentToBackgroundEstimate,
  ContentToBackgroundRecordChoice,
  ContentToBackgroundUndo,
  ContentToBackgroundHidePage,
  ContentToBackgroundOpenMethodology,
  PageToBackgroundGetSummary,
  PageToBackgroundUndo,
  PageToBackgroundExport,
  PageToBackgroundImport,
  PageToBackgroundDeleteAll,
  PageToBackgroundGetSettings,
  PageToBackgroundSetSettings,
]);
export type AnyMessage = z.infer<typeof AnyMessage>;
export type ContentToBackgroundEstimate = z.infer<typeof ContentToBackgroundEstimate>;
export type ContentToBackgroundRecordChoice = z.infer<typeof ContentToBackgroundRecordChoice>;

/** Every answer is either ok with data or an error with a message the UI can show. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export interface SuggestionReply {
  kind: 'item' | 'second_hand' | 'local' | 'slow_shipping';
  title: string | null;
  url: string | null;
  /** Saving, kg CO2e with its range, and as a share of the item's estimate. */
  kg: number;
  low: number;
  high: number;
  share: number;
  chosen: ItemPayload | null;
}

export interface EstimateReplyItem {
  kg: number;
  low: number;
  high: number;
  tier: 'T1' | 'T2' | 'T3' | 'T4';
  categoryId: string;
  categoryName: string;
  categoryMatch: { by: 'breadcrumb' | 'title' | 'none'; keyword: string | null };
  breakdown: { stage: 'production' | 'shipping' | 'packaging' | 'use'; kg: number }[];
  notes: EstimateNote[];
  methodVersion: string;
  sources: { id: string; title: string; year: number; unit?: string }[];
  comparison: 'lower' | 'typical' | 'higher' | null;
  suggestions: SuggestionReply[];
}

export interface SummaryReply {
  summary: import('./ledger/summary').Summary;
  recent: import('./ledger/schema').ChoiceRecord[];
  settings: import('./settings').Settings;
  now: number;
  /** Names of the categories in summary.byCategory, in the UI language. */
  categoryNames: Record<string, string>;
}
