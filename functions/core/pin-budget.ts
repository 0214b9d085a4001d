/**
 * How many PINs may be checked for one dossier, and when: the arithmetic of
 * docs/security.md ("Guessing a PIN"). Pure numbers, no AWS.
 *
 * - Per (dossier, client): at most CLIENT_CHECKS PINs per fixed CLIENT_WINDOW_MS window.
 * - Per dossier, whoever asks: the first FREE_CHECKS wrong PINs since the last right one are
 *   checked at once; after the n-th (n >= FREE_CHECKS) the next check waits delayAfter(n):
 *   2 s, 4 s, 8 s … doubling up to MAX_DELAY_MS; the right PIN resets the count.
 * - A slow-down, never a lock: a client the slow-down refuses is promised one check no later
 *   than MAX_DELAY_MS from then, even if others took the dossier's next slot first (one promise
 *   per client per TICKET_INTERVAL_MS). Without it, a guesser sending a wrong PIN each time the
 *   delay ends kept the owner out for good.
 */
export const PIN_DIGITS = 8;
export const PIN_SPACE = 10 ** PIN_DIGITS;
export const CLIENT_CHECKS = 5;
export const CLIENT_WINDOW_MS = 15 * 60_000;
export const FREE_CHECKS = 10;
export const MAX_DELAY_MS = 5 * 60_000;

/** The wait before the next check, after n wrong PINs since the last right one. */
export function delayAfter(n: number): number {
  if (n < FREE_CHECKS) return 0;
  return Math.min(MAX_DELAY_MS, 2 ** (n - FREE_CHECKS + 1) * 1000);
}

/** The most PINs a dossier can have checked within `ms` of its first wrong one, however many clients ask. */
export function maxChecksWithin(ms: number): number {
  let n = 0;
  let at = 0;
  while (at <= ms) {
    n++;
    at += delayAfter(n);
    if (n > 1_000_000) break;
  }
  return n;
}

/** The fixed window a client's attempts count in, and when it ends (ms since the epoch). */
export function clientWindow(at: number): { index: number; endsAt: number } {
  const index = Math.floor(at / CLIENT_WINDOW_MS);
  return { index, endsAt: (index + 1) * CLIENT_WINDOW_MS };
}

/** A client refused by the slow-down gets one promised check per this interval. */
export const TICKET_INTERVAL_MS = CLIENT_WINDOW_MS;

/**
 * The most PINs one dossier can have checked in a sustained day of guessing from `addresses`
 * client addresses: the slow-down's slots (one per MAX_DELAY_MS) plus one promised check per
 * address per TICKET_INTERVAL_MS (each address is also held to CLIENT_CHECKS per window).
 */
export function guessesPerDay(addresses: number): number {
  const perAddress = Math.min((24 * 3600_000) / TICKET_INTERVAL_MS, (CLIENT_CHECKS * 24 * 3600_000) / CLIENT_WINDOW_MS);
  return STEADY_CHECKS_PER_DAY + addresses * perAddress;
}

/** Checks per day per dossier once the slow-down is at its ceiling (sustained guessing). */
export const STEADY_CHECKS_PER_DAY = (24 * 3600_000) / MAX_DELAY_MS;

/**
 * PIN reminders ("I lost my PIN"). A reminder never cancels the PIN the citizen holds: its letter
 * carries a new PIN and a one-time code; the new PIN replaces the old one only when the code is
 * entered with the dossier's code. One pending reminder per dossier (a new one may replace it
 * after REMINDER_INTERVAL_MS), at most REMINDERS_PER_DAY letters a day per dossier (a mailbox
 * cannot be flooded); a client may ask REMINDER_CLIENT_ASKS per window, whatever the codes.
 */
export const REMINDER_INTERVAL_MS = 10 * 60_000;
export const REMINDERS_PER_DAY = 3;
export const REMINDER_CLIENT_ASKS = 5;
export const REMINDER_CLIENT_WINDOW_MS = 60 * 60_000;
/** The one-time code: 10 symbols of Crockford's base32 (50 bits), valid for a day, voided after 5 wrong tries. */
export const CONFIRMATION_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CONFIRMATION_LENGTH = 10;
export const CONFIRMATION_TTL_MS = 24 * 3600_000;
export const CONFIRMATION_TRIES = 5;
/** A client may try this many one-time codes per REMINDER_CLIENT_WINDOW_MS, whatever the dossiers. */
export const CONFIRM_CLIENT_ASKS = 10;

/** A typed one-time code as stored: upper case, without spaces or dashes, O→0 and I/L→1 (Crockford); undefined when it cannot be one. */
export function normaliseConfirmation(typed: string): string | undefined {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === CONFIRMATION_LENGTH && [...s].every((c) => CONFIRMATION_ALPHABET.includes(c)) ? s : undefined;
}

/** As printed in the letter: two groups of five (`7K3QX-M9P2D`). */
export const showConfirmation = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
