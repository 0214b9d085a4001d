/**
 * Sending at the pace SES allows: each sender (one per concurrent Lambda, EMAIL_SENDERS of them)
 * takes an equal share of the centre's rate, spacing its calls `senders / rate` seconds apart.
 * A throttle from SES pushes the next slot back; waiting is the answer, never failure.
 */
let nextSlot = 0;

export function interval(ratePerSecond: number, senders: number): number {
  return (1000 * Math.max(1, senders)) / ratePerSecond;
}

/** Wait for this sender's next slot. */
export async function pace(ratePerSecond: number, senders: number): Promise<void> {
  const at = Math.max(Date.now(), nextSlot);
  nextSlot = at + interval(ratePerSecond, senders);
  const wait = at - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

/** SES said "too fast": no call from this sender for `ms`. */
export function slowDown(ms: number): void {
  nextSlot = Math.max(nextSlot, Date.now() + ms);
}
