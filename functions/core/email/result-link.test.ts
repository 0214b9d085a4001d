import { describe, expect, it } from 'vitest';
import { renderEmail, type EmailData } from './templates';

const data: EmailData = {
  code: 'TTHCC-261202-0001',
  centre: {
    name: { vi: 'Trung tâm Thử', en: 'Test Centre' },
    address: { vi: 'Số 1 phố Thử', en: '1 Thu Street' },
    openingHours: { vi: 'Thứ Hai đến Thứ Sáu', en: 'Monday to Friday' },
    hotline: '1900 1234',
    portalUrl: 'https://motcua.example.vn',
    sender: { address: 'no-reply@motcua.example.vn' },
  },
  applicantName: 'Nguyễn Văn An',
  procedureName: { vi: 'Cấp giấy phép', en: 'Licence' },
  receivedAt: '2026-12-02T03:00:00.000Z',
  appointmentAt: '2026-12-15T08:00:00.000Z',
};

describe('returned email and the electronic result', () => {
  it('points to the citizen’s page when a result file is attached, in both languages, never attaching it', () => {
    const r = renderEmail('returned', { ...data, resultAvailable: true });
    expect(r.text).toContain('Bản điện tử của kết quả có trên trang hồ sơ');
    expect(r.text).toContain("The electronic copy of the result is on your dossier's page");
    expect(r.html).toContain('https://motcua.example.vn/c/TTHCC-261202-0001');
    expect(r.attachments ?? []).toEqual([]);
  });

  it('says nothing of it otherwise', () => {
    const r = renderEmail('returned', data);
    expect(r.text).not.toContain('Bản điện tử');
    expect(r.text).not.toContain('electronic copy');
  });
});
