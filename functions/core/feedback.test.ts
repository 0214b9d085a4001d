import { describe, expect, it } from 'vitest';
import { WorkingCalendar, loadBundledCalendarYears } from './calendar/working-time';
import { anonymise, feedbackCode, feedbackDeadlines, feedbackFigures, feedbackFlags, feedbackRules, fold, isFeedbackCode, matches, type Feedback } from './feedback';

describe('feedback codes', () => {
  it('are PA-<yymmdd>-<nnnn>, a day counter', () => {
    expect(feedbackCode('2026-12-07', 1)).toBe('PA-261207-0001');
    expect(feedbackCode('2026-12-07', 12345)).toBe('PA-261207-12345');
    expect(isFeedbackCode('PA-261207-0001')).toBe(true);
    expect(isFeedbackCode('TTHCC-261207-0001')).toBe(false);
  });
});

describe('anonymise', () => {
  it('takes out emails, phone numbers, ID numbers and dossier codes', () => {
    const out = anonymise('Gửi tới an.nguyen@example.vn, gọi 0912 345 678 hoặc +84 912.345.679; CCCD 001099012345, CMND 123456789; hồ sơ TTHCC-261207-0001.');
    expect(out).not.toMatch(/example\.vn|0912|345 678|912\.345|001099012345|123456789|TTHCC-261207/);
    expect(out).toContain('Gửi tới […]');
  });

  it('takes out the submitter\'s name, whatever its case, and their given name alone', () => {
    const out = anonymise('Tôi là NGUYỄN VĂN AN, nhà ở phố Huế. Anh An đã chờ 3 tuần. nguyễn văn an xin trả lời.', ['Nguyễn Văn An']);
    expect(out).not.toMatch(/nguyễn|văn an|\bAn\b/i);
    expect(out).toContain('phố Huế');
    expect(out).toContain('3 tuần');
  });

  it('takes out a name after an honorific or an introduction, keeping ordinary words', () => {
    const out = anonymise('Cán bộ là chị Trần Thị Hoa ở quầy 3. Ông Lê Minh nói phải chờ. Tên tôi là Phạm Quốc Bảo. My name is John Smith. Anh chị cán bộ rất nhiệt tình.');
    expect(out).not.toMatch(/Trần|Hoa|Lê Minh|Phạm|Bảo|John|Smith/);
    expect(out).toContain('quầy 3');
    expect(out).toContain('Anh chị cán bộ rất nhiệt tình');
  });

  it('leaves a text with nothing personal as it was', () => {
    const t = 'Thủ tục cấp phiếu lý lịch tư pháp cần những giấy tờ gì?';
    expect(anonymise(t)).toBe(t);
  });
});

describe('search', () => {
  it('finds with or without diacritics, every word', () => {
    expect(fold('Lý lịch TƯ PHÁP  đất')).toBe('ly lich tu phap dat');
    expect(matches('ly lich tu phap', 'Phiếu lý lịch tư pháp')).toBe(true);
    expect(matches('lý lịch', 'Phieu ly lich tu phap')).toBe(true);
    expect(matches('lý lịch đất', 'Phiếu lý lịch tư pháp')).toBe(false);
  });
});

