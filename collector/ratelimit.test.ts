import { describe, expect, it } from 'vitest';
import { addressKey, createRateLimiter } from './ratelimit';

describe('rate limiter', () => {
  it('keys IPv4 (also IPv4-mapped) by address and IPv6 by /64', () => {
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('refills over time and forgets idle addresses', () => {
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1 });
    expect(limiter.take('192.0.2.1', 0)).toBe(true);
    expect(limiter.take('192.0.2.1', 0)).toBe(true);
    expect(limiter.take('192.0.2.1', 0)).toBe(false);
    expect(limiter.take('192.0.2.1', 1000)).toBe(true);
    expect(limiter.size).toBe(1);
    limiter.take('192.0.2.2', 120_000); // triggers a sweep: the first address is full again
    expect(limiter.size).toBe(1);
  });

  it('bounds its memory', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, maxEntries: 100 });
    for (let i = 0; i < 1000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});
