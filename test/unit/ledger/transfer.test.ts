import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openLedger, LedgerError, type NewChoice } from '@/lib/ledger';
import { csvCell, toCsv, parseExport, MAX_IMPORT_BYTES } from '@/lib/ledger/transfer';
import { withNthCallFailing } from '../../helpers/failNth';

const T0 = Date.UTC(2026, 10, 2, 12);
const DAY = 86_400_000;
const choice = (i: number, over: Partial<NewChoice> = {}): NewChoice => ({
  kind: (['skip', 'switch', 'second_hand', 'shipping'] as const)[i % 4]!,
  title: `item ${i}`,
  url: `https://shop.example/p/${i}`,
  chosenTitle: i % 4 === 1 ? `other ${i}` : null,
  chosenUrl: i % 4 === 1 ? `https://shop.example/p/${i}b` : null,
  categoryId: i % 3 ? 'monitors' : 'books',
  kg: 1 + i,
  low: 0.5 + i / 2,
  high: 2 + 2 * i,
  methodVersion: 'test',
  ...over,
});

describe('export / import', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('export → delete → import gives identical totals, and re-import adds nothing', async () => {
    const ledger = await openLedger();
    for (let i = 0; i < 30; i++) await ledger.recordChoice(choice(i), T0 + (i % 7) * DAY);
    const before = await ledger.totals();
    const summaryBefore = await ledger.summary(T0 + 7 * DAY);
    const json = JSON.stringify(await ledger.exportJson(T0));
    await ledger.deleteAll();
    expect((await ledger.totals()).choices).toBe(0);
    expect(await ledger.importJson(json)).toEqual({ added: 30, alreadyPresent: 0 });
    expect(await ledger.totals()).toEqual(before);
    expect(await ledger.summary(T0 + 7 * DAY)).toEqual(summaryBefore);
    expect(await ledger.importJson(json)).toEqual({ added: 0, alreadyPresent: 30 });
    expect(await ledger.totals()).toEqual(before);
  });

  it('corrupt, truncated, hostile and oversized files give a clear error and change nothing', async () => {
    const ledger = await openLedger();
    await ledger.recordChoice(choice(1), T0);
    const good = JSON.stringify(await ledger.exportJson(T0));
    const before = await ledger.totals();
    const bad = [
      '',
      good.slice(0, good.length / 2),
      '{"format":"something-else","version":1,"exportedAt":"x","choices":[]}',
      good.replace('"kg":2', '"kg":-5'),
      good.replace('"kg":2', '"kg":"2"'),
      good.replace('"version":1', '"version":99'),
      '{"__proto__":{"polluted":true},"format":"carbon-lens-ledger"}',
      JSON.stringify({ ...JSON.parse(good), choices: [...JSON.parse(good).choices, ...JSON.parse(good).choices] }),
      'x'.repeat(MAX_IMPORT_BYTES + 1),
    ];
    for (const text of bad) {
      await expect(ledger.importJson(text)).rejects.toBeInstanceOf(LedgerError);
      await expect(ledger.importJson(text)).rejects.toThrow(/Nothing was imported/);
    }
    expect(await ledger.totals()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a failure part-way through an import rolls the whole import back', async () => {
    const ledger = await openLedger();
    const other = await openLedger();
    for (let i = 0; i < 5; i++) await other.recordChoice(choice(i), T0);
    const json = JSON.stringify(await other.exportJson(T0));
    await other.deleteAll();
    await withNthCallFailing(globalThis.IDBObjectStore.prototype, 'add', 3, new DOMException('quota', 'QuotaExceededError'), async () => {
      await expect(ledger.importJson(json)).rejects.toThrow(/storage for Carbon Lens is full/);
    });
    expect((await ledger.totals()).choices).toBe(0);
    expect(await ledger.recentChoices(10)).toEqual([]);
  });

  it('fast-check: any valid export round-trips losslessly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ i: fc.nat(1000), day: fc.nat(400) }), { maxLength: 25 }), async (rows) => {
        globalThis.indexedDB = new IDBFactory();
        const ledger = await openLedger();
        for (const r of rows) await ledger.recordChoice(choice(r.i), T0 - r.day * DAY);
        const exported = await ledger.exportJson(T0);
        const copy = parseExport(JSON.stringify(exported));
        expect(copy).toEqual(exported);
        ledger.close();
      }),
      { numRuns: 25 },
    );
  });
});

describe('CSV export', () => {
  it('neutralises spreadsheet formulas and quotes every cell', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe(`"'+1+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell(-2)).toBe('"-2"');
    expect(csvCell('plain, "quoted"')).toBe('"plain, ""quoted"""');
    expect(csvCell(null)).toBe('""');
  });
  it('writes a header and one row per choice', () => {
    const csv = toCsv([
      { id: 'a', kind: 'skip', day: '2026-11-02', createdAt: 1, title: '=cmd', url: null, chosenTitle: null, chosenUrl: null, categoryId: 'x', kg: 2, low: 1, high: 3, credited: 2, methodVersion: 'v' },
    ]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('day,kind,title,url,chosenTitle,chosenUrl,categoryId,kg,low,high,credited,methodVersion');
    expect(lines[1]).toContain(`"'=cmd"`);
    expect(lines).toHaveLength(2);
  });
});
