/**
 * Integer randomness. Everything random in lib/share takes a `RandomInt`, so production code
 * uses the browser's CSPRNG and tests use a seeded generator, with the same code path between.
 */

/** Returns a uniformly distributed integer in [0, n). n must be an integer in [1, 2^32]. */
export type RandomInt = (n: number) => number;

const TWO_32 = 2 ** 32;

function checkRange(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) {
    throw new RangeError(`randomInt: n must be an integer in [1, 2^32], got ${n}`);
  }
}

/**
 * Turns a source of uniform 32-bit words into a `RandomInt` by masked rejection sampling:
 * take the smallest all-ones mask covering n - 1, keep the low bits of a word, and draw again if
 * the result is >= n. Every accepted value is equally likely (no modulo bias), no floating point
 * is involved, and fewer than two words are needed on average.
 */
export function randomIntFrom(nextUint32: () => number): RandomInt {
  return (n: number): number => {
    checkRange(n);
    if (n === 1) return 0;
    if (n === TWO_32) return nextUint32() >>> 0;
    const bits = 32 - Math.clz32(n - 1);
    const mask = bits === 32 ? 0xffffffff : (1 << bits) - 1;
    for (;;) {
      const x = (nextUint32() & mask) >>> 0;
      if (x < n) return x;
    }
  };
}

/** Minimal structural type so this module needs neither DOM nor Node typings. */
export interface RandomValuesSource {
  getRandomValues<T extends ArrayBufferView | null>(array: T): T;
}

/**
 * `RandomInt` backed by `crypto.getRandomValues`. Words are fetched in small batches to keep the
 * number of calls down; the buffer never leaves this closure.
 */
export function cryptoRandomIntFrom(source: RandomValuesSource): RandomInt {
  const buffer = new Uint32Array(16);
  let next = buffer.length;
  return randomIntFrom(() => {
    if (next >= buffer.length) {
      source.getRandomValues(buffer);
      next = 0;
    }
    return buffer[next++] as number;
  });
}

let defaultCrypto: RandomInt | undefined;

/** Uniform integer in [0, n) from the platform CSPRNG (`globalThis.crypto.getRandomValues`). */
export function cryptoRandomInt(n: number): number {
  defaultCrypto ??= cryptoRandomIntFrom(globalThis.crypto as RandomValuesSource);
  return defaultCrypto(n);
}

/**
 * A seeded generator (xoshiro128**) for reproducible tests and simulations. Never use it for a
 * real report: its output is predictable from the seed.
 */
export function seededRandomInt(seed: number): RandomInt {
  // splitmix32 expands the seed into the four state words.
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;
  return randomIntFrom(() => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    return result;
  });
}
