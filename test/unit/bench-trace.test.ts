import { describe, expect, it } from 'vitest';
import { attributeLongTasks, type TraceEvent } from '../../bench/trace';

const EXT = 'chrome-extension://abc/reader.js';
const PAGE = 'https://www.example.com/item/1';
const MAIN = { pid: 7, tid: 70 };

/**
 * A synthetic trace: the page's renderer main thread with the given tasks (start and duration in
 * ms), and a profile sampled every 1 ms whose stack at each millisecond is given by `at(ms)`.
 */
function trace(tasks: [number, number][], at: (ms: number) => 'ours' | 'page' | 'idle', totalMs = 400): TraceEvent[] {
  const T0 = 1_000_000;
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)', url: '' } },
    { id: 2, parent: 1, callFrame: { functionName: '(idle)', url: '' } },
    { id: 3, parent: 1, callFrame: { functionName: 'pageMain', url: PAGE } },
    { id: 4, parent: 1, callFrame: { functionName: 'run', url: EXT } },
    // A DOM call made by our code: no URL of its own, ours through its parent.
    { id: 5, parent: 4, callFrame: { functionName: 'getBoundingClientRect', url: '' } },
  ];
  const samples: number[] = [];
  for (let ms = 1; ms <= totalMs; ms++) {
    const who = at(ms);
    samples.push(who === 'idle' ? 2 : who === 'page' ? 3 : ms % 2 ? 4 : 5);
  }
  const half = Math.floor(samples.length / 2);
  const chunk = (from: number, to: number, withNodes: boolean): TraceEvent => ({
    name: 'ProfileChunk', ph: 'P', pid: MAIN.pid, tid: 99, ts: T0, id: '0x1',
    args: { data: { cpuProfile: { nodes: withNodes ? nodes : [], samples: samples.slice(from, to) }, timeDeltas: samples.slice(from, to).map(() => 1000) } },
  });
  return [
    { name: 'thread_name', ph: 'M', ...MAIN, ts: 0, args: { name: 'CrRendererMain' } },
    // Another renderer (the service worker's, say) with little script: not the page's.
    { name: 'thread_name', ph: 'M', pid: 8, tid: 80, ts: 0, args: { name: 'CrRendererMain' } },
    { name: 'RunTask', ph: 'X', pid: 8, tid: 80, ts: T0, dur: 90_000 },
    { name: 'EvaluateScript', ph: 'X', pid: 8, tid: 80, ts: T0, dur: 1_000 },
    { name: 'EvaluateScript', ph: 'X', ...MAIN, ts: T0, dur: 5_000, args: { data: { url: PAGE } } },
    ...tasks.map(([s, d]): TraceEvent => ({ name: 'RunTask', ph: 'X', ...MAIN, ts: T0 + s * 1000, dur: d * 1000 })),
    { name: 'Profile', ph: 'P', ...MAIN, ts: T0, id: '0x1', args: { data: { startTime: T0 } } },
    chunk(0, half, true),
    chunk(half, samples.length, false),
  ];
}

const isOurs = (u: string) => u.startsWith('chrome-extension://');

describe('long-task attribution from a trace', () => {
  it('a long task that is long only because of our frames is ours; one the page makes long alone is not', () => {
    // Task A (0-60 ms): 20 ms ours, 40 ms page -> without us 40 ms: caused by us.
    // Task B (100-180 ms): 10 ms ours, 70 ms page -> the page alone is long: not ours.
    // Task C (200-230 ms): short, whatever runs in it.
    const at = (ms: number) => (ms <= 20 ? 'ours' : ms <= 60 ? 'page' : ms > 100 && ms <= 110 ? 'ours' : ms > 110 && ms <= 180 ? 'page' : ms > 200 && ms <= 230 ? 'ours' : 'idle');
    const r = attributeLongTasks(trace([[0, 60], [100, 80], [200, 30]], at), isOurs);
    expect(r.longTasks.map((t) => [t.startMs, t.durationMs, t.oursMs])).toEqual([[0, 60, 20], [100, 80, 10]]);
    expect(r.caused).toBe(1);
    // Ours over the whole trace, nested DOM calls included; idle samples are not counted at all.
    expect(r.oursMs).toBe(60);
    expect(r.sampledMs).toBe(170);
  });

  it('a long task in which our code never ran is never ours, however short the rest would be', () => {
    const r = attributeLongTasks(trace([[0, 55]], (ms) => (ms <= 55 ? 'page' : 'idle')), isOurs);
    expect(r.longTasks).toHaveLength(1);
    expect(r.caused).toBe(0);
    expect(r.oursMs).toBe(0);
  });

  it('a trace without the page thread or without a profile attributes nothing and does not throw', () => {
    expect(attributeLongTasks([], isOurs)).toEqual({ longTasks: [], caused: 0, oursMs: 0, sampledMs: 0 });
    const noProfile = trace([[0, 70]], () => 'ours').filter((e) => e.name !== 'Profile');
    const r = attributeLongTasks(noProfile, isOurs);
    expect(r.longTasks).toHaveLength(1);
    expect(r.caused).toBe(0);
  });
});
