import { describe, expect, it } from 'vitest';
import { weekdays } from './collection';
import { unfold } from './ics';
import { TEXT_SEPARATOR } from './layout';
import { EMAIL_EVENTS, renderEmail, type EmailData, type EmailEvent } from './templates';
import { deskContact } from '../centre';

const CODE = 'DLHCM-261210-0001';
const centre = {
  name: { vi: 'Trung tâm Phục vụ hành chính công Thử', en: 'Test Public Administrative Service Center' },
  address: { vi: 'Số 1 phố Thử, phường Thử', en: '1 Thu Street, Thu Ward' },
  openingHours: { vi: 'Thứ Hai đến Thứ Sáu, 08:00–12:00 và 13:00–17:00', en: 'Monday to Friday, 08:00–12:00 and 13:00–17:00' },
  hotline: '1900 1234',
  portalUrl: 'https://motcua.example.vn/',
  sender: { address: 'no-reply@motcua.example.vn' },
};
const PAGE = `https://motcua.example.vn/c/${'DLHCM-261210-0001'}`;
const common: EmailData = {
  code: CODE,
  centre,
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
  'fees-due': { ...common, fees: { due: 'submission', total: 3_000_000, lines: [{ code: 'DL-01', name: { vi: 'Phí thẩm định', en: 'Appraisal charge' }, amount: 3_000_000 }] } },
  'payment-receipt': {
    ...common,
    fees: { due: 'submission', total: 3_000_000, lines: [{ code: 'DL-01', name: { vi: 'Phí thẩm định', en: 'Appraisal charge' }, amount: 3_000_000 }] },
    receipt: { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000001', method: 'online', paidAt: '2026-12-10T03:00:00Z', payerName: 'Nguyễn Văn An' },
  },
  'payment-refund': {
    ...common,
    receipt: { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000001', method: 'online', paidAt: '2026-12-10T03:00:00Z', payerName: 'Nguyễn Văn An' },
    refund: { amount: 3_000_000, method: 'online', refundedAt: '2026-12-11T03:00:00Z', reason: 'Hồ sơ bị từ chối khi tiếp nhận' },
  },
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
    expect(vi).toMatch(/^TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THỬ\n\nMã hồ sơ: DLHCM-261210-0001\n/);
    expect(vi).toMatch(event === 'agency-warning' ? /\n\nKính gửi: Sở Du lịch,/ : /\n\nKính gửi ông\/bà Nguyễn Văn An,/);
    expect(vi).toContain('Trân trọng.');
    expect(en).toMatch(/^\n\nTEST PUBLIC ADMINISTRATIVE SERVICE CENTER\n\nDossier code: DLHCM-261210-0001\n/);
    expect(en).toMatch(event === 'agency-warning' ? /\n\nTo: / : /\n\nDear Nguyễn Văn An,/);
    expect(out.html.indexOf('<section lang="vi"')).toBeGreaterThan(0);
    expect(out.html.indexOf('<section lang="vi"')).toBeLessThan(out.html.indexOf('<section lang="en"'));
    expect(htmlSection(out.html, 'vi')).toContain('Trân trọng.');
    expect(htmlSection(out.html, 'en')).toContain('Yours sincerely,');
  });

  it('leads the citizen to their page (button and plain link, code only), says what to do next, and names the centre', () => {
    if (event === 'agency-warning') return expect(out.text).not.toContain('/c/');
    const [vi, en] = textParts(out.text);
    const fragment = event === 'rating-invitation' ? '#rating' : event === 'supplement-request' ? '#supplement' : '';
    expect(vi).toContain(`: ${PAGE}${fragment}\n`);
    expect(en).toContain(`: ${PAGE}${fragment}\n`);
    expect(vi).toContain('VIỆC CẦN LÀM TIẾP THEO\n');
    expect(en).toContain('WHAT TO DO NEXT\n');
    expect(vi).toContain('mã PIN in trên Giấy tiếp nhận');
    for (const s of ['Số 1 phố Thử, phường Thử', 'Thứ Hai đến Thứ Sáu, 08:00–12:00', 'Đường dây nóng: 1900 1234']) expect(vi).toContain(s);
    for (const s of ['1 Thu Street, Thu Ward', 'Monday to Friday', 'Hotline: 1900 1234']) expect(en).toContain(s);
    // the html: a button and the plain link, the same page; the code and the date set apart
    expect(out.html.match(new RegExp(`<a href="${PAGE}${fragment}"`, 'g'))?.length).toBe(4);
    expect(out.html).toMatch(/<dt[^>]*>Mã hồ sơ<\/dt><dd[^>]*>DLHCM-261210-0001<\/dd>/);
    expect(out.html).toContain('<header');
    expect(out.text).not.toMatch(/POST \/public|\/public\/dossiers/);
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
      centre: { ...centre, portalUrl: 'javascript:alert(1)<script>', name: { vi: evil, en: evil } },
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
    expect(lines).toContain(`SUMMARY;LANGUAGE=vi:Nhận kết quả hồ sơ ${CODE} — Trung tâm Phục vụ hành chính công Thử`);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/nhận kết quả tại.*Đường dây nóng.*\\n.*collect your result at/);
    expect(lines).toContain('LOCATION;LANGUAGE=vi:Số 1 phố Thử\\, phường Thử');
    expect(lines).toContain('ORGANIZER;CN="Trung tâm Phục vụ hành chính công Thử":mailto:no-reply@motcua.example.vn');
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
    expect(r.html).toMatch(/<ul[^>]*>\s*<li>Bản sao CCCD<\/li>/);
    // how, where and by when
    expect(r.text).toContain(`Gửi các giấy tờ trên ngay trên trang hồ sơ (nút “Gửi bổ sung” dưới đây), hoặc nộp trực tiếp tại Trung tâm Phục vụ hành chính công Thử, Số 1 phố Thử, phường Thử (Thứ Hai đến Thứ Sáu, 08:00–12:00 và 13:00–17:00).`);
    expect(r.text).toContain('Hãy bổ sung càng sớm càng tốt');
    expect(r.text).toContain('Please supplement as soon as you can');
    const dated = renderEmail('supplement-request', { ...minimal['supplement-request'], supplementDueAt: '2026-12-18T10:00:00Z' });
    expect(dated.text).toContain('Hạn bổ sung: Thứ Sáu, 18/12/2026 17:00.');
    expect(dated.text).toContain('Supplement by: Friday, 18/12/2026 17:00.');
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

  it('rating-invitation: 1 to 5, once, and a button to the rating page (never an API call)', () => {
    const r = renderEmail('rating-invitation', common);
    expect(r.text).not.toContain('POST');
    expect(r.text).toContain(`Đánh giá: ${PAGE}#rating`);
    expect(r.text).toContain(`Rate the service: ${PAGE}#rating`);
    expect(r.html).toContain(`<a href="${PAGE}#rating" style="display:inline-block`);
    expect(r.text).toMatch(/từ 1 .* đến 5/);
    expect(r.text).toContain('một lần');
    expect(r.text).toContain('once');
  });

  it('apology: a lapse is told in plain words, not as the stored technical phrase', () => {
    const stored = { vi: 'quá thời hạn giải quyết của bước xử lý', en: 'the step passed its due time undecided' };
    for (const d of [{ ...minimal.apology, reason: stored, apologyKind: 'lapse' as const }, { ...minimal.apology, reason: stored }]) {
      const r = renderEmail('apology', d);
      expect(r.text).not.toContain('passed its due time undecided');
      expect(r.text).not.toContain('quá thời hạn giải quyết của bước');
      expect(r.text).toContain('Lý do: hồ sơ cần thêm thời gian để xem xét, xử lý');
      expect(r.text).toContain('Reason: the dossier needed more time to examine');
    }
    // a delay reported by the agency keeps the officer's reason
    expect(renderEmail('apology', { ...minimal.apology, apologyKind: 'delay' }).text).toContain('Lý do: Cần xác minh thêm.');
  });

  it('apology: the original and the new date set apart; several late agencies named in one letter', () => {
    const r = renderEmail('apology', { ...minimal.apology, agencies: [tourism, { vi: 'Công an Thành phố', en: 'City Police' }] });
    expect(r.text).toContain('Ngày hẹn cũ: Thứ Hai, 14/12/2026 09:00\nNgày hẹn mới: Thứ Tư, 16/12/2026 15:00');
    expect(r.text).toContain('Tuy nhiên, Sở Du lịch và Công an Thành phố chưa giải quyết xong');
    expect(r.text).toContain('However, the Department of Tourism and the City Police did not decide it on time.');
  });

  it('no letter carries a PIN, a lookup API path or a query string with secrets', () => {
    for (const e of EMAIL_EVENTS) {
      const r = renderEmail(e, minimal[e]);
      expect(r.text + r.html).not.toMatch(/\b\d{8}\b|x-lookup-pin|\?pin=/i);
    }
  });

  it('the .ics: the time the citizen can collect, within opening hours, at the centre, organised by it', () => {
    const ics = (at: string, isWorkingDay?: (d: string) => boolean) =>
      unfold(renderEmail('receipt', { ...common, appointmentAt: at }, { isWorkingDay }).attachments![0]!.content);
    // 09:00 local: until the end of the morning window (12:00)
    expect(ics('2026-12-14T02:00:00Z')).toEqual(expect.arrayContaining(['DTSTART:20261214T020000Z', 'DTEND:20261214T050000Z']));
    // 12:00 local (the lunch break): the afternoon window, 13:00–17:00
    expect(ics('2026-12-14T05:00:00Z')).toEqual(expect.arrayContaining(['DTSTART:20261214T060000Z', 'DTEND:20261214T100000Z']));
    // Friday 17:00 local: the next working morning, Monday 08:00–12:00; a holiday Monday is skipped
    expect(ics('2026-12-18T10:00:00Z')).toEqual(expect.arrayContaining(['DTSTART:20261221T010000Z', 'DTEND:20261221T050000Z']));
    expect(ics('2026-12-18T10:00:00Z', (d) => d !== '2026-12-21' && ![0, 6].includes(new Date(d).getUTCDay()))).toEqual(
      expect.arrayContaining(['DTSTART:20261222T010000Z', 'DTEND:20261222T050000Z']),
    );
  });

  it('agency-warning: step, due time and working hours left', () => {
    const r = renderEmail('agency-warning', { ...minimal['agency-warning'], workingHoursLeft: 4 });
    expect(r.text).toContain('đến hạn vào Thứ Sáu, 11/12/2026 16:00 (còn 4 giờ làm việc)');
    expect(r.text).toContain('is due on Friday, 11/12/2026 16:00 (in 4 working hours)');
    expect(r.subject).not.toContain('xin lỗi'); // e2e tests pick apologies by that phrase
  });

  it('only the apology subject says "xin lỗi", only the receipt says "Giấy tiếp nhận", only result-ready "đã có kết quả"', () => {
    const subjects = Object.fromEntries(EMAIL_EVENTS.map((e) => [e, renderEmail(e, minimal[e]).subject]));
    const having = (s: string) => EMAIL_EVENTS.filter((e) => subjects[e]!.includes(s));
    expect(having('xin lỗi')).toEqual(['apology']);
    expect(having('Giấy tiếp nhận')).toEqual(['receipt']);
    expect(having('đã có kết quả')).toEqual(['result-ready']);
  });
});

