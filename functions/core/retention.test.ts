import { describe, expect, it } from 'vitest';
import type { Dossier } from './dossier';
import {
  ANONYMISED_APPLICANT,
  DEFAULT_RETENTION_YEARS,
  addYears,
  anonymise,
  anonymiseAt,
  isDueForAnonymisation,
  monthOf,
  monthsToScan,
  nextMonth,
  previousMonth,
  retentionYearsOf,
  type RetainedDossier,
} from './retention';

const procedure = { code: 'DL-LHND', version: 1, effectiveFrom: '2025-07-01', name: { vi: 'x', en: 'x' }, field: { vi: 'x', en: 'x' }, legalHours: 80, receivingAgency: 'TTHCC', stages: [] };

const dossier = (over: Partial<RetainedDossier> = {}): RetainedDossier => ({
  code: 'TTHCC-261201-0001',
  procedure,
  status: 10,
  channel: 'counter',
  applicant: { name: 'Nguyễn Thị Bình', email: 'binh@example.vn', phone: '0912345678', idNumber: '001190012345' },
  documents: [{ name: 'Đơn đề nghị', ref: 'desk://scan/1' }],
  receivedAt: '2026-12-01T01:00:00.000Z',
  appointmentAt: '2026-12-15T05:00:00.000Z',
  stageIndex: 2,
  extensions: { 's1-sdl': 8 },
  pauses: {},
  returnedAt: '2026-12-09T03:00:00.000Z',
  closedAt: '2026-12-09T03:00:00.000Z',
  rating: { score: 5, at: '2026-12-10T03:00:00.000Z' },
  executionName: 'TTHCC-261201-0001',
  pinHash: 'scrypt$abc',
  receivedBy: 'desk-1',
  ...over,
});

describe('retention period', () => {
  it('is the procedure’s retentionYears, five years when absent or not a positive whole number', () => {
    expect(DEFAULT_RETENTION_YEARS).toBe(5);
    expect(retentionYearsOf(procedure)).toBe(5);
    expect(retentionYearsOf({ ...procedure, retentionYears: 10 })).toBe(10);
    expect(retentionYearsOf({ ...procedure, retentionYears: 0 })).toBe(5);
    expect(retentionYearsOf({ ...procedure, retentionYears: 2.5 })).toBe(5);
    expect(retentionYearsOf(undefined)).toBe(5);
  });

  it('counts calendar years from closedAt (29 February rolls to 1 March)', () => {
    expect(addYears('2026-12-09T03:00:00.000Z', 5).toISOString()).toBe('2031-12-09T03:00:00.000Z');
    expect(addYears('2028-02-29T10:00:00.000Z', 1).toISOString()).toBe('2029-03-01T10:00:00.000Z');
    expect(() => addYears('not a date', 1)).toThrow(/Not an instant/);
    expect(anonymiseAt(dossier())?.toISOString()).toBe('2031-12-09T03:00:00.000Z');
    expect(anonymiseAt(dossier({ procedure: { ...procedure, retentionYears: 2 } as Dossier['procedure'] }))?.toISOString()).toBe('2028-12-09T03:00:00.000Z');
    expect(anonymiseAt(dossier({ closedAt: undefined }))).toBeUndefined();
  });
});

describe('isDueForAnonymisation', () => {
  const d = dossier();
  it('is false while the dossier is open', () => {
    expect(isDueForAnonymisation(dossier({ closedAt: undefined }), new Date('2040-01-01T00:00:00Z'))).toBe(false);
  });
  it('is false before closedAt + retention, true from that instant on', () => {
    expect(isDueForAnonymisation(d, new Date('2031-12-09T02:59:59.999Z'))).toBe(false);
    expect(isDueForAnonymisation(d, new Date('2031-12-09T03:00:00.000Z'))).toBe(true);
    expect(isDueForAnonymisation(d, new Date('2031-12-10T02:00:00.000Z'))).toBe(true);
  });
  it('is false once anonymised (the job is idempotent)', () => {
    expect(isDueForAnonymisation(dossier({ anonymisedAt: '2031-12-10T00:00:00.000Z' }), new Date('2040-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('anonymise', () => {
  it('replaces the applicant (no phone, no ID number), sets anonymisedAt and touches nothing else', () => {
    const before = dossier();
    const frozen = JSON.stringify(before);
    const after = anonymise(before, new Date('2031-12-10T02:00:00.000Z'));
    expect(after.applicant).toEqual({ name: 'Đã ẩn danh', email: 'anonymised@invalid' });
    expect(after.applicant).not.toHaveProperty('phone');
    expect(after.applicant).not.toHaveProperty('idNumber');
    expect(after.anonymisedAt).toBe('2031-12-10T02:00:00.000Z');
    const { applicant: _a, anonymisedAt: _t, ...rest } = after;
    const { applicant: _b, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(after.documents).toEqual([{ name: 'Đơn đề nghị', ref: 'desk://scan/1' }]);
    expect(JSON.stringify(before)).toBe(frozen); // the input is not mutated
    expect(after.applicant).not.toBe(ANONYMISED_APPLICANT);
  });
});

describe('months', () => {
  it('steps across years', () => {
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(nextMonth('2025-09')).toBe('2025-10');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(monthOf('2031-12-09T03:00:00.000Z')).toBe('2031-12');
  });
  it('scans after the cursor up to the current month, from 2025-01 when never run', () => {
    expect(monthsToScan('2031-10', '2031-12')).toEqual(['2031-11', '2031-12']);
    expect(monthsToScan('2031-12', '2031-12')).toEqual([]);
    const all = monthsToScan(undefined, '2026-02');
    expect(all[0]).toBe('2025-01');
    expect(all).toHaveLength(14);
    expect(all.at(-1)).toBe('2026-02');
  });
});
