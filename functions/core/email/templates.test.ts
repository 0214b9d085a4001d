import { describe, expect, it } from 'vitest';
import { unfold } from './ics';
import { TEXT_SEPARATOR } from './layout';
import { EMAIL_EVENTS, renderEmail, type EmailData, type EmailEvent } from './templates';

const CODE = 'DLHCM-261210-0001';
const common: EmailData = {
  code: CODE,
  applicantName: 'Nguyễn Văn An',
  procedureName: { vi: 'Cấp giấy phép kinh doanh dịch vụ lữ hành', en: 'Travel business licence' },
  receivedAt: '2026-12-10T02:00:00Z',
  appointmentAt: '2026-12-14T02:00:00Z',
};
const tourism = { vi: 'Sở Du lịch', en: 'Department of Tourism' };

/** The minimal data each event is sent with. */
const minimal: Record<EmailEvent, EmailData> = {
  receipt: common,
  'supplement-request': { ...common, agency: tourism, reason: { vi: 'Thiếu giấy tờ', en: 'Documents missing' }, missing: ['Bản sao CCCD'] },
  'supplement-received': { ...common, newAppointmentAt: '2026-12-16T02:00:00Z' },
  refusal: { ...common, agency: tourism, reason: { vi: 'Không thuộc thẩm quyền', en: 'Outside our remit' } },
  apology: {
    ...common,
    agency: tourism,
    reason: { vi: 'Cần xác minh thêm', en: 'Further checks needed' },
    originalAppointmentAt: '2026-12-14T02:00:00Z',
    newAppointmentAt: '2026-12-16T08:00:00Z',
    appointmentSequence: 1,
  },
  'result-ready': common,
  returned: common,
  withdrawn: common,
  'rating-invitation': common,
  'agency-warning': { ...common, applicantName: 'Sở Du lịch', dueAt: '2026-12-11T09:00:00Z', stepName: { vi: 'Thẩm định', en: 'Appraisal' } },
};

/** Every optional field absent: templates must still read well. */
const bare: EmailData = { ...common };

const textParts = (text: string) => text.split(TEXT_SEPARATOR);
const htmlSection = (html: string, lang: 'vi' | 'en') => new RegExp(`<section lang="${lang}"[^>]*>([\\s\\S]*?)</section>`).exec(html)![1]!;