describe('the collection time and the date a letter announces (issue 20, item 5)', () => {
  // 29/12/2026 12:00 local: the end of the morning window; the desk opens again at 13:00
  const noon = '2026-12-29T05:00:00Z';

  it('apology: "collect from" is the start of the collection window (13:00, as the page and the .ics say), not 12:00', () => {
    const r = renderEmail('apology', { ...minimal.apology, originalAppointmentAt: '2026-12-22T05:00:00Z', newAppointmentAt: noon });
    expect(r.text).toContain('Nhận kết quả từ Thứ Ba, 29/12/2026 13:00');
    expect(r.text).toContain('Collect your result from Tuesday, 29/12/2026 13:00');
    expect(r.text).not.toMatch(/từ Thứ Ba, 29\/12\/2026 12:00/);
    expect(unfold(r.attachments![0]!.content)).toContain('DTSTART:20261229T060000Z');
  });

  it('receipt and supplement received: the same collection start', () => {
    expect(renderEmail('receipt', { ...common, appointmentAt: noon }).text).toContain('Nhận kết quả từ Thứ Ba, 29/12/2026 13:00');
    expect(renderEmail('supplement-received', { ...common, newAppointmentAt: noon }).text).toContain('Nhận kết quả từ Thứ Ba, 29/12/2026 13:00');
    // a working-calendar day off moves it to the next working morning
    const r = renderEmail('receipt', { ...common, appointmentAt: '2026-12-31T10:00:00Z' }, { isWorkingDay: (d) => weekdays(d) && d !== '2027-01-01' });
    expect(r.text).toContain('Nhận kết quả từ Thứ Hai, 04/01/2027 08:00');
  });

  it('apology: a later apology that did not move the appointment says the date stands, never "new date" = old date', () => {
    const r = renderEmail('apology', { ...minimal.apology, originalAppointmentAt: noon, newAppointmentAt: noon, appointmentSequence: 2 });
    expect(r.text).not.toContain('Ngày hẹn mới');
    expect(r.text).not.toContain('Ngày hẹn cũ');
    expect(r.text).not.toContain('New date');
    expect(r.text).toContain('Ngày hẹn trả kết quả (không đổi): Thứ Ba, 29/12/2026 12:00');
    expect(r.text).toContain('Ngày hẹn trả kết quả không thay đổi: Thứ Ba, 29/12/2026 12:00.');
    expect(r.text).toContain('Your result is still due on Tuesday, 29/12/2026 12:00.');
    expect(r.subject).toContain('Phiếu xin lỗi');
    expect(r.subject).not.toContain('hẹn lại');
    // a moved appointment still reads as before
    const moved = renderEmail('apology', { ...minimal.apology, originalAppointmentAt: noon, newAppointmentAt: '2027-01-05T05:00:00Z' });
    expect(moved.text).toContain('Ngày hẹn cũ: Thứ Ba, 29/12/2026 12:00\nNgày hẹn mới: Thứ Ba, 05/01/2027 12:00');
  });
});

