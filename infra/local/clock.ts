import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface Timer {
  when: number;
  fire: () => void;
  handle?: NodeJS.Timeout;
}

const MAX_DELAY = 2 ** 31 - 1;

/**
 * The local runtime's one clock: handlers read it (functions/commons/clock.ts) and the local
 * Step Functions timers run on it, so `advance` by three days fires a three-day timeout now.
 * Its offset from the system clock is kept in the data folder, so a restart keeps the time.
 */
/** The clock was asked to go back before a time the handlers have already seen (409). */
export class ClockBackwardsError extends Error {
  override name = 'ClockBackwardsError';
}

export class LocalClock {
  private offsetMs = 0;
  /** The latest instant a handler read: facts may carry it, so the clock never goes back before it. */
  private seenMs = -Infinity;
  private readonly timers = new Set<Timer>();

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      this.offsetMs = Number(saved.offsetMs) || 0;
      this.seenMs = Number(saved.seenMs) || -Infinity;
    }
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** The time as handlers read it (functions/commons/clock.ts): remembered as seen. */
  read(): number {
    const t = this.now();
    if (t > this.seenMs) this.seenMs = t;
    return t;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('The clock only moves forward');
    this.offsetMs += ms;
    this.changed();
  }

  /**
   * Set the time (tests and demos start from a known instant; timers re-arm against it). It
   * never moves back before what handlers have already seen: a fact dated later than "now" (a
   * pause ending before it starts) would break every deadline computed from it.
   */
  set(at: number): void {
    if (at < this.seenMs) {
      throw new ClockBackwardsError(
        `The clock cannot move back to ${new Date(at).toISOString()}: facts may already be dated ${new Date(this.seenMs).toISOString()}; it only moves forward from there`,
      );
    }
    this.offsetMs = at - Date.now();
    this.changed();
  }

  /** Call `fire` once the clock reaches `when`; returns a cancel function. */
  at(when: number, fire: () => void): () => void {
    const timer: Timer = { when, fire };
    this.timers.add(timer);
    this.arm(timer);
    return () => {
      clearTimeout(timer.handle);
      this.timers.delete(timer);
    };
  }

  /** Timers whose time has come but that have not fired yet (the runtime's `settled()` reads it). */
  due(): number {
    const now = this.now();
    let n = 0;
    for (const t of this.timers) if (t.when <= now) n++;
    return n;
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t.handle);
    this.timers.clear();
  }

  private changed(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify({ offsetMs: this.offsetMs, seenMs: Number.isFinite(this.seenMs) ? this.seenMs : undefined }));
    for (const t of [...this.timers]) this.arm(t);
  }

  private arm(timer: Timer): void {
    clearTimeout(timer.handle);
    const delay = timer.when - this.now();
    timer.handle = setTimeout(
      () => {
        if (this.now() < timer.when) return this.arm(timer);
        this.timers.delete(timer);
        timer.fire();
      },
      Math.max(0, Math.min(delay, MAX_DELAY)),
    );
    timer.handle.unref();
  }
}

/** ISO 8601 durations such as P3D, PT4H, P1DT2H30M. */
export function parseDuration(text: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) throw new Error(`Not an ISO 8601 duration: ${text}`);
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(s) * 1000;
}