describe('deadlines and flags', () => {
  const cal = new WorkingCalendar(loadBundledCalendarYears());
  const rules = feedbackRules();

  it('10 working days by default, warned 2 working days before, on the centre\'s calendar', () => {
    expect(rules).toEqual({ answerWorkingDays: 10, warningWorkingDays: 2 });
    // Monday 7 December 2026, 09:00 local: due Monday 21 December 09:00; warned Thursday 17 December 09:00
    const { dueAt, warnAt } = feedbackDeadlines(cal, new Date('2026-12-07T02:00:00Z'), rules);
    expect(dueAt).toBe('2026-12-21T02:00:00.000Z');
    expect(warnAt).toBe('2026-12-17T02:00:00.000Z');
    expect(feedbackRules({ answerWorkingDays: 5, warningWorkingDays: 9 })).toEqual({ answerWorkingDays: 5, warningWorkingDays: 5 });
  });

  it('warns before the due time, late after it; an answer after it stays late', () => {
    const f = { status: 'assigned' as const, dueAt: '2026-12-21T02:00:00.000Z', warnAt: '2026-12-17T02:00:00.000Z' };
    expect(feedbackFlags(f, new Date('2026-12-16T02:00:00Z'))).toEqual({ warning: false, late: false });
    expect(feedbackFlags(f, new Date('2026-12-18T02:00:00Z'))).toEqual({ warning: true, late: false });
    expect(feedbackFlags(f, new Date('2026-12-22T02:00:00Z'))).toEqual({ warning: false, late: true });
    const answered = { ...f, status: 'answered' as const, answer: { text: 'x', at: '2026-12-22T02:00:00.000Z', by: 'o' } };
    expect(feedbackFlags(answered, new Date('2027-01-10T00:00:00Z')).late).toBe(true);
    expect(feedbackFlags({ ...answered, answer: { ...answered.answer, at: '2026-12-20T02:00:00.000Z' } }, new Date('2027-01-10T00:00:00Z')).late).toBe(false);
  });
});

describe('figures', () => {
  it('counts by channel, kind, agency and month, on time and late; a merged duplicate once', () => {
    const base = { text: 't', receivedBy: 'public', dueAt: '2026-12-21T02:00:00.000Z', warnAt: '2026-12-17T02:00:00.000Z' };
    const items: Feedback[] = [
      { ...base, code: 'PA-261207-0001', channel: 'web', kind: 'handling', status: 'answered', receivedAt: '2026-12-07T02:00:00.000Z', assignedTo: 'STP', answer: { text: 'a', at: '2026-12-10T02:00:00.000Z', by: 'o' } },
      { ...base, code: 'PA-261207-0002', channel: 'hotline', kind: 'handling', status: 'assigned', receivedAt: '2026-12-07T03:00:00.000Z', assignedTo: 'STP' },
      { ...base, code: 'PA-261207-0003', channel: 'web', kind: 'question', status: 'merged', receivedAt: '2026-12-07T04:00:00.000Z', mergedInto: 'PA-261207-0001' },
    ];
    const rows = feedbackFigures(items, new Date('2026-12-25T00:00:00Z'));
    const row = (by: string, key: string) => rows.find((r) => r.by === by && r.key === key);
    expect(row('channel', 'web')).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1, open: 0 });
    expect(row('channel', 'hotline')).toMatchObject({ received: 1, open: 1, openLate: 1 });
    expect(row('agency', 'STP')).toMatchObject({ received: 2, answeredOnTime: 1, openLate: 1 });
    expect(row('month', '2026-12')).toMatchObject({ received: 2 });
    expect(row('kind', 'question')).toBeUndefined();
  });
});

describe('the prefix PA is reserved', () => {
  it('no agency and no branch may have it', async () => {
    const { agencyCodeErrors } = await import('./catalogue');
    const { CentreProfile } = await import('./centre');
    const { readFileSync } = await import('node:fs');
    expect(agencyCodeErrors('PA')[0]?.message).toContain('feedback codes');
    expect(agencyCodeErrors('PAX')).toEqual([]);
    const centre = JSON.parse(readFileSync(new URL('../../config/hanoi/centre.json', import.meta.url), 'utf8'));
    const parsed = CentreProfile.safeParse({ ...centre, branches: [{ ...centre.branches[0], code: 'PA' }] });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['branches.0.code']);
    expect(CentreProfile.safeParse({ ...centre, feedback: { answerWorkingDays: 15 } }).success).toBe(true);
    expect(CentreProfile.safeParse({ ...centre, feedback: { answerWorkingDays: 0 } }).success).toBe(false);
  });
});