describe('a dossier received at a branch desk', () => {
  const branch = {
    code: 'BDH',
    name: { vi: 'Chi nhánh số 1 – Trung tâm Thử', en: 'Branch No. 1 of the Test Center' },
    address: { vi: 'Số 25 phố Liễu Giai, phường Ngọc Hà', en: '25 Lieu Giai Street, Ngoc Ha Ward' },
    openingHours: { vi: 'Sáng Thứ Bảy 08:00–12:00', en: 'Saturday morning 08:00–12:00' },
    hotline: '1900 0001',
  };
  const atBranch = { ...common, centre: deskContact(centre, branch) };

  it.each(['receipt', 'result-ready'] as const)("%s names the branch, its address, opening hours and hotline, not the centre's address", (event) => {
    const { text } = renderEmail(event, atBranch);
    for (const part of [branch.name.vi, branch.address.vi, branch.openingHours.vi, branch.address.en, branch.openingHours.en, branch.hotline]) expect(text).toContain(part);
    expect(text).not.toContain(centre.address.vi);
    // still the centre's letter
    expect(text).toContain(centre.name.vi);
  });

  it('puts the branch in the appointment .ics', () => {
    const ics = unfold(renderEmail('receipt', atBranch).attachments![0]!.content).join('\n');
    expect(ics).toContain('LOCATION;LANGUAGE=vi:Số 25 phố Liễu Giai\\, phường Ngọc Hà');
    expect(ics).not.toContain('Số 1 phố Thử');
  });

  it('without a branch, names the centre as before', () => {
    expect(deskContact(centre, undefined)).toEqual(centre);
    expect(renderEmail('receipt', { ...common, centre: deskContact(centre, undefined) }).text).toContain(centre.address.vi);
  });
});
