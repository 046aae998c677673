import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type ChoiceKind, type ChoiceRecord, type DayTotal, type LedgerSchema, type SeenItem } from './schema';
import { creditWithinCap } from './accounting';
import { addTo, contribution, emptyDay } from './day-totals';
import { guard, inTransaction, LedgerError } from './errors';
import { summarise, type Summary } from './summary';
import { exportLedger, importLedger, type ImportResult, type LedgerExport } from './transfer';

export type { ChoiceKind, ChoiceRecord, DayTotal, SeenItem } from './schema';
export type { Summary } from './summary';
export type { LedgerExport, ImportResult } from './transfer';
export { LedgerError } from './errors';

export interface NewChoice {
  kind: ChoiceKind;
  title: string;
  url: string | null;
  chosenTitle?: string | null;
  chosenUrl?: string | null;
  categoryId: string;
  kg: number;
  low: number;
  high: number;
  methodVersion: string;
}

export interface Totals {
  choices: number;
  kg: number;
  low: number;
  high: number;
}

/** Seen items are kept 30 days and at most this many (oldest dropped first). */
export const SEEN_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
export const SEEN_MAX_ITEMS = 2000;

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The same action on the same item(s) on the same day is one choice (duplicates collapse). */
export function choiceId(kind: ChoiceKind, item: { url: string | null; title: string; chosenUrl?: string | null; chosenTitle?: string | null }, day: string): string {
  const target = kind === 'switch' ? `>${item.chosenUrl ?? item.chosenTitle ?? ''}` : '';
  return `${kind}|${day}|${item.url ?? item.title}${target}`;
}

export type LedgerDb = IDBPDatabase<LedgerSchema>;

export interface Ledger {
  recordChoice(choice: NewChoice, now: number): Promise<{ record: ChoiceRecord; duplicate: boolean }>;
  undoChoice(id: string): Promise<boolean>;
  totals(): Promise<Totals>;
  /** Credited totals of the UTC days from `fromDay` (inclusive) to `toDay` (exclusive), YYYY-MM-DD. */
  totalsBetween(fromDay: string, toDay: string): Promise<Totals>;
  summary(now: number): Promise<Summary>;
  recentChoices(limit: number): Promise<ChoiceRecord[]>;
  rememberSeen(items: SeenItem[], now: number): Promise<void>;
  seenInCategory(categoryId: string, now: number, limit: number): Promise<SeenItem[]>;
  exportJson(now: number): Promise<LedgerExport>;
  importJson(text: string): Promise<ImportResult>;
  deleteAll(): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}

export async function openDatabase(): Promise<LedgerDb> {
  return guard('Opening the ledger', () =>
    openDB<LedgerSchema>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, tx) {
        // Sequential, inside the one versionchange transaction: all steps or none.
        let chain: Promise<void> = Promise.resolve();
        for (let v = oldVersion; v < DB_VERSION; v++) chain = chain.then(() => MIGRATIONS[v]!(database, tx));
        chain.catch(() => tx.abort());
        // An aborted upgrade is reported by the open request (openDB rejects, guard explains);
        // the transaction's own promise would otherwise be an unhandled rejection.
        tx.done.catch(() => undefined);
      },
    }),
  );
}

function validChoice(c: NewChoice): boolean {
  return [c.kg, c.low, c.high].every(Number.isFinite) && c.kg >= 0 && c.low >= 0 && c.low <= c.kg && c.high >= c.kg;
}

