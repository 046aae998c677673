import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type ChoiceKind, type ChoiceRecord, type DayTotal, type LedgerSchema } from './schema';

export type { ChoiceKind, ChoiceRecord, DayTotal } from './schema';

export interface NewChoice {
  kind: ChoiceKind;
  title: string;
  url: string | null;
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

export class LedgerError extends Error {
  override name = 'LedgerError';
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The same action on the same item on the same day is one choice (duplicates collapse). */
export function choiceId(kind: ChoiceKind, item: { url: string | null; title: string }, day: string): string {
  return `${kind}|${day}|${item.url ?? item.title}`;
}

export interface Ledger {
  recordChoice(choice: NewChoice, now: number): Promise<{ record: ChoiceRecord; duplicate: boolean }>;
  totals(): Promise<Totals>;
  close(): void;
}

/** Opens the ledger. Call only from the extension origin (background, popup, options). */
export async function openLedger(): Promise<Ledger> {
  const db: IDBPDatabase<LedgerSchema> = await openDB<LedgerSchema>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(database, tx);
    },
  });

  return {
    async recordChoice(choice, now) {
      if (!(choice.kg >= 0 && choice.low >= 0 && choice.high >= choice.low)) {
        throw new LedgerError('A choice needs a non-negative reduction and a range.');
      }
      const day = utcDay(now);
      const record: ChoiceRecord = { ...choice, id: choiceId(choice.kind, choice, day), day, createdAt: now };
      // One transaction: the choice and its day total are written together or not at all.
      const tx = db.transaction(['choices', 'dayTotals'], 'readwrite');
      const existing = await tx.objectStore('choices').get(record.id);
      if (existing) {
        await tx.done;
        return { record: existing, duplicate: true };
      }
      const totals = tx.objectStore('dayTotals');
      const day0: DayTotal = (await totals.get(day)) ?? { day, choices: 0, kg: 0, low: 0, high: 0 };
      await tx.objectStore('choices').add(record);
      await totals.put({
        day,
        choices: day0.choices + 1,
        kg: day0.kg + record.kg,
        low: day0.low + record.low,
        high: day0.high + record.high,
      });
      await tx.done;
      return { record, duplicate: false };
    },
    async totals() {
      const days = await db.getAll('dayTotals');
      return days.reduce<Totals>(
        (acc, d) => ({ choices: acc.choices + d.choices, kg: acc.kg + d.kg, low: acc.low + d.low, high: acc.high + d.high }),
        { choices: 0, kg: 0, low: 0, high: 0 },
      );
    },
    close: () => db.close(),
  };
}
