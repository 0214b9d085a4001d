import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/**
 * End to end through the local gateway, the local Step Functions endpoint running
 * statemachines/dossier.asl.json, dynalite and the SES mailbox.
 */
describe('a judicial-record certificate, Department of Justice then City Police', () => {
  let h: Harness;
  let desk: string, stp: string, catp: string;

  beforeAll(async () => {
    h = await startHarness();
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-01T09:00:00+07:00' } }); // a Tuesday
    desk = await h.token('desk-officer-1', ['desk']);
    stp = await h.token('stp-officer-1', ['agency-STP']);
    catp = await h.token('catp-officer-1', ['agency-CATP']);
  });
  afterAll(() => h?.stop());

  it('is received, routed, decided on time, and the citizen is told at each step', async () => {
    const who = applicant(1);
    const received = await h.call('POST', '/dossiers', {
      token: desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'TP-LLTP', applicant: who, channel: 'counter', documents: [{ name: 'Tờ khai', ref: 's3://docs/1' }] },
    });
    expect(received.status).toBe(201);
    const { code } = received.body;
    expect(code).toMatch(/^TTHCC-261201-\d{4}$/);
    expect(received.body.receivedAt).toBe('2026-12-01T09:00:00+07:00');
    // 24 h + 48 h + 4 h (the desk returns the result) = 76 working hours from Tue 1/12 09:00 → Mon 14/12 14:00
    expect(received.body.appointmentAt).toBe('2026-12-14T14:00:00+07:00');
    expect(received.body.lookupPin).toMatch(/^\d{8}$/);

    const receipt = await eventually(async () => (await h.emailsTo(who.email)).find((e) => e.subject.includes('Giấy tiếp nhận')));
    expect(receipt.subject).toContain(code);
    expect(receipt.body.text).toContain('Thứ Hai, 14/12/2026 14:00');
    expect(receipt.body.text).toContain('Monday, 14/12/2026 14:00');

    const queue = await eventually(async () => {
      const res = await h.call('GET', '/agencies/STP/tasks', { token: stp });
      return res.body.tasks?.find((t: { dossierCode: string }) => t.dossierCode === code);
    });
    expect(queue).toMatchObject({ stepId: 's1-stp', dueAt: '2026-12-04T09:00:00+07:00' });

    const decided = await h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: stp, body: { outcome: 'approve', note: 'Không có án tích' } });
    expect(decided.status).toBe(202);

    const next = await eventually(async () => {
      const res = await h.call('GET', '/agencies/CATP/tasks', { token: catp });
      return res.body.tasks?.find((t: { dossierCode: string }) => t.dossierCode === code);
    });
    expect(next.stepId).toBe('s2-catp');
    expect((await h.call('POST', `/dossiers/${code}/steps/s2-catp/decision`, { token: catp, body: { outcome: 'approve' } })).status).toBe(202);

    const result = await eventually(async () => (await h.emailsTo(who.email)).find((e) => e.subject.includes('đã có kết quả')));
    expect(result.body.text).toContain(code);
    expect((await h.call('GET', `/dossiers/${code}`, { token: desk })).body.status).toBe(9);

    // the one-stop desk hands the result back: status 10
    const back = await eventually(async () =>
      (await h.call('GET', '/agencies/TTHCC/tasks', { token: desk })).body.tasks?.find((t: { dossierCode: string }) => t.dossierCode === code),
    );
    expect(back.stepId).toBe('return');
    expect((await h.call('POST', `/dossiers/${code}/steps/return/decision`, { token: desk, body: { outcome: 'approve' } })).status).toBe(202);
    await eventually(async () => (await h.emailsTo(who.email)).length === 4);
    const dossier = await h.call('GET', `/dossiers/${code}`, { token: desk });
    expect(dossier.body.status).toBe(10);
    expect(dossier.body.steps.map((s: { state: string }) => s.state)).toEqual(['approved', 'approved', 'approved']);
    await h.settled(); // the execution has ended and the email queue is drained
    // receipt, result ready, returned, rating invitation: no apology, nothing twice
    expect((await h.emailsTo(who.email)).length).toBe(4);
  });

  it('apologises with a new appointment when the clock passes a step’s due time', async () => {
    const who = applicant(2);
    const { body } = await h.call('POST', '/dossiers', {
      token: desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'DL-LHND', applicant: who, channel: 'online' },
    });
    const { code, appointmentAt } = body;
    const sdl = await h.token('sdl-officer-1', ['agency-SDL']);
    const step = await eventually(async () =>
      (await h.call('GET', '/agencies/SDL/tasks', { token: sdl })).body.tasks?.find((t: { dossierCode: string }) => t.dossierCode === code),
    );
    expect(Date.parse(step.dueAt)).toBeLessThan(Date.parse(appointmentAt)); // the desk's 4 h come after

    await h.advance('P20D'); // far past the 72 working hours
    const apology = await eventually(async () => (await h.emailsTo(who.email)).find((e) => e.subject.includes('xin lỗi')));
    expect(apology.body.text).toContain('Sở Du lịch');
    expect(apology.body.text).toContain('Department of Tourism');
    const after = await h.call('GET', `/dossiers/${code}`, { token: desk });
    expect(after.body.steps[0].extensions).toBeGreaterThanOrEqual(1);
    expect(Date.parse(after.body.appointmentAt)).toBeGreaterThan(Date.parse(appointmentAt));

    // a late decision still closes the dossier
    expect((await h.call('POST', `/dossiers/${code}/steps/s1-sdl/decision`, { token: sdl, body: { outcome: 'approve' } })).status).toBe(202);
    await eventually(async () => (await h.emailsTo(who.email)).find((e) => e.subject.includes('đã có kết quả')));
    const apologies = (await h.emailsTo(who.email)).filter((e) => e.subject.includes('xin lỗi'));
    const final = await h.call('GET', `/dossiers/${code}`, { token: desk });
    expect(apologies.length).toBe(final.body.steps[0].extensions); // exactly one apology per lapse
  });
});
