import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';

/** (c) A refusal and (d) a withdrawal in mid-route: everything stops, the citizen is told, once. */
describe('stopping a dossier', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, stp: string, catp: string;

  beforeAll(async () => {
    h = await startHarness();
    s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00'); // Wednesday
    desk = await h.token('desk-1', ['desk']);
    stp = await h.token('stp-1', ['agency-STP']);
    catp = await h.token('catp-1', ['agency-CATP']);
  });
  afterAll(() => h?.stop());

  const finished = (code: string) =>
    eventually(async () => {
      const running = h.runtime.stepFunctions.running().filter((e) => e.name.startsWith(code));
      return running.length === 0;
    });

  it('(c) a refusal (form 03) stops processing with status 8 and the reason', async () => {
    const who = applicant(1);
    const { code, lookupPin } = await s.receive(desk, 'TP-LLTP', who);
    await s.task('STP', stp, code);
    await s.decide(stp, code, 's1-stp', { outcome: 'approve' });
    await s.task('CATP', catp, code);
    await s.decide(catp, code, 's2-catp', { outcome: 'refuse', reason: 'Người yêu cầu không thuộc diện được cấp Phiếu lý lịch tư pháp số 2' });
    const refusal = await s.email(who.email, 'Phiếu từ chối');
    expect(refusal.body.text).toContain('không thuộc diện');
    expect(refusal.body.text).toContain('Công an thành phố Hà Nội');
    await s.status(desk, code, 8);
    await finished(code);
    const d = await s.dossier(desk, code);
    expect(d.stop).toMatchObject({ kind: 'refused', agency: 'CATP' });
    const pub = await h.call('GET', `/public/dossiers/${code}`, { headers: { 'x-lookup-pin': lookupPin } });
    expect(pub.body.statusText.en).toBe('Processing stopped');
    expect(pub.body.history.map((e: { event: string }) => e.event)).toContain('refused');
    // nothing more: no result, no second notice; the return step never opened
    expect(d.steps.map((x: { stepId: string }) => x.stepId)).not.toContain('return');
    const subjects = (await h.emailsTo(who.email)).map((e) => e.subject);
    expect(subjects.filter((x) => x.includes('đã có kết quả'))).toHaveLength(0);
    expect(subjects.filter((x) => x.includes('Phiếu từ chối'))).toHaveLength(1);
    // a late decision on a stopped dossier is refused
    expect((await h.call('POST', `/dossiers/${code}/steps/s2-catp/decision`, { token: catp, body: { outcome: 'approve' } })).status).toBe(409);
  });

  it('(d) a withdrawal in mid-route stops everything, with status 7', async () => {
    const who = applicant(2);
    const { code, lookupPin } = await s.receive(desk, 'XD-GPXD', who);
    const sxd = await h.token('sxd-1', ['agency-SXD']);
    await Promise.all([s.task('SXD', sxd, code, 's1-sxd'), s.task('CATP', catp, code, 's1-catp')]);
    await s.decide(catp, code, 's1-catp', { outcome: 'approve' });

    const res = await h.call('POST', `/public/dossiers/${code}/withdraw`, { headers: { 'x-lookup-pin': lookupPin }, body: { reason: 'Thay đổi thiết kế' } });
    expect(res.status).toBe(202);
    const withdrawn = await s.email(who.email, 'đã được rút');
    // the appointment in the citizen's calendar is cancelled: same UID, higher SEQUENCE
    const receipt = await s.email(who.email, 'Giấy tiếp nhận');
    const icsOf = (e: unknown) => Buffer.from((e as { attachments: { content: string }[] }).attachments[0]!.content, 'base64').toString('utf8');
    const field = (ics: string, name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(ics)?.[1]?.trim();
    expect(field(icsOf(withdrawn), 'METHOD')).toBe('CANCEL');
    expect(field(icsOf(withdrawn), 'UID')).toBe(field(icsOf(receipt), 'UID'));
    expect(Number(field(icsOf(withdrawn), 'SEQUENCE'))).toBeGreaterThan(Number(field(icsOf(receipt), 'SEQUENCE')));
    await finished(code);
    const d = await s.dossier(desk, code);
    expect(d.status).toBe(7);
    // the open step left the agency's queue; the withdrawal cannot be repeated or undone
    expect((await h.call('GET', '/agencies/SXD/tasks', { token: sxd })).body.tasks.some((t: { dossierCode: string }) => t.dossierCode === code)).toBe(false);
    expect((await h.call('POST', `/public/dossiers/${code}/withdraw`, { headers: { 'x-lookup-pin': lookupPin }, body: {} })).status).toBe(409);
    expect((await h.call('POST', `/dossiers/${code}/steps/s1-sxd/decision`, { token: sxd, body: { outcome: 'approve' } })).status).toBe(409);
    // the clock moving on sends nothing more (no apology for a withdrawn dossier)
    await h.advance('P30D');
    await h.settled(); // every timer due in those 30 days has fired and its letters are sent
    const subjects = (await h.emailsTo(who.email)).map((e) => e.subject);
    expect(subjects).toHaveLength(2); // receipt, withdrawn
  });
});
