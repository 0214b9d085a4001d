/**
 * The one clock every handler reads. On AWS it is the system clock; the local runtime
 * installs its controllable clock here so that a test can cross a three-day deadline in a second.
 */
let source: () => number = () => Date.now();

export function now(): Date {
  return new Date(source());
}

export function setClockSource(fn: () => number): void {
  source = fn;
}

/** The instant of a fact that deadlines count from, to the minute (as the paper forms record it). */
export function factTime(): Date {
  const t = source();
  return new Date(t - (t % 60_000));
}
