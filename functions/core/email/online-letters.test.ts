import { describe, expect, it } from 'vitest';
import { renderOnlineCheckLetter, type OnlineCheckLetterData } from './online-letters';
import { renderEmail } from './templates';

const centre = {
  name: { vi: 'Trung tâm Phục vụ hành chính công Thử', en: 'Test Public Administrative Service Center' },
  address: { vi: 'Số 1 phố Thử', en: '1 Thu Street' },
  openingHours: { vi: '08:00–17:00', en: '08:00–17:00' },
  hotline: '1900 1234',
  portalUrl: 'https://motcua.example.vn/',
};
const d: OnlineCheckLetterData = {
  code: 'TTHCC-261207-0001',
  centre,
  applicantName: 'Nguyễn Văn An',
  procedureName: { vi: 'Cấp phiếu lý lịch tư pháp', en: 'Criminal record certificate' },
  receivedAt: '2026-12-07T02:00:00Z',
  appointmentAt: '2026-12-09T02:00:00Z',
  at: '2026-12-07T03:00:00Z',
  online: 'fully',
};

describe('the letters of the desk’s check of an online dossier', () => {
  it('asks for completion: what is missing and why, Vietnamese first, a link to the portal, no PIN', () => {
    const r = renderOnlineCheckLetter('online-completion', { ...d, missing: ['Bản sao căn cước'], reason: { vi: 'Thiếu giấy tờ tùy thân.', en: 'Thiếu giấy tờ tùy thân.' } });
    expect(r.subject).toBe('Đề nghị bổ sung, hoàn thiện hồ sơ trực tuyến TTHCC-261207-0001 / Please complete your online application TTHCC-261207-0001');
    expect(r.text).toContain('Bản sao căn cước');
    expect(r.text).toContain('Lý do: Thiếu giấy tờ tùy thân.');
    expect(r.text).toContain('https://motcua.example.vn/dvc/');
    expect(r.text.indexOf('Kính gửi')).toBeLessThan(r.text.indexOf('Dear'));
    expect(r.text).not.toMatch(/mã PIN in trên|printed on your paper receipt/);
  });

  it('form 03: refuses to receive, with the reason', () => {
    const r = renderOnlineCheckLetter('online-not-received', { ...d, reason: { vi: 'Không thuộc thẩm quyền', en: 'Không thuộc thẩm quyền' } });
    expect(r.subject).toContain('Phiếu từ chối tiếp nhận hồ sơ TTHCC-261207-0001');
    expect(r.text).toContain('Lý do: Không thuộc thẩm quyền.');
  });

  it('warns the desk that a check lapsed, naming the due time and never the applicant', () => {
    const r = renderOnlineCheckLetter('check-lapse', { ...d, checkDueAt: '2026-12-07T09:00:00Z', deskName: { vi: 'Bộ phận Một cửa', en: 'The one-stop desk' } });
    expect(r.subject).toContain('Quá hạn kiểm tra hồ sơ trực tuyến TTHCC-261207-0001');
    expect(r.text).toContain('16:00');
    expect(r.text).not.toContain('Nguyễn Văn An');
  });

  it('form 01 of an online dossier: followed on the portal signed in, no paper receipt or PIN; a fully online result is downloaded', () => {
    const r = renderEmail('receipt', d);
    expect(r.text).toContain('https://motcua.example.vn/dvc/');
    expect(r.text).toContain('tải kết quả trên Cổng dịch vụ công');
    expect(r.text).not.toMatch(/Giấy tiếp nhận hồ sơ và giấy tờ|paper receipt/);
    const desk = renderEmail('receipt', { ...d, online: undefined });
    expect(desk.text).toContain('paper receipt');
  });
});

describe('the result letters of an online dossier', () => {
  it('a fully online result is downloaded on the portal (the download hands it back); a partly online one is collected at the desk without a paper receipt', () => {
    const fully = renderEmail('result-ready', d);
    expect(fully.text).toContain('tải kết quả về');
    expect(fully.text).toContain('https://motcua.example.vn/dvc/');
    const partly = renderEmail('result-ready', { ...d, online: 'partly' });
    expect(partly.text).toContain('mang theo giấy tờ tùy thân và mã hồ sơ');
    expect(partly.text).not.toContain('paper receipt');
    expect(renderEmail('returned', { ...d, resultAvailable: true }).text).toContain('Cổng dịch vụ công');
  });
});
