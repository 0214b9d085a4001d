import { describe, expect, it } from 'vitest';
import { appointmentIcs, appointmentIcsLines, escapeIcsText, foldLine, icsUtc, unfold } from './ics';

const base = {
  code: 'DLHCM-261210-0001',
  appointmentAt: '2026-12-14T02:00:00Z',
  sequence: 0,
  summary: 'Hẹn trả kết quả hồ sơ DLHCM-261210-0001',
  description: 'Cấp giấy phép lữ hành; tra cứu bằng mã hồ sơ, mã PIN.\nTravel licence, look it up with code and PIN.',
  stampAt: '2026-12-10T03:04:05.678Z',
};
const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const prop = (ics: string, name: string) => unfold(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('appointmentIcs', () => {
  it('writes DTSTART in UTC for a known instant, DTEND 30 minutes later, DTSTAMP from stampAt', () => {
    const ics = appointmentIcs(base);
    expect(prop(ics, 'DTSTART')).toBe('DTSTART:20261214T020000Z');
    expect(prop(ics, 'DTEND')).toBe('DTEND:20261214T023000Z');
    expect(prop(ics, 'DTSTAMP')).toBe('DTSTAMP:20261210T030405Z');
    expect(icsUtc('2026-12-14T09:00:00+07:00')).toBe('20261214T020000Z');
  });

  it('keeps the same UID across sequences and writes SEQUENCE as given', () => {
    const first = appointmentIcs(base);
    const third = appointmentIcs({ ...base, sequence: 3, appointmentAt: '2026-12-18T08:30:00Z' });
    expect(prop(first, 'UID')).toBe('UID:DLHCM-261210-0001@motcua');
    expect(prop(third, 'UID')).toBe(prop(first, 'UID'));
    expect(prop(first, 'SEQUENCE')).toBe('SEQUENCE:0');
    expect(prop(third, 'SEQUENCE')).toBe('SEQUENCE:3');
    expect(() => appointmentIcs({ ...base, sequence: -1 })).toThrow(RangeError);
  });

  it('is a VCALENDAR with METHOD:REQUEST around one VEVENT', () => {
    const lines = unfold(appointmentIcs(base));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
  });

  it('ends every line with CRLF and has no bare LF or CR', () => {
    const ics = appointmentIcs(base);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line to at most 75 octets, reversibly, without splitting a character', () => {
    const long = { ...base, summary: 'Hẹn trả kết quả hồ sơ — thủ tục cấp đổi giấy phép kinh doanh dịch vụ lữ hành quốc tế, ' + 'ưỡ'.repeat(40) };
    const ics = appointmentIcs(long);
    const physical = ics.split('\r\n').slice(0, -1);
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // something was folded
    expect(unfold(ics)).toEqual(appointmentIcsLines(long));
    expect(ics).not.toContain('\uFFFD');
  });

  it('folds a line of 4-byte characters on character boundaries', () => {
    const line = 'SUMMARY:' + '😀'.repeat(50);
    const folded = foldLine(line);
    for (const l of folded) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toEqual(['SHORT:x']);
  });

  it('escapes commas, semicolons, backslashes and newlines in text values', () => {
    expect(escapeIcsText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    const ics = appointmentIcs({ ...base, summary: 'Hồ sơ A, B; C\\D' });
    expect(prop(ics, 'SUMMARY')).toBe('SUMMARY;LANGUAGE=vi:Hồ sơ A\\, B\\; C\\\\D');
    expect(prop(ics, 'DESCRIPTION')).toContain('mã hồ sơ\\, mã PIN.\\nTravel licence\\, look');
  });

  it('carries DTEND, LOCATION and ORGANIZER when given; a quote in the name cannot break the parameter', () => {
    const ics = appointmentIcs({ ...base, endAt: '2026-12-14T05:00:00Z', location: 'Số 1, phố Ví Dụ', organizer: { name: 'Trung tâm "A"; B', email: 'no-reply@example.vn' } });
    expect(prop(ics, 'DTEND')).toBe('DTEND:20261214T050000Z');
    expect(prop(ics, 'LOCATION')).toBe('LOCATION;LANGUAGE=vi:Số 1\\, phố Ví Dụ');
    expect(prop(ics, 'ORGANIZER')).toBe('ORGANIZER;CN="Trung tâm  A ; B":mailto:no-reply@example.vn');
    // an end before the start, or a malformed address, is not written as given
    const odd = appointmentIcs({ ...base, endAt: '2026-12-13T00:00:00Z', organizer: { name: 'x', email: 'not an address' } });
    expect(prop(odd, 'DTEND')).toBe('DTEND:20261214T023000Z');
    expect(prop(odd, 'ORGANIZER')).toBeUndefined();
  });

  it('refuses an invalid instant', () => {
    expect(() => appointmentIcs({ ...base, appointmentAt: 'not a date' })).toThrow(RangeError);
  });
});
