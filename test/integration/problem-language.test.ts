import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, uniqueKey, type Harness } from '../support/local';

/** Issue 20, item 3: the API's errors in the caller's language, with a stable code per field. */
describe('problem+json in the caller’s language', () => {
  let h: Harness;
  let desk: string;
  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(() => h?.stop());

  const receive = (headers: Record<string, string> = {}) =>
    h.call('POST', '/dossiers', {
      token: desk,
      headers: { 'idempotency-key': uniqueKey(), ...headers },
      body: { procedureCode: 'TP-LLTP', channel: 'counter', applicant: { email: 'not-an-email' }, documents: [], colour: 'blue' },
    });

  it('answers a wrong intake in Vietnamese by default: no zod text, codes and the form’s labels, the unknown key named', async () => {
    const res = await receive();
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(byField['applicant.name']).toEqual({ field: 'applicant.name', code: 'required', label: 'Họ và tên', message: 'Chưa nhập thông tin này' });
    expect(byField['applicant.email']).toMatchObject({ code: 'invalid_email', message: 'Địa chỉ thư điện tử không hợp lệ' });
    expect(byField.colour).toMatchObject({ code: 'unknown_key', message: 'Trường "colour" không được chấp nhận' });
    expect(res.body.detail).toMatch(/^Thông tin chưa hợp lệ: .*Họ và tên/);
    expect(JSON.stringify(res.body)).not.toMatch(/Invalid input|expected string|received undefined|Invalid email address|Unrecognized/);
  });

  it('answers the same in English when Accept-Language asks, with the same codes', async () => {
    const vi = await receive();
    const en = await receive({ 'accept-language': 'en-US,en;q=0.9' });
    expect(en.status).toBe(400);
    expect(en.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual(vi.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    const name = en.body.errors.find((e: { field: string }) => e.field === 'applicant.name');
    expect(name).toEqual({ field: 'applicant.name', code: 'required', label: 'Full name', message: 'Required' });
    expect(en.body.detail).toMatch(/^Invalid input: .*Full name/);
  });

  it('names the unknown key of a strict empty body (it said `body`)', async () => {
    const res = await h.call('POST', '/dossiers/TTHCC-261202-0001/pin', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { why: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('why');
    expect(res.body.errors.map((e: { field: string }) => e.field)).not.toContain('body');
  });
});
