/**
 * The appointment as a calendar file, made in the browser from what the lookup answered (no PIN,
 * no request): the time the result can be collected, at the centre's address. The same UID as the
 * letters' .ics, so a calendar that has the letter's event updates it.
 */
import { platformNow } from '../shared/clock';

const enc = new TextEncoder();

const utc = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** RFC 5545 §3.1: at most 75 octets a line, never splitting a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > 75) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
}

export function collectionIcs(input: { code: string; from: string; until: string; summary: string; location: string; description: string }): string {
  return (
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//motcua//Citizen page//VI',
      'CALSCALE:GREGORIAN',
      'BEGIN:VEVENT',
      `UID:${input.code}@motcua`,
      `DTSTAMP:${utc(platformNow().toISOString())}`,
      `DTSTART:${utc(input.from)}`,
      `DTEND:${utc(input.until)}`,
      `SUMMARY;LANGUAGE=vi:${text(input.summary)}`,
      `LOCATION;LANGUAGE=vi:${text(input.location)}`,
      `DESCRIPTION:${text(input.description)}`,
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
    ]
      .map(fold)
      .join('\r\n') + '\r\n'
  );
}
