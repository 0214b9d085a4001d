import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar, loadBundledCalendarYears } from '../../functions/core/calendar/working-time';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

const cal = new WorkingCalendar(loadBundledCalendarYears());
const plus = (iso: string, hours: number) => cal.addWorkingTime(new Date(iso), hours).getTime();

/** (b) A supplement requested then supplied: the appointment moves by exactly the paused working time. */
describe('a supplement round', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, stp: string;

  beforeAll(async () => {
    h = await startHarness();
    s = scenario(h);
    await s.setClock('2026-12-01T09:00:00+07:00'); // Tuesday
    desk = await h.token('desk-1', ['desk']);
    stp = await h.token('stp-1', ['agency-STP']);
  });
  afterAll(() => h?.stop());

  it('pauses the clock from the request to the supplement, and the citizen is told both ways', async () => {
    const who = applicant(1);
    const received = await s.receive(desk, 'TP-LLTP', who);
    const { code, lookupPin } = received;
    const task = await s.task('STP', stp, code, 's1-stp');

    await h.advance('PT1H'); // Tue 10:00
    await s.decide(stp, code, 's1-stp', { outcome: 'request-supplement', missing: ['Bản sao Căn cước công dân', 'Ảnh 4x6'], reason: 'Hồ sơ thiếu giấy tờ tùy thân' });
    await s.status(desk, code, 5);
    const request = await s.email(who.email, 'Phiếu yêu cầu bổ sung');
    expect(request.body.text).toContain('Bản sao Căn cước công dân');
    expect(request.body.text).toContain('Sở Tư pháp');
    // the step left the agency's queue while it waits for the citizen
    expect((await h.call('GET', '/agencies/STP/tasks', { token: stp })).body.tasks.some((t: { dossierCode: string }) => t.dossierCode === code)).toBe(false);
    const paused = await h.call('GET', `/public/dossiers/${code}`, { headers: { 'x-lookup-pin': lookupPin } });
    expect(paused.body.status).toBe(5);
    expect(paused.body.statusText.vi).toBe('Yêu cầu bổ sung hồ sơ');

    // a week of waiting: no lapse, no apology, no warning while the clock is paused
    await h.advance('P7D'); // Tue 8/12 10:00
    await h.settled(); // every timer due by then has fired and its letters are sent
    expect((await h.emailsTo(who.email)).some((e) => e.subject.includes('xin lỗi'))).toBe(false);

    const supplied = await h.call('POST', `/public/dossiers/${code}/supplement`, {
      headers: { 'x-lookup-pin': lookupPin },
      body: { documents: [{ name: 'Bản sao CCCD', ref: 'upload://cccd.pdf' }, { name: 'Ảnh 4x6', ref: 'upload://anh.jpg' }] },
    });
    expect(supplied.status).toBe(202);
    await s.email(who.email, 'Đã nhận hồ sơ bổ sung');
    await s.status(desk, code, 4);

    // paused from Tue 1/12 10:00 to Tue 8/12 10:00: exactly 5 working days = 40 working hours
    const pausedHours = cal.workingTimeBetween(new Date('2026-12-01T10:00:00+07:00'), new Date('2026-12-08T10:00:00+07:00'));
    expect(pausedHours).toBe(40);
    const after = await s.dossier(desk, code);
    expect(Date.parse(after.appointmentAt)).toBe(plus(received.appointmentAt, pausedHours));
    const back = await s.task('STP', stp, code, 's1-stp');
    expect(Date.parse(back.dueAt)).toBe(plus(task.dueAt, pausedHours));
    expect(after.pauses).toHaveLength(1);
    expect(after.documents).toHaveLength(2);

    // a second supplement for the same step is a new round; the same request twice is one
    await s.decide(stp, code, 's1-stp', { outcome: 'approve' });
    await s.task('CATP', await h.token('catp-1', ['agency-CATP']), code, 's2-catp');
    const again = await h.call('POST', `/public/dossiers/${code}/supplement`, { headers: { 'x-lookup-pin': lookupPin }, body: { documents: [{ name: 'x', ref: 'y' }] } });
    expect(again.status).toBe(409);
    const sheet = (await h.call('GET', `/dossiers/${code}/control-sheet`, { token: desk })).body;
    expect(sheet.handOvers.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['supplement-request', 'supplement']));
    expect(sheet.handOvers.find((r: { kind: string }) => r.kind === 'supplement-request')).toMatchObject({ from: 'STP', to: 'citizen' });
    const emails = (await h.emailsTo(who.email)).map((e) => e.subject);
    expect(emails.filter((x) => x.includes('Phiếu yêu cầu bổ sung'))).toHaveLength(1);
    expect(emails.filter((x) => x.includes('Đã nhận hồ sơ bổ sung'))).toHaveLength(1);
  });

  it('refuses a supplement when none was asked for, and a wrong PIN as an unknown dossier', async () => {
    const who = applicant(2);
    const { code, lookupPin } = await s.receive(desk, 'DL-LHND', who);
    const res = await h.call('POST', `/dossiers/${code}/supplement`, { token: desk, body: { documents: [{ name: 'x', ref: 'y' }] } });
    expect(res.status).toBe(409);
    const wrong = await h.call('POST', `/public/dossiers/${code}/supplement`, { headers: { 'x-lookup-pin': lookupPin === '12345678' ? '87654321' : '12345678' }, body: { documents: [{ name: 'x', ref: 'y' }] } });
    expect(wrong.status).toBe(404);
  });
});
