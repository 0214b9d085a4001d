import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, uniqueKey, type Harness } from '../support/local';

/** Every POST honours an Idempotency-Key: the retry gets the first answer and changes nothing. */
describe('Idempotency-Key on every POST', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, stp: string;

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    desk = await h.token('desk-1', ['desk']);
    stp = await h.token('stp-1', ['agency-STP']);
  });
  afterAll(() => h?.stop());

  it('replays a decision and refuses the key with another body', async () => {
    const { code } = await s.receive(desk, 'TP-LLTP', applicant(1));
    await s.task('STP', stp, code);
    const key = uniqueKey();
    const ask = { outcome: 'request-supplement', missing: ['Tờ khai'], reason: 'Thiếu tờ khai' };
    const first = await h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: stp, body: ask, headers: { 'idempotency-key': key } });
    const again = await h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: stp, body: ask, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const other = await h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: stp, body: { outcome: 'approve' }, headers: { 'idempotency-key': key } });
    expect(other.status).toBe(422);
    expect(other.body.errors[0].field).toBe('Idempotency-Key');
    const d = await s.dossier(desk, code);
    expect(d.steps[0].supplementRounds).toBe(1); // asked once, whatever was retried
  });

  it('replays a withdrawal instead of refusing the retry', async () => {
    const { code, lookupPin } = await s.receive(desk, 'DL-LHND', applicant(2));
    const key = uniqueKey();
    const headers = { 'x-lookup-pin': lookupPin, 'idempotency-key': key };
    const first = await h.call('POST', `/public/dossiers/${code}/withdraw`, { headers, body: {} });
    const again = await h.call('POST', `/public/dossiers/${code}/withdraw`, { headers, body: {} });
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body).toEqual(first.body);
    // without the key, a second withdrawal is a conflict; with the key and a wrong PIN, nothing is replayed
    expect((await h.call('POST', `/public/dossiers/${code}/withdraw`, { headers: { 'x-lookup-pin': lookupPin }, body: {} })).status).toBe(409);
    const wrong = await h.call('POST', `/public/dossiers/${code}/withdraw`, { headers: { ...headers, 'x-lookup-pin': lookupPin === '11111111' ? '22222222' : '11111111' }, body: {} });
    expect(wrong.status).not.toBe(202);
  });

  it('refuses a malformed key, naming the header', async () => {
    const res = await h.call('POST', '/dossiers/TTHCC-261202-0001/steps/s1-stp/decision', { token: stp, body: { outcome: 'approve' }, headers: { 'idempotency-key': 'short' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('Idempotency-Key');
  });
});
