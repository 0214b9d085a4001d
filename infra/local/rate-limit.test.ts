import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit';

describe('token buckets per client', () => {
  it('lets a burst of `capacity` through, then refills evenly, per client', () => {
    let now = 0;
    const b = new TokenBuckets({ capacity: 3, windowSeconds: 30 }, () => now);
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([undefined, undefined, undefined]);
    expect(b.take('a')).toBe(10);
    expect(b.take('b')).toBeUndefined();
    now += 10_000;
    expect(b.take('a')).toBeUndefined();
    expect(b.take('a')).toBe(10);
  });
});
