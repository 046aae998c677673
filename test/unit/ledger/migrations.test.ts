import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type LedgerSchema } from '@/lib/ledger/schema';
import { openLedger } from '@/lib/ledger';
import { withNthCallFailing } from '../../helpers/failNth';

/** Builds a database as the given earlier version left it (running only the older migrations). */
async function databaseAtVersion(version: number) {
  return openDB<LedgerSchema>(DB_NAME, version, {
    upgrade(db, old, _new, tx) {
      let chain: Promise<void> = Promise.resolve();
      for (let v = old; v < version; v++) chain = chain.then(() => MIGRATIONS[v]!(db, tx));
    },
  });
}

const v1Choice = fc.record({
  n: fc.nat(100_000),
  day: fc.integer({ min: 0, max: 900 }),
  kg: fc.double({ min: 0, max: 500, noNaN: true }),
  spread: fc.double({ min: 1, max: 5, noNaN: true }),
  kind: fc.constantFrom('skip', 'switch', 'second_hand', 'shipping'),
});

describe('migrations', () => {
  it('has one migration per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  // From every earlier version: data written as v1 wrote it, carried to version `from` by the
  // older migrations, then opened by the current code.
  for (let from = 1; from < DB_VERSION; from++) {
    it(`upgrading from v${from} keeps every record and the totals (generated datasets)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(v1Choice, { selector: (r) => r.n, maxLength: 40 }), async (rows) => {
          globalThis.indexedDB = new IDBFactory();
          const old = await databaseAtVersion(1);
          const totals = { choices: 0, kg: 0, low: 0, high: 0 };
          const days = new Map<string, typeof totals>();
          for (const r of rows) {
            const day = new Date(Date.UTC(2024, 0, 1) + r.day * 86_400_000).toISOString().slice(0, 10);
            const rec = { id: `${r.kind}|${day}|u${r.n}`, kind: r.kind, day, createdAt: r.n, title: `t${r.n}`, url: `u${r.n}`, categoryId: 'c', kg: r.kg, low: r.kg / r.spread, high: r.kg * r.spread, methodVersion: '0.1.0' };
            // v1 records had no chosenTitle/chosenUrl/credited fields.
            await old.put('choices', rec as never);
            const d = days.get(day) ?? { choices: 0, kg: 0, low: 0, high: 0 };
            d.choices++; d.kg += rec.kg; d.low += rec.low; d.high += rec.high;
            days.set(day, d);
            totals.choices++; totals.kg += rec.kg; totals.low += rec.low; totals.high += rec.high;
          }
          for (const [day, d] of days) await old.put('dayTotals', { day, ...d });
          old.close();
          if (from > 1) (await databaseAtVersion(from)).close();

          const ledger = await openLedger();
          const after = await ledger.totals();
          expect(after.choices).toBe(totals.choices);
          expect(after.kg).toBeCloseTo(totals.kg, 6);
          expect(after.high).toBeCloseTo(totals.high, 6);
          const records = await ledger.recentChoices(1000);
          expect(records).toHaveLength(rows.length);
          for (const r of records) {
            expect(r.credited).toBe(r.kg);
            expect(r.chosenTitle).toBeNull();
          }
          // The migrated database has the new store.
          await ledger.rememberSeen([{ key: 'k', site: 's', title: 't', url: null, facts: { title: 't', price: null, currency: null, categoryPath: null, shipFrom: null, weightKg: null, condition: null, url: null }, categoryId: 'c', tier: 'T4', kg: 1, low: 1, high: 1, lastSeen: 0 }], 1);
          ledger.close();
        }),
        { numRuns: 30 },
      );
    });
  }

  it('an upgrade that fails part-way leaves the old database as it was, with a clear error, and the next open completes it', async () => {
    globalThis.indexedDB = new IDBFactory();
    const old = await databaseAtVersion(1);
    for (let i = 0; i < 5; i++) {
      const day = `2026-01-0${i + 1}`;
      await old.put('choices', { id: `skip|${day}|u${i}`, kind: 'skip', day, createdAt: i, title: `t${i}`, url: `u${i}`, categoryId: 'c', kg: 2, low: 1, high: 4, methodVersion: '0.1.0' } as never);
      await old.put('dayTotals', { day, choices: 1, kg: 2, low: 1, high: 4 });
    }
    old.close();
    // The v2 migration rewrites each choice with a cursor: the third rewrite fails.
    const calls = await withNthCallFailing(globalThis.IDBCursor.prototype, 'update', 3, new DOMException('The quota has been exceeded.', 'QuotaExceededError'), async () => {
      await expect(openLedger()).rejects.toThrow(/Opening the ledger.*Nothing was changed/);
    });
    expect(calls).toBe(3);
    // Still version 1, no new store, every record as v1 wrote it.
    const after = await openDB(DB_NAME);
    expect(after.version).toBe(1);
    expect(Array.from(after.objectStoreNames).sort()).toEqual(['choices', 'dayTotals', 'meta']);
    const choices = await after.getAll('choices');
    expect(choices).toHaveLength(5);
    for (const c of choices) expect(c).not.toHaveProperty('credited');
    after.close();
    // Without the fault, the upgrade runs whole.
    const ledger = await openLedger();
    expect(await ledger.totals()).toEqual({ choices: 5, kg: 10, low: 5, high: 20 });
    expect((await ledger.recentChoices(10)).every((c) => c.credited === 2)).toBe(true);
    ledger.close();
  });
});