describe.each(EMAIL_EVENTS)('%s', (event) => {
  const data = minimal[event];
  const out = renderEmail(event, data);

  it('renders a non-empty "vi / en" subject, text and html with the dossier code', () => {
    expect(out.subject).toMatch(/\S .+ \/ .+\S/);
    for (const s of [out.subject, out.text, out.html]) expect(s).toContain(CODE);
    if (event === 'agency-warning') {
      for (const s of [out.subject, out.text, out.html]) expect(s).toContain('Thẩm định');
      expect(out.text).toContain('Appraisal');
    }
  });

  it('puts Vietnamese first, then the separator, then English (text and html)', () => {
    const [vi, en, ...rest] = textParts(out.text);
    expect(rest).toEqual([]);
    expect(vi).toMatch(event === 'agency-warning' ? /^Kính gửi: Sở Du lịch,/ : /^Kính gửi ông\/bà Nguyễn Văn An,/);
    expect(vi).toContain('Trân trọng.');
    expect(en).toMatch(event === 'agency-warning' ? /^\n\nTo: / : /^\n\nDear Nguyễn Văn An,/);
    expect(out.html.indexOf('<section lang="vi"')).toBeGreaterThan(0);
    expect(out.html.indexOf('<section lang="vi"')).toBeLessThan(out.html.indexOf('<section lang="en"'));
    expect(htmlSection(out.html, 'vi')).toContain('Trân trọng.');
    expect(htmlSection(out.html, 'en')).toContain('Yours sincerely,');
  });

  it('tells a citizen how to look the dossier up with code and PIN', () => {
    if (event === 'agency-warning') return expect(out.text).not.toContain('mã PIN được cấp');
    const [vi, en] = textParts(out.text);
    expect(vi).toContain(`mã hồ sơ ${CODE} và mã PIN`);
    expect(en).toContain(`code ${CODE} and the PIN`);
  });

  it('leaks no undefined, NaN or Invalid Date, with its minimal data or with none of the optional fields', () => {
    for (const d of [data, bare]) {
      const r = renderEmail(event, d);
      const all = [r.subject, r.text, r.html, ...(r.attachments ?? []).map((a) => a.content)].join('\n');
      expect(all).not.toMatch(/undefined|NaN|Invalid Date|null|\[object Object\]/);
      expect(r.text).not.toMatch(/\.\.|: \.|\(\)/);
    }
  });

  it('escapes every interpolated value in the html', () => {
    const evil = '<script>alert("x")</script>';
    const hostile: EmailData = {
      ...data,
      applicantName: evil,
      procedureName: { vi: `<b>vi</b>`, en: `<b>en</b>` },
      agency: { vi: evil, en: evil },
      reason: { vi: `a < b & "c"`, en: `a < b & "c"` },
      missing: [evil],
      stepName: { vi: evil, en: evil },
      lookupUrl: 'javascript:alert(1)<script>',
    };
    const r = renderEmail(event, hostile);
    expect(r.html).not.toContain('<script>');
    expect(r.html).not.toContain('<b>');
    expect(r.html).not.toContain('href="javascript');
    expect(r.html).toContain('&lt;script&gt;');
  });

  const withIcs = ['receipt', 'apology', 'supplement-received', 'withdrawn', 'refusal'].includes(event);
  const cancels = event === 'withdrawn' || event === 'refusal';
  it(withIcs ? (cancels ? 'cancels the appointment .ics' : 'carries the appointment .ics') : 'carries no attachment', () => {
    if (!withIcs) return expect(out.attachments).toBeUndefined();
    expect(out.attachments).toHaveLength(1);
    const [a] = out.attachments!;
    expect(a!.fileName).toBe(`hen-tra-ket-qua-${CODE}.ics`);
    expect(a!.contentType).toBe(`text/calendar; charset=UTF-8; method=${cancels ? 'CANCEL' : 'REQUEST'}`);
    expect(unfold(a!.content)).toContain(cancels ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED');
    const lines = unfold(a!.content);
    expect(lines).toContain(`UID:${CODE}@motcua`);
    expect(lines).toContain(`SUMMARY;LANGUAGE=vi:Hẹn trả kết quả hồ sơ ${CODE}`);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/Tra cứu.*\\n.*Look it up/);
  });
});

