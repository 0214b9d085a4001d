import { describe, expect, it } from 'vitest';
import { renderEmail, type EmailData } from './templates';

const data: EmailData = {
  code: 'TTHCC-261202-0001',
  applicantName: 'Nguyễn Văn An',
  procedureName: { vi: 'Cấp giấy phép', en: 'Licence' },
  receivedAt: '2026-12-02T03:00:00.000Z',
  appointmentAt: '2026-12-15T08:00:00.000Z',
};

describe('returned email and the electronic result', () => {
  it('points to the citizen’s page when a result file is attached, in both languages, never attaching it', () => {
    const url = 'https://motcua.example.gov.vn/c/TTHCC-261202-0001';
    const r = renderEmail('returned', { ...data, resultAvailable: true, resultUrl: url });
    expect(r.text).toContain(`Bản điện tử của kết quả có trên trang hồ sơ ${url}`);
    expect(r.text).toContain(`on your dossier's page ${url}`);
    expect(r.html).toContain(url);
    expect(r.attachments ?? []).toEqual([]);
  });

  it('says nothing of it otherwise', () => {
    const r = renderEmail('returned', data);
    expect(r.text).not.toContain('Bản điện tử');
    expect(r.text).not.toContain('electronic copy');
  });
});
