import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, uniqueKey, type Harness } from '../support/local';

/**
 * Citizens' feedback through the local runtime (docs/feedback.md): the public form, the receipt in
 * the SES stand-in, assignment and reassignment, the answer by email, publication, the public
 * search without the submitter's name or address; and a lapse: late in the console and the figures.
 */
describe('feedback: received, answered, published', () => {
  let h: Harness;
  const t = {} as Record<'desk' | 'op' | 'stp' | 'sxd', string>;
  const post = (path: string, token: string | undefined, body: unknown) => h.call('POST', path, { token, body, headers: { 'idempotency-key': uniqueKey() } });

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-07T09:00:00+07:00' } });
    t.desk = await h.token('desk-1', ['desk']);
    t.op = await h.token('op-1', ['operator']);
    t.stp = await h.token('stp-1', ['agency-STP']);
    t.sxd = await h.token('sxd-1', ['agency-SXD']);
  });
  afterAll(() => h?.stop());

  it('a citizen\'s feedback naming a dossier: receipt, assignment, answer by email, published without personal data', async () => {
    const s = scenario(h);
    const dossier = await s.receive(t.desk, 'TP-LLTP', applicant(41));
    const email = 'pa-citizen@example.vn';
    const text = `Tôi là Phạm Thu Hà, hồ sơ ${dossier.code} đã quá hạn mà chưa có kết quả lý lịch tư pháp. Gọi tôi: 0987 654 321.`;
    const sent = await post('/public/feedback', undefined, { kind: 'handling', text, name: 'Phạm Thu Hà', email, dossierCode: dossier.code });
    expect(sent.status).toBe(201);
    const code = sent.body.code as string;
    expect(code).toMatch(/^PA-261207-\d{4}$/);

    const receipt = await s.email(email, `Đã tiếp nhận phản ánh, kiến nghị ${code}`);
    expect(receipt.body.text).toContain('Kính gửi ông/bà Phạm Thu Hà');
    expect(receipt.body.text).toContain('21/12/2026');

    // the desk gives it to SXD, then to STP with a reason; SXD then sees nothing of it
    expect((await post(`/feedback/${code}/assign`, t.desk, { agency: 'SXD', kind: 'handling' })).status).toBe(200);
    expect((await post(`/feedback/${code}/assign`, t.desk, { agency: 'STP' })).status).toBe(400);
    expect((await post(`/feedback/${code}/assign`, t.desk, { agency: 'STP', reason: 'Lý lịch tư pháp thuộc Sở Tư pháp' })).status).toBe(200);
    expect((await h.call('GET', `/feedback/${code}`, { token: t.sxd })).status).toBe(404);
    expect((await post(`/feedback/${code}/answer`, t.sxd, { text: 'Không phải của tôi' })).status).toBe(404);
    const mine = await h.call('GET', '/feedback', { token: t.stp });
    expect(mine.body.items.map((i: { code: string }) => i.code)).toContain(code);

    // a duplicate, by the hotline, merged into it: its caller gets the same answer
    const dup = await post('/feedback', t.desk, { channel: 'hotline', kind: 'handling', text: 'Cùng hồ sơ chậm', email: 'pa-caller@example.vn' });
    expect((await post(`/feedback/${dup.body.code}/merge`, t.desk, { into: code })).status).toBe(200);
    expect((await h.call('GET', `/feedback/${code}`, { token: t.desk })).body.merged).toEqual([dup.body.code]);

    const answerText = 'Sở Tư pháp xin lỗi bà Phạm Thu Hà: phiếu lý lịch tư pháp đã được ký ngày 08/12/2026 và chuyển về Bộ phận Một cửa.';
    const answered = await post(`/feedback/${code}/answer`, t.stp, { text: answerText });
    expect(answered.status).toBe(200);
    const letter = await s.email(email, `Trả lời phản ánh, kiến nghị ${code}`);
    expect(letter.body.text).toContain('phiếu lý lịch tư pháp đã được ký');
    expect(letter.body.text).toContain('Sở Tư pháp');
    expect((await s.email('pa-caller@example.vn', `Trả lời phản ánh, kiến nghị ${dup.body.code}`)).body.text).toContain('phiếu lý lịch tư pháp đã được ký');

    // the desk may not publish; an operator does; the public page finds it, without diacritics too
    expect((await post(`/feedback/${code}/publish`, t.desk, {})).status).toBe(403);
    expect((await post(`/feedback/${code}/publish`, t.op, {})).status).toBe(200);
    for (const q of ['lý lịch tư pháp', 'ly lich tu phap']) {
      const found = await h.call('GET', `/public/feedback?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      const item = found.body.items.find((i: { code: string }) => i.code === code);
      expect(item, q).toBeDefined();
      const published = JSON.stringify(item);
      for (const personal of ['Phạm', 'Thu Hà', email, '0987', dossier.code]) expect(published).not.toContain(personal);
    }
  });

  it('a lapse: an unanswered item warns its agency, then is late in the console and the figures', async () => {
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-07T10:00:00+07:00' } });
    const entered = await post('/feedback', t.desk, { channel: 'hotline', kind: 'rule', text: 'Vì sao phải nộp bản sao chứng thực?', assignTo: 'STP' });
    expect(entered.status).toBe(201);
    const code = entered.body.code as string;
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-17T11:00:00+07:00' } });
    expect((await h.call('GET', `/feedback/${code}`, { token: t.stp })).body).toMatchObject({ warning: true, late: false });
    const warned = await h.call('GET', '/feedback?warning=true', { token: t.stp });
    expect(warned.body.items.map((i: { code: string }) => i.code)).toContain(code);

    await h.call('POST', '/_local/clock', { body: { set: '2026-12-21T11:00:00+07:00' } });
    const late = await h.call('GET', '/feedback?late=true', { token: t.desk });
    expect(late.body.items.map((i: { code: string }) => i.code)).toContain(code);
    const figures = await h.call('GET', '/feedback/figures?from=2026-12-01&to=2026-12-31', { token: t.desk });
    expect(figures.status).toBe(200);
    expect(figures.body.late).toBeGreaterThanOrEqual(1);
    expect(figures.body.rows.find((r: { by: string; key: string }) => r.by === 'channel' && r.key === 'hotline')).toMatchObject({ openLate: 1 });
  });
});
