import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openLedger, choiceId, utcDay, LedgerError, type NewChoice } from '@/lib/ledger';

const skip = (over: Partial<NewChoice> = {}): NewChoice => ({
  kind: 'skip',
  title: 'ViewSonic 32" monitor',
  url: 'https://www.amazon.com/dp/B07SRDX1Z1',
  categoryId: 'monitors',
  kg: 30,
  low: 15,
  high: 60,
  methodVersion: 'test',
  ...over,
});

const DAY1 = Date.UTC(2026, 10, 28, 10);
const DAY2 = Date.UTC(2026, 10, 29, 10);

describe('ledger', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('starts empty', async () => {
    const ledger = await openLedger();
    expect(await ledger.totals()).toEqual({ choices: 0, kg: 0, low: 0, high: 0 });
  });

  it('records a skip and its range in the totals', async () => {
    const ledger = await openLedger();
    const { record, duplicate } = await ledger.recordChoice(skip(), DAY1);
    expect(duplicate).toBe(false);
    expect(record.day).toBe('2026-11-28');
    expect(await ledger.totals()).toEqual({ choices: 1, kg: 30, low: 15, high: 60 });
  });

  it('collapses the same action on the same item on the same day', async () => {
    const ledger = await openLedger();
    await ledger.recordChoice(skip(), DAY1);
    const again = await ledger.recordChoice(skip(), DAY1 + 3600_000);
    expect(again.duplicate).toBe(true);
    expect((await ledger.totals()).choices).toBe(1);
    await ledger.recordChoice(skip(), DAY2);
    expect(await ledger.totals()).toEqual({ choices: 2, kg: 60, low: 30, high: 120 });
  });

  it('survives closing and reopening (what a service-worker restart does)', async () => {
    const first = await openLedger();
    await first.recordChoice(skip({ url: 'https://a.example/1' }), DAY1);
    await first.recordChoice(skip({ url: 'https://a.example/2', kg: 5, low: 2, high: 9 }), DAY1);
    first.close();
    const second = await openLedger();
    expect(await second.totals()).toEqual({ choices: 2, kg: 35, low: 17, high: 69 });
  });

  it('rejects a negative or inverted reduction and writes nothing', async () => {
    const ledger = await openLedger();
    await expect(ledger.recordChoice(skip({ kg: -1 }), DAY1)).rejects.toBeInstanceOf(LedgerError);
    await expect(ledger.recordChoice(skip({ low: 70 }), DAY1)).rejects.toBeInstanceOf(LedgerError);
    await expect(ledger.recordChoice(skip({ kg: Number.NaN }), DAY1)).rejects.toBeInstanceOf(LedgerError);
    expect((await ledger.totals()).choices).toBe(0);
  });

  it('derives ids from kind, day and item', () => {
    expect(choiceId('skip', { url: null, title: 'T' }, '2026-01-02')).toBe('skip|2026-01-02|T');
    expect(choiceId('skip', { url: 'u', title: 'T' }, '2026-01-02')).not.toBe(choiceId('switch', { url: 'u', title: 'T' }, '2026-01-02'));
    expect(utcDay(DAY2)).toBe('2026-11-29');
  });
});
