/**
 * The platform's clock, as the pages read it. A page must tell "on track" or "overdue", and pick
 * today's period, by the time the platform decides by — not by the computer's clock, which may
 * be wrong (and, locally, the runtime's clock may be moved on purpose: `/_local/clock`). Every
 * answer of the platform carries its time in the `Date` header (HTTP, to the second; the local
 * gateway sends its own clock there); the pages keep the difference with their own clock and
 * add it. Until an answer arrives the skew is 0.
 */
let skewMs = 0;
let observed = false;

/**
 * Take in an answer's `Date` header, given when the request left and when the answer came: the
 * header is the server's second (truncated), so its middle is compared with the middle of the
 * round trip. A change under the header's own precision is ignored (no flicker).
 */
export function observeServerDate(date: string | null | undefined, sentAt: number, receivedAt: number): void {
  const server = Date.parse(date ?? '');
  if (Number.isNaN(server)) return;
  const estimate = Math.round(server + 500 - (sentAt + receivedAt) / 2);
  if (!observed || Math.abs(estimate - skewMs) > 1000) skewMs = estimate;
  observed = true;
}

/** The platform's time now, in milliseconds since the epoch. */
export const platformMs = (): number => Date.now() + skewMs;
/** The platform's time now. */
export const platformNow = (): Date => new Date(platformMs());
/** How far the computer's clock is behind the platform's (ms); 0 until an answer was seen. */
export const clockSkew = () => skewMs;

/** `fetch`, noting the platform's time from the answer. */
export async function timedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const sentAt = Date.now();
  const res = await fetch(input, init);
  observeServerDate(res.headers.get('date'), sentAt, Date.now());
  return res;
}

/** For tests: forget what was observed. */
export function resetClock() {
  skewMs = 0;
  observed = false;
}
