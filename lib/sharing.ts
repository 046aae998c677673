/**
 * The extension side of opt-in sharing (docs/PRIVACY.md): when to build the weekly report, when
 * to send it, what to keep. The building blocks (buckets, randomized response, payload, sender,
 * backoff) are lib/share; this module wires them to settings, the ledger, storage and alarms.
 *
 * - Nothing happens unless settings.sharingEnabled (opted in).
 * - The report for the last complete week is built once (memoised answers) and stored BEFORE it
 *   is sent, so a restart can neither lose it nor draw fresh noise; it goes out at a random
 *   moment of the current week, retried with backoff until the collector's deadline.
 * - Opting out drops anything pending and the alarm; the stored noised answers are kept, so
 *   opting in again cannot be used to draw new noise for the same bucket.
 */
import { z } from 'zod';
import {
  INITIAL_SHARE_STATE,
  ReportSchema,
  ShareStateSchema,
  buildReport,
  isoWeek,
  nextAttemptTime,
  reportingWeek,
  sendDeadline,
  sendReport,
  weekStart,
  addWeeks,
  type FetchLike,
  type RandomInt,
  type Report,
  type ShareState,
} from './share';
import type { Ledger } from './ledger';
import type { SettingsStore } from './settings';

export const SHARE_ALARM = 'carbon-lens-share';

const PendingSchema = z.strictObject({ report: ReportSchema, failures: z.number().int().min(0), nextAt: z.number() });
export const SharingStoreSchema = z.strictObject({
  state: ShareStateSchema,
  pending: PendingSchema.nullable(),
  lastSent: z.strictObject({ week: z.string(), at: z.number() }).nullable(),
});
export type SharingStore = z.infer<typeof SharingStoreSchema>;
const EMPTY: SharingStore = { state: INITIAL_SHARE_STATE as ShareState, pending: null, lastSent: null };

export interface SharingDeps {
  settings: SettingsStore;
  ledger: () => Promise<Ledger>;
  storage: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  fetch: FetchLike;
  /** GET for the community aggregates (credentials omitted by the caller's implementation). */
  getJson: (url: string) => Promise<unknown>;
  alarms: { create(name: string, when: number): Promise<void> | void; clear(name: string): Promise<unknown> | void };
  randomInt: RandomInt;
  now: () => number;
  /** The build setting (WXT_COLLECTOR_URL); options may override it. */
  defaultCollectorUrl: string;
}

export interface SharingStatus {
  enabled: boolean;
  collectorUrl: string;
  /** The exact payload that will be sent next, when one is waiting. */
  pending: { report: Report; sendAfter: number } | null;
  lastSent: { week: string; at: number } | null;
}

export interface Community {
  week: string;
  reports: number;
  totalKg: { estimate: number; low: number; high: number };
}

const STORE_KEY = 'sharing';

export function createSharing(deps: SharingDeps) {
  const load = async (): Promise<SharingStore> => {
    const parsed = SharingStoreSchema.safeParse((await deps.storage.get(STORE_KEY))[STORE_KEY]);
    return parsed.success ? parsed.data : EMPTY;
  };
  const save = (store: SharingStore) => deps.storage.set({ [STORE_KEY]: store });
  const collectorUrl = async () => (await deps.settings.get()).collectorUrl ?? deps.defaultCollectorUrl;

  /** The reduction credited in the ISO week `week` (Monday to Monday, UTC). */
  async function weekKg(week: string): Promise<number> {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const from = weekStart(week);
    return (await (await deps.ledger()).totalsBetween(day(from), day(from + 7 * 86_400_000))).kg;
  }

  /** Does whatever is due now; called on the alarm, at start-up and when consent changes. */
  async function tick(): Promise<void> {
    const now = deps.now();
    if (!(await deps.settings.get()).sharingEnabled) {
      await deps.alarms.clear(SHARE_ALARM);
      const store = await load();
      if (store.pending) await save({ ...store, pending: null });
      return;
    }
    let store = await load();
    if (store.pending && now > sendDeadline(store.pending.report.week)) store = { ...store, pending: null };
    if (!store.pending) {
      const built = buildReport(store.state, await weekKg(reportingWeek(now)), now, deps.randomInt);
      store = { ...store, state: built.state, pending: built.report ? { report: built.report, failures: 0, nextAt: sendTime(now, deps.randomInt) } : null };
      await save(store); // persisted before any send
    }
    if (store.pending && now >= store.pending.nextAt) {
      const { report, failures } = store.pending;
      const result = await sendReport(report, { fetch: deps.fetch, collectorUrl: await collectorUrl() });
      if (result.kind === 'sent') store = { ...store, pending: null, lastSent: { week: report.week, at: now } };
      else if (result.kind === 'drop') store = { ...store, pending: null };
      else {
        const at = nextAttemptTime(failures + 1, now, deps.randomInt, { deadline: sendDeadline(report.week) });
        store = { ...store, pending: at === null ? null : { report, failures: failures + 1, nextAt: at } };
      }
      await save(store);
    }
    // Next: the pending send, or the start of next week (when the next report can be built).
    const next = store.pending?.nextAt ?? weekStart(addWeeks(isoWeek(now), 1)) + deps.randomInt(3_600_000);
    await deps.alarms.create(SHARE_ALARM, Math.max(next, now + 1000));
  }

  return {
    tick,
    async setEnabled(enabled: boolean): Promise<SharingStatus> {
      await deps.settings.set({ sharingEnabled: enabled });
      await tick();
      return this.status();
    },
    async status(): Promise<SharingStatus> {
      const settings = await deps.settings.get();
      const store = await load();
      return {
        enabled: settings.sharingEnabled,
        collectorUrl: await collectorUrl(),
        pending: settings.sharingEnabled && store.pending ? { report: store.pending.report, sendAfter: store.pending.nextAt } : null,
        lastSent: store.lastSent,
      };
    },
    /** The latest published week of the community total; null when sharing is off or none is published. */
    async community(): Promise<Community | null> {
      if (!(await deps.settings.get()).sharingEnabled) return null; // no request before opt-in
      const body = AggregatesSchema.safeParse(await deps.getJson(new URL('v1/aggregates', withSlash(await collectorUrl())).toString()));
      if (!body.success || body.data.weeks.length === 0) return null;
      const latest = [...body.data.weeks].sort((a, b) => (a.week < b.week ? 1 : -1))[0]!;
      return { week: latest.week, reports: latest.reports, totalKg: latest.totalKg };
    },
  };
}

/**
 * A uniformly random moment in what is left of the current week. (lib/share's randomSendTime
 * draws over the whole week: a moment already past would send at once, i.e. at opt-in time.)
 */
export function sendTime(now: number, randomInt: RandomInt): number {
  const end = weekStart(addWeeks(isoWeek(now), 1));
  return now + randomInt(Math.max(1, end - now));
}

const withSlash = (u: string) => (u.endsWith('/') ? u : `${u}/`);

const IntervalSchema = z.object({ estimate: z.number(), low: z.number(), high: z.number() });
const AggregatesSchema = z.object({
  weeks: z.array(z.object({ week: z.string().max(8), reports: z.number().int().nonnegative(), totalKg: IntervalSchema })).max(1000),
});

export type Sharing = ReturnType<typeof createSharing>;
