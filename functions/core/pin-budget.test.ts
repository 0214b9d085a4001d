import { describe, expect, it } from 'vitest';
import { CLIENT_WINDOW_MS, FREE_CHECKS, MAX_DELAY_MS, PIN_SPACE, STEADY_CHECKS_PER_DAY, clientWindow, delayAfter, guessesPerDay, maxChecksWithin } from './pin-budget';

describe('the PIN budget', () => {
  it('checks the first wrong PINs at once, then doubles the wait up to its ceiling', () => {
    expect([...Array(FREE_CHECKS - 1).keys()].map((i) => delayAfter(i + 1))).toEqual(Array(FREE_CHECKS - 1).fill(0));
    expect([FREE_CHECKS, FREE_CHECKS + 1, FREE_CHECKS + 2].map(delayAfter)).toEqual([2000, 4000, 8000]);
    expect(delayAfter(FREE_CHECKS + 40)).toBe(MAX_DELAY_MS);
  });

  it('bounds the PINs checked in a burst and over a day', () => {
    expect(maxChecksWithin(0)).toBe(FREE_CHECKS);
    expect(maxChecksWithin(1999)).toBe(FREE_CHECKS);
    expect(maxChecksWithin(2000)).toBe(FREE_CHECKS + 1);
    const day = maxChecksWithin(24 * 3600_000);
    expect(day).toBeLessThanOrEqual(FREE_CHECKS + 9 + STEADY_CHECKS_PER_DAY);
    expect(STEADY_CHECKS_PER_DAY).toBe(288);
  });

  it('counts a client in fixed windows', () => {
    const w = clientWindow(CLIENT_WINDOW_MS * 3 + 5);
    expect(w).toEqual({ index: 3, endsAt: CLIENT_WINDOW_MS * 4 });
  });

  it('states the guesses a day the promised checks allow (docs/security.md): one per address per 15 minutes on top of the slots', () => {
    expect(guessesPerDay(0)).toBe(288);
    expect(guessesPerDay(1)).toBe(288 + 96);
    expect(guessesPerDay(1000)).toBe(96_288);
    // one dossier's PIN from 1000 addresses: over a year on average
    expect(PIN_SPACE / 2 / guessesPerDay(1000)).toBeGreaterThan(365);
  });
});
