import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFeedbackAnswered, renderFeedbackReceived } from './feedback-letter';

const centre = { ...JSON.parse(readFileSync(new URL('../../../config/hanoi/centre.json', import.meta.url), 'utf8')), portalUrl: 'https://motcua.example.gov.vn' };
const data = { code: 'PA-261207-0001', centre, name: 'Trần Thị Bình', kind: 'handling' as const, receivedAt: '2026-12-07T02:00:00.000Z', dueAt: '2026-12-21T02:00:00.000Z' };

describe('feedback letters', () => {
  it('the receipt: its code and when it will be answered, Vietnamese first then English', () => {
    const r = renderFeedbackReceived(data);
    expect(r.subject).toBe('Đã tiếp nhận phản ánh, kiến nghị PA-261207-0001 / Your feedback PA-261207-0001 was received');
    expect(r.text.indexOf('Kính gửi ông/bà Trần Thị Bình')).toBeLessThan(r.text.indexOf('Dear Trần Thị Bình'));
    expect(r.text).toContain('21/12/2026');
    expect(r.html).toContain('https://motcua.example.gov.vn/c/#feedback');
  });

  it('the answer: the agency and its words; an anonymous greeting without a name', () => {
    const r = renderFeedbackAnswered({ ...data, name: undefined, answer: 'Hồ sơ đã có kết quả <ngay>.', answeredAt: '2026-12-10T02:00:00.000Z', agency: { vi: 'Sở Tư pháp', en: 'Department of Justice' } });
    expect(r.subject).toContain('Trả lời phản ánh, kiến nghị PA-261207-0001');
    expect(r.text).toContain('Kính gửi ông/bà,');
    expect(r.text).toContain('Sở Tư pháp trả lời');
    expect(r.html).toContain('&lt;ngay&gt;');
  });
});
