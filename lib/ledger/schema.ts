import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';

export type ChoiceKind = 'skip' | 'switch' | 'second_hand' | 'shipping';
export const CHOICE_KINDS: readonly ChoiceKind[] = ['skip', 'switch', 'second_hand', 'shipping'];

export interface ChoiceRecord {
  /** Deterministic: the same action on the same item on the same day collapses into one record. */
  id: string;
  kind: ChoiceKind;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  createdAt: number;
  /** The item considered (A), and for a switch the item chosen instead (B). */
  title: string;
  url: string | null;
  chosenTitle: string | null;
  chosenUrl: string | null;
  categoryId: string;
  /** Reduction as computed, kg CO2e, with its 80% range. */
  kg: number;
  low: number;
  high: number;
  /** Part of `kg` counted in the totals after the daily cap (0 <= credited <= kg). */
  credited: number;
  methodVersion: string;
}

export interface DayTotal {
  day: string;
  choices: number;
  /** Credited kg and the range scaled by the same factor. */
  kg: number;
  low: number;
  high: number;
}

/** What a page said about a seen item (the message payload), to estimate it again later. */
export interface SeenFacts {
  title: string;
  price: number | null;
  priceMax?: number | null;
  currency: string | null;
  categoryPath: string[] | null;
  shipFrom: string | null;
  weightKg: number | null;
  condition: 'new' | 'used' | 'refurbished' | null;
  url: string | null;
}

export interface SeenItem {
  /** lib/sites itemKey: url without tracking, or title|price when the page gives no url. */
  key: string;
  site: string;
  title: string;
  url: string | null;
  facts: SeenFacts;
  categoryId: string;
  tier: string;
  kg: number;
  low: number;
  high: number;
  lastSeen: number;
}

export interface LedgerSchema extends DBSchema {
  choices: { key: string; value: ChoiceRecord; indexes: { byDay: string; byCreatedAt: number } };
  dayTotals: { key: string; value: DayTotal };
  seen: { key: string; value: SeenItem; indexes: { byLastSeen: number; byCategory: string } };
  meta: { key: string; value: unknown };
}

export const DB_NAME = 'carbon-lens';

type AnyTx = IDBPTransaction<LedgerSchema, StoreNames<LedgerSchema>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<LedgerSchema>, tx: AnyTx) => void | Promise<void>;

/**
 * Ordered schema migrations: entry i upgrades version i to i + 1. Never edit a shipped entry;
 * append a new one (each is tested from every earlier version with generated data).
 */
export const MIGRATIONS: readonly Migration[] = [
  // v1 (0.1.0): choices with day totals.
  (db) => {
    const choices = db.createObjectStore('choices', { keyPath: 'id' });
    choices.createIndex('byDay', 'day');
    choices.createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('dayTotals', { keyPath: 'day' });
    db.createObjectStore('meta');
  },
  // v2: seen items for alternatives; switch targets and the daily cap on choices.
  async (db, tx) => {
    const seen = db.createObjectStore('seen', { keyPath: 'key' });
    seen.createIndex('byLastSeen', 'lastSeen');
    seen.createIndex('byCategory', 'categoryId');
    const store = tx.objectStore('choices');
    let cursor = await store.openCursor();
    while (cursor) {
      const old = cursor.value as Partial<ChoiceRecord> & ChoiceRecord;
      await cursor.update({ ...old, chosenTitle: old.chosenTitle ?? null, chosenUrl: old.chosenUrl ?? null, credited: old.credited ?? old.kg });
      cursor = await cursor.continue();
    }
  },
];

export const DB_VERSION = MIGRATIONS.length;
