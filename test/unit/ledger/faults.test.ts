import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { openLedger, LedgerError, type Ledger, type NewChoice, type SeenItem } from '@/lib/ledger';
import { DB_NAME } from '@/lib/ledger/schema';

/**
 * IndexedDB fault injection: every write of every ledger operation is failed in turn, in three
 * ways a browser fails them, and the database must be exactly as it was before the operation.
 *
 * - quota: the write request itself fails with QuotaExceededError (asynchronously, as a request
 *   does when the origin is over its quota): the request's error event aborts the transaction;
 * - abort: the transaction is aborted right after the write is queued (what the browser does when
 *   the worker or the page goes away mid-transaction): the pending request fails with AbortError;
 * - commit: every request succeeds, then the transaction aborts with QuotaExceededError instead of
 *   committing (Chrome checks quota when it commits).
 */
type Fault = 'quota' | 'abort' | 'commit';
const WRITES = ['put', 'add', 'delete', 'clear'] as const;
// The raw (in-memory) store method each write runs when its request executes.
const RAW_OP: Record<(typeof WRITES)[number], string> = { put: 'storeRecord', add: 'storeRecord', delete: 'deleteRecord', clear: 'clear' };

type Proto = Record<string, (...a: unknown[]) => unknown>;
const proto = globalThis.IDBObjectStore.prototype as unknown as Proto;
const originals = Object.fromEntries(WRITES.map((m) => [m, proto[m]!]));
let writes = 0;

