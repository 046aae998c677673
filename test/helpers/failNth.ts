/**
 * Runs `work` with `proto[method]` throwing `error` on its `nth` call (the calls before and after
 * go through), then puts the method back. Returns how many times the method was called.
 */
export async function withNthCallFailing(proto: object, method: string, nth: number, error: Error, work: () => Promise<void>): Promise<number> {
  const target = proto as Record<string, (...a: unknown[]) => unknown>;
  const original = target[method]!;
  let calls = 0;
  target[method] = function (this: unknown, ...args: unknown[]) {
    if (++calls === nth) throw error;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    target[method] = original;
  }
  return calls;
}
