import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockSkew, observeServerDate, platformMs, platformNow, resetClock } from './clock';

describe('the platform’s clock in the pages', () => {
  afterEach(() => {
    resetClock();
    vi.useRealTimers();
  });

  it('is the computer’s clock until an answer says otherwise', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T00:00:00Z') });
    expect(platformNow().toISOString()).toBe('2026-12-07T00:00:00.000Z');
    observeServerDate(null, Date.now(), Date.now());
    observeServerDate('not a date', Date.now(), Date.now());
    expect(clockSkew()).toBe(0);
  });

  it('follows the Date header of the platform’s answers: a platform 8 days ahead is 8 days ahead on the page', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T00:00:00Z') });
    const sent = Date.now();
    vi.advanceTimersByTime(200); // the round trip
    observeServerDate('Tue, 15 Dec 2026 02:00:00 GMT', sent, Date.now());
    // the header's second, its middle (+500 ms), against the round trip's middle (+100 ms)
    expect(platformNow().toISOString()).toBe('2026-12-15T02:00:00.600Z');
    vi.advanceTimersByTime(60_000);
    expect(platformNow().toISOString()).toBe('2026-12-15T02:01:00.600Z');
  });

  it('ignores a change within the header’s precision, takes a real one (the platform’s clock moved again)', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T00:00:00Z') });
    observeServerDate('Mon, 07 Dec 2026 00:00:10 GMT', Date.now(), Date.now());
    const first = clockSkew();
    expect(first).toBe(10_500);
    observeServerDate('Mon, 07 Dec 2026 00:00:11 GMT', Date.now(), Date.now()); // 1 s later: within precision + noise
    expect(clockSkew()).toBe(first);
    observeServerDate('Mon, 14 Dec 2026 00:00:00 GMT', Date.now(), Date.now());
    expect(platformMs()).toBe(Date.parse('2026-12-14T00:00:00.500Z'));
  });
});
