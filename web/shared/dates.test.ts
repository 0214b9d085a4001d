import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEn, formatVi } from '../../functions/core/email/format';
import { formatCompact, formatDate, formatDateTime, localDay } from './dates';

describe('the pages’ dates', () => {
  it('read `Thứ Hai, 14/12/2026 09:00` in Vietnam’s time, whatever the instant’s offset', () => {
    expect(formatDateTime('2026-12-14T09:00:00+07:00')).toBe('Thứ Hai, 14/12/2026 09:00');
    expect(formatDateTime('2026-12-14T02:00:00Z', 'en')).toBe('Monday, 14/12/2026 09:00');
    expect(formatDateTime('2026-12-13T17:30:00Z')).toBe('Thứ Hai, 14/12/2026 00:30');
    expect(formatDate('2026-12-20T10:00:00+07:00')).toBe('Chủ nhật, 20/12/2026');
    expect(localDay('2026-12-13T17:30:00Z')).toBe('2026-12-14');
    expect(formatDateTime(null)).toBe('');
    expect(formatCompact('2026-12-14T09:00:00+07:00')).toBe('14/12/2026 09:00');
    expect(formatCompact(null)).toBe('');
  });
  it('are the emails’ dates (functions/core/email/format.ts), for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(formatDateTime(d, 'vi')).toBe(formatVi(d));
        expect(formatDateTime(d, 'en')).toBe(formatEn(d));
      }),
    );
  });
});
