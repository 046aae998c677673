/**
 * Per-address token buckets, in memory only: addresses are never logged or written to disk, and
 * an idle entry is forgotten once its bucket has refilled. IPv6 addresses are keyed by their /64
 * prefix, since one host usually owns a whole /64.
 */
export interface RateLimitOptions {
  /** Burst size (tokens when full). */
  readonly capacity: number;
  /** Tokens added per second. */
  readonly refillPerSecond: number;
  /** Hard cap on tracked addresses; beyond it the table is cleared (fail open, bounded memory). */
  readonly maxEntries?: number;
}

export interface RateLimiter {
  /** True if the request may proceed; consumes a token. */
  take(address: string, nowMs: number): boolean;
  /** Seconds until one token is available again. */
  retryAfterSeconds(): number;
  readonly size: number;
}

export function addressKey(address: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (v4) return v4[1] as string;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes('::')
    ? [...headGroups, ...new Array<string>(Math.max(missing, 0)).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { capacity, refillPerSecond, maxEntries = 100_000 } = options;
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = 0;
  const sweep = (now: number): void => {
    const fullAfterMs = (capacity / refillPerSecond) * 1000;
    for (const [key, b] of buckets) if (now - b.at >= fullAfterMs) buckets.delete(key);
    lastSweep = now;
  };
  return {
    take(address, now) {
      if (now - lastSweep > 60_000) sweep(now);
      if (buckets.size >= maxEntries) buckets.clear();
      const key = addressKey(address);
      const b = buckets.get(key) ?? { tokens: capacity, at: now };
      const tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * refillPerSecond);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return false;
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      return true;
    },
    retryAfterSeconds() {
      return Math.max(1, Math.ceil(1 / refillPerSecond));
    },
    get size() {
      return buckets.size;
    },
  };
}