/** Opens the ledger. Call only from the extension origin (background, popup, options). */
export async function openLedger(): Promise<Ledger> {
  const db = await openDatabase();

  return {
    recordChoice: (choice, now) =>
      guard('Recording the choice', async () => {
        if (!validChoice(choice)) throw new LedgerError('A choice needs a non-negative reduction within its range.');
        const day = utcDay(now);
        const id = choiceId(choice.kind, choice, day);
        // One transaction: the choice and its day total are written together or not at all.
        const tx = db.transaction(['choices', 'dayTotals'], 'readwrite');
        return inTransaction(tx, async () => {
          const existing = await tx.objectStore('choices').get(id);
          if (existing) return { record: existing, duplicate: true };
          const totals = tx.objectStore('dayTotals');
          const dayTotal = (await totals.get(day)) ?? emptyDay(day);
          const record: ChoiceRecord = {
            id,
            kind: choice.kind,
            day,
            createdAt: now,
            title: choice.title,
            url: choice.url,
            chosenTitle: choice.chosenTitle ?? null,
            chosenUrl: choice.chosenUrl ?? null,
            categoryId: choice.categoryId,
            kg: choice.kg,
            low: choice.low,
            high: choice.high,
            credited: creditWithinCap(choice.kg, dayTotal),
            methodVersion: choice.methodVersion,
          };
          await tx.objectStore('choices').add(record);
          await totals.put(addTo(dayTotal, contribution(record)));
          return { record, duplicate: false };
        });
      }),

    undoChoice: (id) =>
      guard('Undoing the choice', async () => {
        const tx = db.transaction(['choices', 'dayTotals'], 'readwrite');
        return inTransaction(tx, async () => {
          const record = await tx.objectStore('choices').get(id);
          if (!record) return false;
          const totals = tx.objectStore('dayTotals');
          const next = addTo((await totals.get(record.day)) ?? emptyDay(record.day), contribution(record), -1);
          await tx.objectStore('choices').delete(id);
          await (next.choices <= 0 ? totals.delete(record.day) : totals.put(next));
          return true;
        });
      }),

    totals: () =>
      guard('Reading the totals', async () => {
        const days = await db.getAll('dayTotals');
        return days.reduce<Totals>(
          (acc, d) => ({ choices: acc.choices + d.choices, kg: acc.kg + d.kg, low: acc.low + d.low, high: acc.high + d.high }),
          { choices: 0, kg: 0, low: 0, high: 0 },
        );
      }),

    totalsBetween: (fromDay, toDay) =>
      guard('Reading the totals', async () => {
        const days = await db.getAll('dayTotals', IDBKeyRange.bound(fromDay, toDay, false, true));
        return days.reduce<Totals>(
          (acc, d) => ({ choices: acc.choices + d.choices, kg: acc.kg + d.kg, low: acc.low + d.low, high: acc.high + d.high }),
          { choices: 0, kg: 0, low: 0, high: 0 },
        );
      }),

    summary: (now) => guard('Reading the totals', async () => summarise(await db.getAll('choices'), now)),

    recentChoices: (limit) =>
      guard('Reading recent choices', async () => {
        const out: ChoiceRecord[] = [];
        let cursor = await db.transaction('choices').store.index('byCreatedAt').openCursor(null, 'prev');
        while (cursor && out.length < limit) {
          out.push(cursor.value);
          cursor = await cursor.continue();
        }
        return out;
      }),

    rememberSeen: (items, now) =>
      guard('Remembering seen items', async () => {
        const tx = db.transaction('seen', 'readwrite');
        await inTransaction(tx, async () => {
          for (const item of items) await tx.store.put({ ...item, lastSeen: now });
          // Bounded: drop what is older than 30 days, then the oldest beyond SEEN_MAX_ITEMS.
          let cursor = await tx.store.index('byLastSeen').openCursor(IDBKeyRange.upperBound(now - SEEN_MAX_AGE_MS));
          while (cursor) {
            await cursor.delete();
            cursor = await cursor.continue();
          }
          let excess = (await tx.store.count()) - SEEN_MAX_ITEMS;
          cursor = excess > 0 ? await tx.store.index('byLastSeen').openCursor() : null;
          while (cursor && excess-- > 0) {
            await cursor.delete();
            cursor = await cursor.continue();
          }
        });
      }),

    seenInCategory: (categoryId, now, limit) =>
      guard('Reading seen items', async () => {
        const all = await db.getAllFromIndex('seen', 'byCategory', categoryId);
        return all
          .filter((s) => s.lastSeen > now - SEEN_MAX_AGE_MS)
          .sort((a, b) => b.lastSeen - a.lastSeen)
          .slice(0, limit);
      }),

    exportJson: (now) => guard('Exporting', () => exportLedger(db, now)),
    importJson: (text) => guard('Importing', () => importLedger(db, text)),

    deleteAll: () =>
      guard('Deleting everything', async () => {
        const tx = db.transaction(['choices', 'dayTotals', 'seen', 'meta'], 'readwrite');
        await inTransaction(tx, async () => {
          for (const name of ['choices', 'dayTotals', 'seen', 'meta'] as const) await tx.objectStore(name).clear();
        });
      }),

    getMeta: <T,>(key: string) => guard('Reading settings', async () => (await db.get('meta', key)) as T | undefined),
    setMeta: (key, value) => guard('Saving settings', async () => void (await db.put('meta', value, key))),
    close: () => db.close(),
  };
}
