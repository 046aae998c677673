/**
 * Which long tasks the extension caused, from a Chrome trace of one visit (pure: no browser in
 * here, so it is unit-tested on synthetic traces).
 *
 * The trace holds the renderer main thread's tasks (`RunTask`, category
 * disabled-by-default-devtools.timeline) and V8's sampling profiler (`Profile` and
 * `ProfileChunk`, category disabled-by-default-v8.cpu_profiler), both on the same monotonic clock
 * (microseconds). A sample is the extension's when any frame of its stack is a script of the
 * extension (`chrome-extension://` URL): that covers the content script's own calls, the DOM and
 * layout work it forces from inside them, and its promise continuations (which run as microtasks,
 * where the timeline's `FunctionCall` events carry no URL; the profiler's stacks do).
 *
 * A long task (> 50 ms) is the extension's when the extension ran in it and the task minus the
 * extension's samples is at most 50 ms: without our work it would not have been long. Rendering
 * the page does after our task returns (style and layout for badges we inserted) is not in our
 * samples, so this attribution is a lower bound for that part; the paired with/without counts in
 * bench/main-thread.ts cover it from the other side.
 */

export interface TraceEvent {
  name: string;
  ph?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string; functionName?: string };
}

export interface TaskAttribution {
  /** Start (ms from the first task of the thread) and duration (ms) of each long task. */
  longTasks: { startMs: number; durationMs: number; oursMs: number }[];
  /** Long tasks the extension caused (ran in, and the rest is <= 50 ms). */
  caused: number;
  /** Main-thread time in the extension's frames over the whole trace (ms, sampled). */
  oursMs: number;
  /** Non-idle sampled JavaScript time of the main thread (ms), the page's and ours. */
  sampledMs: number;
}

export const LONG_TASK_MS = 50;

/** The renderer main thread that ran the page: the CrRendererMain with the most script. */
function pageMainThread(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number } | undefined;
  let bestMs = -1;
  for (const m of mains) {
    const ms = events
      .filter((e) => e.pid === m.pid && e.tid === m.tid && (e.name === 'EvaluateScript' || e.name === 'FunctionCall'))
      .reduce((s, e) => s + (e.dur ?? 0), 0);
    if (ms > bestMs) [best, bestMs] = [{ pid: m.pid, tid: m.tid }, ms];
  }
  return best;
}

export function attributeLongTasks(events: TraceEvent[], isOurs: (url: string) => boolean): TaskAttribution {
  const main = pageMainThread(events);
  const empty: TaskAttribution = { longTasks: [], caused: 0, oursMs: 0, sampledMs: 0 };
  if (!main) return empty;
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const t0 = tasks[0]?.ts ?? 0;

  // The profile of the main thread's isolate: `Profile` names it (its tid), chunks carry the id.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number; dt: number }[] = [];
  if (profile) {
    let ts = Number(profile.args?.data?.['startTime'] ?? 0);
    for (const c of events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === profile.id)) {
      const data = c.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
      for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const deltas = data?.timeDeltas ?? [];
      (data?.cpuProfile?.samples ?? []).forEach((node, i) => {
        const dt = deltas[i] ?? 0;
        ts += dt;
        samples.push({ ts, node, dt });
      });
    }
  }
  // A sample's weight is the time since the previous sample (the profiler's own convention).
  const ours = new Map<number, boolean>();
  const nodeIsOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const n = nodes.get(id);
    const v = !!n && (isOurs(n.callFrame?.url ?? '') || (n.parent !== undefined && nodeIsOurs(n.parent)));
    ours.set(id, v);
    return v;
  };
  const idle = (id: number) => ['(idle)', '(program)', '(root)'].includes(nodes.get(id)?.callFrame?.functionName ?? '');
  let oursUs = 0;
  let sampledUs = 0;
  for (const s of samples) {
    if (idle(s.node)) continue;
    sampledUs += s.dt;
    if (nodeIsOurs(s.node)) oursUs += s.dt;
  }
  const longTasks = tasks
    .filter((t) => (t.dur ?? 0) > LONG_TASK_MS * 1000)
    .map((t) => {
      const end = t.ts + (t.dur ?? 0);
      const us = samples.filter((s) => s.ts > t.ts && s.ts <= end && nodeIsOurs(s.node)).reduce((a, s) => a + s.dt, 0);
      return { startMs: (t.ts - t0) / 1000, durationMs: (t.dur ?? 0) / 1000, oursMs: us / 1000 };
    });
  return {
    longTasks,
    caused: longTasks.filter((t) => t.oursMs > 0 && t.durationMs - t.oursMs <= LONG_TASK_MS).length,
    oursMs: oursUs / 1000,
    sampledMs: sampledUs / 1000,
  };
}
