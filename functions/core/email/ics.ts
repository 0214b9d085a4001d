/**
 * The appointment as an iCalendar event (RFC 5545), sent with METHOD:REQUEST (RFC 5546) so a
 * calendar updates the same event (same UID, higher SEQUENCE) each time the appointment moves.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const DURATION_MS = 30 * 60_000;

export interface AppointmentIcsInput {
  code: string;
  /** ISO instant of the appointment. */
  appointmentAt: string;
  /** 0 at receipt, n for the n-th time the appointment moved. */
  sequence: number;
  summary: string;
  description: string;
  /** DTSTAMP; defaults to now. */
  stampAt?: string | Date;
  /** The appointment no longer holds (withdrawn, refused): METHOD:CANCEL, STATUS:CANCELLED. */
  cancel?: boolean;
  /** DTEND: the end of the time the citizen can collect; defaults to 30 minutes after the start. */
  endAt?: string | Date;
  /** ORGANIZER: the centre and its sender address. */
  organizer?: { name: string; email: string };
  /** LOCATION: where the result is collected (the centre's address). */
  location?: string;
}

/** A parameter value (RFC 5545 §3.2): quoted, without the characters a quoted value cannot hold. */
const paramValue = (s: string) => `"${s.replace(/["\r\n]/g, ' ').replace(/[\u0000-\u001f]/g, ' ')}"`;

/** `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5, form #2: UTC). */
export function icsUtc(at: string | Date): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid instant for .ics: ${String(at)}`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeIcsText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * Folds one content line into lines of at most 75 octets (RFC 5545 §3.1): each continuation
 * starts with a space, which counts; a multi-byte character is never split.
 */
export function foldLine(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out;
}

/** The inverse of folding: a CRLF followed by one space or tab is removed. */
export function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split(CRLF)
    .filter((l, i, all) => l !== '' || i < all.length - 1);
}

/** The content lines, unfolded, before serialisation (exported for tests and previews). */
export function appointmentIcsLines(input: AppointmentIcsInput): string[] {
  if (!Number.isInteger(input.sequence) || input.sequence < 0) {
    throw new RangeError(`SEQUENCE must be a non-negative integer, got ${input.sequence}`);
  }
  const start = new Date(input.appointmentAt);
  const end = input.endAt ? new Date(input.endAt) : new Date(start.getTime() + DURATION_MS);
  const organizer = input.organizer && /^[^\s:@]+@[^\s:@]+$/.test(input.organizer.email) ? input.organizer : undefined;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//motcua//One-stop shop//VI',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.cancel ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:${input.code}@motcua`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${icsUtc(input.stampAt ?? new Date())}`,
    `DTSTART:${icsUtc(start)}`,
    `DTEND:${icsUtc(end > start ? end : new Date(start.getTime() + DURATION_MS))}`,
    `SUMMARY;LANGUAGE=vi:${escapeIcsText(input.summary)}`,
    `DESCRIPTION:${escapeIcsText(input.description)}`,
    ...(input.location ? [`LOCATION;LANGUAGE=vi:${escapeIcsText(input.location)}`] : []),
    ...(organizer ? [`ORGANIZER;CN=${paramValue(organizer.name)}:mailto:${organizer.email}`] : []),
    `STATUS:${input.cancel ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
}

/** The whole .ics file: folded lines, CRLF after every line (including the last). */
export function appointmentIcs(input: AppointmentIcsInput): string {
  return appointmentIcsLines(input).flatMap(foldLine).join(CRLF) + CRLF;
}

export const ICS_CONTENT_TYPE = 'text/calendar; charset=UTF-8; method=REQUEST';
export const ICS_CANCEL_CONTENT_TYPE = 'text/calendar; charset=UTF-8; method=CANCEL';

export const icsFileName = (code: string) => `hen-tra-ket-qua-${code}.ics`;
