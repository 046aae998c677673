/** The estimation contract shared by the background, the CLI and the UI. */
export type Tier = 'T1' | 'T2' | 'T3' | 'T4';
export type Stage = 'production' | 'shipping' | 'packaging' | 'use';
export type ShipMode = 'air' | 'sea' | 'rail' | 'road';

export interface ItemInput {
  title: string;
  categoryPath?: string[] | null;
  price?: number | null;
  currency?: string | null;
  weightKg?: number | null;
  /** ISO 3166-1 alpha-2. */
  shipFrom?: string | null;
  condition?: 'new' | 'used' | 'refurbished' | null;
  /** A footprint the brand publishes on the page (kg CO2e per item), when there is one. */
  publishedKg?: number | null;
  /** Freight mode when the page states it (e.g. "sea freight"); cross-border default is air. */
  shipMode?: ShipMode | null;
}

export interface EstimateContext {
  /** Shopper's country, ISO 3166-1 alpha-2 (drives shipping distance). */
  homeCountry: string;
}

export interface Source {
  id: string;
  title: string;
  year: number;
  unit?: string;
  url?: string;
}

export interface Estimate {
  /** Central estimate, kg CO2e per item. */
  kg: number;
  /** 80% interval. */
  low: number;
  high: number;
  tier: Tier;
  categoryId: string;
  breakdown: { stage: Stage; kg: number }[];
  sources: Source[];
  methodVersion: string;
  /** Display name of the category (English). */
  categoryName?: string;
  /** How the category was found: breadcrumb, title, or none (unknown). */
  categoryMatch?: { by: 'breadcrumb' | 'title' | 'none'; keyword: string | null };
  /** Notes on assumptions (typical weight assumed, currency unknown, ...), shown in the UI's language. */
  notes?: EstimateNote[];
}

/** The notes an estimate can carry: each is the message `note_<key>` of public/_locales. */
export const NOTE_KEYS = ['sizeFromTitle', 'priceUnusable', 'brandPublished', 'typicalWeight', 'categoryUnknown', 'secondHand', 'conditionAdeme', 'crossBorder', 'noCentroid'] as const;
export type NoteKey = (typeof NOTE_KEYS)[number];
/**
 * One value in a note: text shown as it is, a whole number (formatted in the UI's locale), a mass
 * in kg (shown in the display unit), or a message key the UI translates (`{ key: 'mode_sea' }`).
 */
export type NoteArg = string | number | { kg: number } | { key: string };
export interface EstimateNote {
  key: NoteKey;
  args: NoteArg[];
}
