import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';

export type ChoiceKind = 'skip' | 'switch' | 'second_hand' | 'shipping';

export interface ChoiceRecord {
  /** Deterministic: the same action on the same item on the same day collapses into one record. */
  id: string;
  kind: ChoiceKind;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  createdAt: number;
  title: string;
  url: string | null;
  categoryId: string;
  /** Reduction credited, kg CO2e, with its 80% range. */
  kg: number;
  low: number;
  high: number;
  methodVersion: string;
}

export interface DayTotal {
  day: string;
  choices: number;
  kg: number;
  low: number;
  high: number;
}

export interface LedgerSchema extends DBSchema {
  choices: { key: string; value: ChoiceRecord; indexes: { byDay: string; byCreatedAt: number } };
  dayTotals: { key: string; value: DayTotal };
  meta: { key: string; value: unknown };
}

export const DB_NAME = 'carbon-lens';

type UpgradeTx = IDBPTransaction<LedgerSchema, StoreNames<LedgerSchema>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<LedgerSchema>, tx: UpgradeTx) => void;

/**
 * Ordered schema migrations: entry i upgrades version i to i + 1. Never edit a shipped entry;
 * append a new one (each is tested from every earlier version).
 */
export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    const choices = db.createObjectStore('choices', { keyPath: 'id' });
    choices.createIndex('byDay', 'day');
    choices.createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('dayTotals', { keyPath: 'day' });
    db.createObjectStore('meta');
  },
];

export const DB_VERSION = MIGRATIONS.length;
