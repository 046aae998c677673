import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { avoided, difference, creditWithinCap, DAILY_CAP_KG, DAILY_CAP_CHOICES } from '@/lib/ledger/accounting';
import { openLedger, SEEN_MAX_ITEMS, type NewChoice, type SeenItem } from '@/lib/ledger';
import { weekStart } from '@/lib/ledger/summary';

const T0 = Date.UTC(2026, 10, 25, 12); // a Wednesday
const DAY = 86_400_000;

describe('accounting rules', () => {
  it('skip credits the avoided item with its range', () => {
    expect(avoided({ kg: 10, low: 5, high: 20 })).toEqual({ kg: 10, low: 5, high: 20 });
  });
  it('switch credits A − B only when positive, with a combined range', () => {
    const r = difference({ kg: 10, low: 7, high: 14 }, { kg: 4, low: 3, high: 8 });
    expect(r.kg).toBe(6);
    expect(r.low).toBeCloseTo(6 - Math.hypot(3, 4));
    expect(r.high).toBeCloseTo(6 + Math.hypot(4, 1));
    expect(difference({ kg: 4, low: 3, high: 5 }, { kg: 10, low: 7, high: 14 })).toEqual({ kg: 0, low: 0, high: 0 });
    expect(difference({ kg: 5, low: 4, high: 6 }, { kg: 5, low: 4, high: 6 }).kg).toBe(0);
  });
  it('never returns NaN or negatives', () => {
    expect(avoided({ kg: Number.NaN, low: 1, high: 2 })).toEqual({ kg: 0, low: 0, high: 0 });
    expect(difference({ kg: 10, low: 1, high: Number.POSITIVE_INFINITY }, { kg: 1, low: 1, high: 1 })).toEqual({ kg: 0, low: 0, high: 0 });
  });
  it('the daily cap limits credited kg and choices', () => {
    expect(creditWithinCap(100, { choices: 0, kg: 0 })).toBe(100);
    expect(creditWithinCap(100, { choices: 3, kg: DAILY_CAP_KG - 30 })).toBe(30);
    expect(creditWithinCap(100, { choices: DAILY_CAP_CHOICES, kg: 0 })).toBe(0);
  });
});

const c = (i: number, over: Partial<NewChoice> = {}): NewChoice => ({
  kind: 'skip',
  title: `t${i}`,
  url: `https://s.example/${i}`,
  categoryId: i % 2 ? 'monitors' : 'books',
  kg: 10,
  low: 5,
  high: 20,
  methodVersion: 'test',
  ...over,
});

describe('ledger totals, cap, undo, seen items', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('runaway clicking is capped per day; the next day counts again', async () => {
    const ledger = await openLedger();
    for (let i = 0; i < 80; i++) await ledger.recordChoice(c(i, { kg: 40, low: 20, high: 80 }), T0);
    const capped = await ledger.totals();
    expect(capped.kg).toBeLessThanOrEqual(DAILY_CAP_KG);
    expect(capped.choices).toBe(80); // every choice is kept, only the credit is capped
    await ledger.recordChoice(c(999, { kg: 40, low: 20, high: 80 }), T0 + DAY);
    expect((await ledger.totals()).kg).toBeCloseTo(capped.kg + 40);
  });

  it('undo removes a choice and exactly its share of the totals', async () => {
    const ledger = await openLedger();
    const a = await ledger.recordChoice(c(1), T0);
    await ledger.recordChoice(c(2, { kg: 3, low: 1, high: 6 }), T0);
    expect(await ledger.undoChoice(a.record.id)).toBe(true);
    expect(await ledger.totals()).toEqual({ choices: 1, kg: 3, low: 1, high: 6 });
    expect(await ledger.undoChoice(a.record.id)).toBe(false);
    expect((await ledger.recentChoices(5)).map((r) => r.title)).toEqual(['t2']);
  });

  it('summarises by period, kind, category and week', async () => {
    const ledger = await openLedger();
    await ledger.recordChoice(c(1), T0); // this week
    await ledger.recordChoice(c(2, { kind: 'switch', chosenTitle: 'b', chosenUrl: 'u' }), T0 - 10 * DAY); // earlier this month? Nov 15
    await ledger.recordChoice(c(3), Date.UTC(2026, 0, 5)); // this year
    await ledger.recordChoice(c(4), Date.UTC(2025, 5, 5)); // last year
    const s = await ledger.summary(T0);
    expect([s.week.choices, s.month.choices, s.year.choices, s.all.choices]).toEqual([1, 2, 3, 4]);
    expect(s.byKind.switch.choices).toBe(1);
    expect(s.byKind.skip.kg).toBe(30);
    expect(s.byCategory.map((x) => x.categoryId).sort()).toEqual(['books', 'monitors']);
    expect(s.perWeek).toHaveLength(12);
    expect(s.perWeek.at(-1)!.start).toBe('2026-11-23');
    expect(s.perWeek.at(-1)!.amount.choices).toBe(1);
    expect(s.perWeek.reduce((n, w) => n + w.amount.choices, 0)).toBe(2);
    expect(new Date(weekStart(T0)).getUTCDay()).toBe(1);
  });

  it('keeps seen items bounded and for 30 days', async () => {
    const ledger = await openLedger();
    const seen = (i: number): SeenItem => ({ key: `k${i}`, site: 'amazon', title: `s${i}`, url: null, facts: { title: `s${i}`, price: i, currency: 'USD', categoryPath: null, shipFrom: null, weightKg: null, condition: null, url: null }, categoryId: 'monitors', tier: 'T4', kg: i, low: i / 2, high: i * 2, lastSeen: 0 });
    await ledger.rememberSeen([seen(1)], T0 - 40 * DAY);
    await ledger.rememberSeen([seen(2), seen(3)], T0 - DAY);
    await ledger.rememberSeen([seen(4)], T0);
    expect((await ledger.seenInCategory('monitors', T0, 10)).map((s) => s.key)).toEqual(['k4', 'k2', 'k3']);
    await ledger.rememberSeen(Array.from({ length: SEEN_MAX_ITEMS + 10 }, (_, i) => seen(100 + i)), T0 + 1);
    expect((await ledger.seenInCategory('monitors', T0 + 1, 10_000)).length).toBe(SEEN_MAX_ITEMS);
  });
});
