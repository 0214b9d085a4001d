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