describe('contents', () => {
  it('receipt: received and appointment times in both languages, SEQUENCE 0', () => {
    const r = renderEmail('receipt', common);
    expect(r.subject).toBe(`Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${CODE} / Receipt and appointment ${CODE}`);
    expect(r.text).toContain('Thời gian hẹn trả kết quả: Thứ Hai, 14/12/2026 09:00.');
    expect(r.text).toContain('Your result is due on Monday, 14/12/2026 09:00.');
    expect(r.text).toContain('lúc Thứ Năm, 10/12/2026 09:00');
    const ics = unfold(r.attachments![0]!.content);
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('DTSTART:20261214T020000Z');
  });

  it('apology: agency, reason, original and new appointment; the .ics moves with the same UID and SEQUENCE n', () => {
    const r = renderEmail('apology', { ...minimal.apology, appointmentSequence: 2 });
    expect(r.subject).toContain('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    for (const s of ['Sở Du lịch', 'Department of Tourism', 'Cần xác minh thêm', 'Further checks needed', 'Thứ Hai, 14/12/2026 09:00', 'Wednesday, 16/12/2026 15:00']) {
      expect(r.text).toContain(s);
    }
    const ics = unfold(r.attachments![0]!.content);
    expect(ics).toContain(`UID:${CODE}@motcua`);
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain('DTSTART:20261216T080000Z');
  });

  it('apology: still names the late agency given as lateAgency (current notify-citizen caller)', () => {
    const { agency: _, ...rest } = minimal.apology;
    const r = renderEmail('apology', { ...rest, lateAgency: tourism });
    expect(r.text).toContain('Sở Du lịch');
    expect(r.text).toContain('the Department of Tourism');
  });

  it('supplement-request: form 02 subject, the agency, the missing documents as a list, the paused clock', () => {
    const r = renderEmail('supplement-request', { ...minimal['supplement-request'], missing: ['Bản sao CCCD', 'Giấy xác nhận, có dấu; bản chính'] });
    expect(r.subject).toContain('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
    expect(r.text).toContain('Sở Du lịch đề nghị ông/bà bổ sung');
    expect(r.text).toContain('  - Bản sao CCCD\n  - Giấy xác nhận, có dấu; bản chính');
    expect(r.text).toContain('tạm dừng');
    expect(r.text).toContain('paused');
    expect(r.html).toMatch(/<ul>\s*<li>Bản sao CCCD<\/li>/);
  });

  it('refusal: form 03 subject, agency and reason; an officer-typed reason with its own full stop is not doubled', () => {
    const r = renderEmail('refusal', { ...minimal.refusal, reason: { vi: 'Hồ sơ không hợp lệ.', en: 'Hồ sơ không hợp lệ.' } });
    expect(r.subject).toContain('Phiếu từ chối tiếp nhận, giải quyết hồ sơ');
    expect(r.text).toContain('Lý do: Hồ sơ không hợp lệ.\n');
    expect(r.text).toContain('Reason: Hồ sơ không hợp lệ.\n');
    expect(r.text).toContain('Sở Du lịch từ chối');
  });

  it('supplement-received: the new appointment', () => {
    const r = renderEmail('supplement-received', minimal['supplement-received']);
    expect(r.text).toContain('Ngày hẹn trả kết quả mới: Thứ Tư, 16/12/2026 09:00.');
    expect(r.text).toContain('New appointment: Wednesday, 16/12/2026 09:00.');
  });

  it('rating-invitation: 1 to 5, once, and how (the public rating route with code and PIN)', () => {
    const r = renderEmail('rating-invitation', common);
    expect(r.text).toContain(`POST /public/dossiers/${CODE}/rating`);
    expect(r.text).toMatch(/từ 1 .* đến 5/);
    expect(r.text).toContain('một lần');
    expect(r.text).toContain('once');
  });

  it('agency-warning: step, due time and working hours left', () => {
    const r = renderEmail('agency-warning', { ...minimal['agency-warning'], workingHoursLeft: 4 });
    expect(r.text).toContain('đến hạn vào Thứ Sáu, 11/12/2026 16:00 (còn 4 giờ làm việc)');
    expect(r.text).toContain('is due on Friday, 11/12/2026 16:00 (in 4 working hours)');
    expect(r.subject).not.toContain('xin lỗi'); // e2e tests pick apologies by that phrase
  });

  it('lookupUrl: named in both languages and linked in the html', () => {
    const r = renderEmail('result-ready', { ...common, lookupUrl: 'https://motcua.example.vn/tra-cuu?a=1&b=2' });
    expect(r.text).toContain('tại https://motcua.example.vn/tra-cuu?a=1&b=2 bằng mã hồ sơ');
    expect(r.html).toContain('<a href="https://motcua.example.vn/tra-cuu?a=1&amp;b=2">');
  });

  it('only the apology subject says "xin lỗi", only the receipt says "Giấy tiếp nhận", only result-ready "đã có kết quả"', () => {
    const subjects = Object.fromEntries(EMAIL_EVENTS.map((e) => [e, renderEmail(e, minimal[e]).subject]));
    const having = (s: string) => EMAIL_EVENTS.filter((e) => subjects[e]!.includes(s));
    expect(having('xin lỗi')).toEqual(['apology']);
    expect(having('Giấy tiếp nhận')).toEqual(['receipt']);
    expect(having('đã có kết quả')).toEqual(['result-ready']);
  });
});