/** Counts writes from now on and fails the `nth` one with `fault`. */
function inject(nth: number, fault: Fault) {
  writes = 0;
  for (const m of WRITES) {
    proto[m] = function (this: { transaction: { abort(): void; _abort(name: string): void }; _rawObjectStore: Record<string, unknown> }, ...args: unknown[]) {
      if (++writes !== nth) return originals[m]!.apply(this, args);
      if (fault === 'quota') {
        // One-shot: the request's operation throws when it runs; rollbacks use the method again.
        const raw = this._rawObjectStore;
        const op = RAW_OP[m];
        raw[op] = () => {
          delete raw[op];
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        return originals[m]!.apply(this, args);
      }
      const request = originals[m]!.apply(this, args) as EventTarget;
      if (fault === 'abort') this.transaction.abort();
      else request.addEventListener('success', () => queueMicrotask(() => this.transaction._abort('QuotaExceededError')));
      return request;
    } as Proto[string];
  }
}

function restore() {
  for (const m of WRITES) proto[m] = originals[m]!;
}

/** Every record of every store, with its key. */
async function snapshot() {
  const db = await openDB(DB_NAME);
  const out: Record<string, [unknown, unknown][]> = {};
  for (const name of Array.from(db.objectStoreNames)) {
    const tx = db.transaction(name);
    const keys = await tx.store.getAllKeys();
    const values = await tx.store.getAll();
    out[name] = keys.map((k, i) => [k, values[i]]);
  }
  db.close();
  return out;
}

const T0 = Date.UTC(2026, 10, 20, 12);
const choice = (i: number, over: Partial<NewChoice> = {}): NewChoice => ({
  kind: i % 2 ? 'switch' : 'skip',
  title: `item ${i}`,
  url: `https://shop.example/p/${i}`,
  chosenTitle: i % 2 ? `other ${i}` : null,
  chosenUrl: i % 2 ? `https://shop.example/p/${i}b` : null,
  categoryId: 'monitors',
  kg: 10 + i,
  low: 5 + i,
  high: 20 + i,
  methodVersion: 'test',
  ...over,
});
const seen = (i: number): SeenItem => ({
  key: `https://shop.example/s/${i}`,
  site: 'amazon',
  title: `seen ${i}`,
  url: `https://shop.example/s/${i}`,
  facts: { title: `seen ${i}`, price: 100 + i, currency: 'USD', categoryPath: null, shipFrom: null, weightKg: null, condition: null, url: `https://shop.example/s/${i}` },
  categoryId: 'monitors',
  tier: 'spend',
  kg: 50 + i,
  low: 25,
  high: 100 + i,
  lastSeen: T0,
});

/** A ledger with two choices on one day, one on another, seen items and a setting. */
async function populated(): Promise<{ ledger: Ledger; exportText: string }> {
  const ledger = await openLedger();
  await ledger.recordChoice(choice(1), T0);
  await ledger.recordChoice(choice(2), T0);
  await ledger.recordChoice(choice(3), T0 + 86_400_000);
  await ledger.rememberSeen([seen(1), seen(2)], T0);
  await ledger.setMeta('sharing', { optedIn: false });
  // Its own export, for the import (into the emptied ledger).
  return { ledger, exportText: JSON.stringify(await ledger.exportJson(T0)) };
}

interface Operation {
  name: string;
  /** Unfaulted, before the snapshot. */
  setup?: (l: Ledger) => Promise<void>;
  run: (l: Ledger, exportText: string) => Promise<unknown>;
  /** Writes the operation makes at least (each failed once in turn). */
  minWrites?: number;
  /** What the operation, run whole, must have done. */
  whole?: (l: Ledger) => Promise<void>;
}

const OPERATIONS: Operation[] = [
  { name: 'recording a new choice', run: (l) => l.recordChoice(choice(4), T0) },
  { name: 'undoing a choice that shares its day', run: async (l) => l.undoChoice((await l.recentChoices(10)).find((c) => c.title === 'item 1')!.id) },
  { name: 'undoing the only choice of its day', run: async (l) => l.undoChoice((await l.recentChoices(10)).find((c) => c.title === 'item 3')!.id) },
  { name: 'remembering seen items', run: (l) => l.rememberSeen([seen(3), seen(1), seen(4)], T0 + 1000) },
  { name: 'saving a setting', run: (l) => l.setMeta('sharing', { optedIn: true }) },
  { name: 'deleting everything', run: (l) => l.deleteAll() },
  // Three choices and their two day totals: several writes, each of them failed once.
  { name: 'importing a three-choice export into an empty ledger', setup: (l) => l.deleteAll(), run: (l, text) => l.importJson(text), minWrites: 5, whole: async (l) => expect((await l.totals()).choices).toBe(3) },
];

const MESSAGE: Record<Fault, RegExp> = {
  quota: /storage for Carbon Lens is full\. Nothing was changed/,
  abort: /interrupted and rolled back\. Nothing was changed/,
  commit: /storage for Carbon Lens is full\. Nothing was changed/,
};

describe('IndexedDB faults leave no partial write and say so', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(restore);

  for (const op of OPERATIONS) {
    for (const fault of ['quota', 'abort', 'commit'] as const) {
      it(`${op.name}: ${fault} at every write`, async () => {
        const { ledger, exportText } = await populated();
        await op.setup?.(ledger);
        const before = await snapshot();
        let failedAt = 0;
        // Fail write 1, then 2, ... until the operation makes fewer writes than that.
        for (let nth = 1; nth < 50; nth++) {
          inject(nth, fault);
          const outcome = await op.run(ledger, exportText).then(
            () => 'ok',
            (err: unknown) => err,
          );
          const made = writes;
          restore();
          if (made < nth) {
            // The fault never fired: the operation ran whole, and it did change the database.
            expect(outcome).toBe('ok');
            expect(await snapshot()).not.toEqual(before);
            await op.whole?.(ledger);
            break;
          }
          failedAt = nth;
          expect(outcome).toBeInstanceOf(LedgerError);
          expect((outcome as Error).message).toMatch(MESSAGE[fault]);
          expect(await snapshot()).toEqual(before);
        }
        // Every operation here writes at least once, and the loop ended on a whole run (the
        // ledger stays usable after its faults), not at the bound.
        expect(failedAt).toBeGreaterThanOrEqual(op.minWrites ?? 1);
        expect(failedAt).toBeLessThan(49);
      });
    }
  }
});
