import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, startHarness, uniqueKey, type Harness } from '../support/local';

/** Input kept as meant, through the local gateway and the real handlers: each case was accepted as typed before. */
describe('clean input', () => {
  let h: Harness;
  let desk: string;
  let operator: string;
  const receive = (body: Record<string, unknown>) =>
    h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'DL-LHND', channel: 'counter', ...body } });
  const fields = (res: { body: { errors?: { field: string }[] } }) => res.body.errors?.map((e) => e.field);

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    desk = await h.token('desk-1', ['desk']);
    operator = await h.token('op-1', ['operator']);
  });
  afterAll(() => h?.stop());

  it('removes bidi overrides, zero-width characters and lone surrogates from names and free text', async () => {
    const res = await receive({
      applicant: { ...applicant(1), name: '\u202ENguyễn\u200B Văn\uFEFF An\uD800' },
      documents: [{ name: '\u2066Đơn đề nghị\u2069', ref: '  upload://don.pdf  ' }],
    });
    expect(res.status).toBe(201);
    const stored = (await h.call('GET', `/dossiers/${res.body.code}`, { token: desk })).body;
    expect(stored.applicant.name).toBe('Nguyễn Văn An');
    expect(stored.documents).toEqual([{ name: 'Đơn đề nghị', ref: 'upload://don.pdf' }]);
  });

  it('refuses a name made only of invisible characters, naming the field', async () => {
    const res = await receive({ applicant: { ...applicant(2), name: '\u200B\u200D\u2060\uFEFF\u202E' } });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['applicant.name']);
  });

  it('refuses control characters in a document reference', async () => {
    const res = await receive({ applicant: applicant(3), documents: [{ name: 'CCCD', ref: 'upload://a\u0000.pdf' }] });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['documents.0.ref']);
  });

  it('writes a Vietnamese phone number as +84… and refuses what is not a phone', async () => {
    const ok = await receive({ applicant: { ...applicant(4), phone: '0912 345.678' } });
    expect(ok.status).toBe(201);
    expect((await h.call('GET', `/dossiers/${ok.body.code}`, { token: desk })).body.applicant.phone).toBe('+84912345678');
    for (const phone of ['12', '0912 34', 'call me', '+84 1234 5678 9999']) {
      const bad = await receive({ applicant: { ...applicant(5), phone } });
      expect(bad.status, phone).toBe(400);
      expect(fields(bad)).toEqual(['applicant.phone']);
    }
  });

  it('serves a path parameter in its canonical form only', async () => {
    expect((await h.call('GET', '/calendars/2026', { token: operator })).status).toBe(200);
    for (const year of ['0x7EA', '%20%202026', '2026%20', '02026', '2026.0', '+2026', '2e3']) {
      const res = await h.call('GET', `/calendars/${year}`, { token: operator });
      expect(res.status, year).toBe(400);
      expect(fields(res)).toEqual(['year']);
    }
  });
});
