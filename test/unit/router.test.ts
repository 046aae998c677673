import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type Sender } from '@/lib/router';
import { openLedger, type Ledger } from '@/lib/ledger';
import type { EstimateReplyItem, ItemPayload, Reply, TotalsReply } from '@/lib/messages';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const content: Sender = { id: ID, tab: { id: 1 }, url: 'https://www.amazon.com/dp/B07SRDX1Z1' };
const popup: Sender = { id: ID, url: `${ORIGIN}popup.html` };

const monitor: ItemPayload = {
  title: 'ViewSonic VX3276-4K-MHD 32 Inch 4K Monitor',
  price: 259.99,
  priceMax: null,
  currency: 'USD',
  categoryPath: ['Electronics', 'Computers & Accessories', 'Monitors'],
  shipFrom: null,
  weightKg: null,
  condition: null,
  url: 'https://www.amazon.com/dp/B07SRDX1Z1',
};

describe('background router', () => {
  let ledger: Promise<Ledger>;
  let route: ReturnType<typeof createRouter>;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    ledger = openLedger();
    route = createRouter({
      extensionId: ID,
      extensionOrigin: ORIGIN,
      ledger: () => ledger,
      homeCountry: async () => 'US',
      now: () => Date.UTC(2026, 10, 28),
    });
  });

  it('estimates items from a content script', async () => {
    const reply = (await route({ type: 'content-to-background:estimate', site: 'amazon', items: [monitor] }, content)) as Reply<EstimateReplyItem[]>;
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.data).toHaveLength(1);
    const [e] = reply.data;
    expect(e!.kg).toBeGreaterThan(0);
    expect(e!.low).toBeLessThanOrEqual(e!.kg);
    expect(e!.high).toBeGreaterThanOrEqual(e!.kg);
    expect(e!.sources.length).toBeGreaterThan(0);
  });

  it('records a skip computed from the item, and the popup reads the total', async () => {
    const est = (await route({ type: 'content-to-background:estimate', site: 'amazon', items: [monitor] }, content)) as Reply<EstimateReplyItem[]>;
    const rec = (await route({ type: 'content-to-background:record-choice', kind: 'skip', item: monitor }, content)) as Reply<{ kg: number }>;
    expect(rec.ok && est.ok && rec.data.kg).toBe(est.ok && est.data[0]!.kg);
    const totals = (await route({ type: 'popup-to-background:get-totals' }, popup)) as Reply<TotalsReply>;
    expect(totals.ok && totals.data.choices).toBe(1);
  });

  it('refuses other senders and malformed messages, writing nothing', async () => {
    const stranger: Sender = { id: 'someone-else', tab: { id: 1 } };
    expect(await route({ type: 'content-to-background:record-choice', kind: 'skip', item: monitor }, stranger)).toEqual({ ok: false, error: 'Sender not allowed.' });
    // A web page (no tab context from our content script, wrong origin) cannot read totals.
    expect((await route({ type: 'popup-to-background:get-totals' }, { id: ID, url: 'https://evil.example/' })).ok).toBe(false);
    // Record-choice must come from a content script, not a page pretending to be the popup.
    expect((await route({ type: 'content-to-background:record-choice', kind: 'skip', item: monitor }, popup)).ok).toBe(false);
    for (const bad of [null, 42, 'x', {}, { type: 'nope' }, { type: 'content-to-background:record-choice', kind: 'skip', item: { ...monitor, price: 'free' } }]) {
      expect(await route(bad, content)).toEqual({ ok: false, error: 'Invalid message.' });
    }
    expect((await (await ledger).totals()).choices).toBe(0);
  });
});
