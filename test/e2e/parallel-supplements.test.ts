import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar, loadBundledCalendarYears } from '../../functions/core/calendar/working-time';
import { stateMachineArn } from '../../infra/local/stepfunctions';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';

const cal = new WorkingCalendar(loadBundledCalendarYears());
const plus = (iso: string, hours: number) => cal.addWorkingTime(new Date(iso), hours).getTime();
const hoursBetween = (a: string, b: string) => cal.workingTimeBetween(new Date(a), new Date(b));

/**
 * Point 1 of issue 10, the probe: on XD-GPXD (SXD and CATP in parallel) both agencies ask for a
 * supplement. Each request is its own pause; the dossier's clock stops while any is open; a
 * supplement answers the open requests it covers; every step goes back to the agency that asked;
 * due times and the appointment move by the UNION of the paused working time.
 */
describe('parallel supplement requests', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, sxd: string, catp: string;
  let sfn: SFNClient;
  const asked = { outcome: 'request-supplement', missing: ['Bản vẽ thiết kế'], reason: 'Thiếu bản vẽ' };

  beforeAll(async () => {
    h = await startHarness();
    s = scenario(h);
    await s.setClock('2026-12-01T09:00:00+07:00'); // Tuesday
    desk = await h.token('desk-1', ['desk']);
    sxd = await h.token('sxd-1', ['agency-SXD']);
    catp = await h.token('catp-1', ['agency-CATP']);
    sfn = new SFNClient({ endpoint: h.runtime.stepFunctionsUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  });
  afterAll(() => h?.stop());

  const checks = async (code: string) => {
    const arn = `${stateMachineArn('dossier').replace(':stateMachine:', ':execution:')}:${code}`;
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn }));
    return (events ?? []).filter((e) => (e as { stateEnteredEventDetails?: { name?: string } }).stateEnteredEventDetails?.name === 'CheckStep').length;
  };

  it('SXD then CATP ask; one supplement at the desk answers both; both steps go back; the appointment moves by the union', async () => {
    const who = applicant(1);
    const received = await s.receive(desk, 'XD-GPXD', who);
    const { code } = received;
    const sxdTask = await s.task('SXD', sxd, code, 's1-sxd');
    const catpTask = await s.task('CATP', catp, code, 's1-catp');

    await s.setClock('2026-12-01T10:00:00+07:00');
    await s.decide(sxd, code, 's1-sxd', asked);
    await s.setClock('2026-12-01T11:00:00+07:00');
    await s.decide(catp, code, 's1-catp', { ...asked, missing: ['Giấy phép PCCC'] });
    await eventually(async () => (await h.emailsTo(who.email)).filter((e) => e.subject.includes('Phiếu yêu cầu bổ sung')).length === 2);
    const paused = await s.dossier(desk, code);
    expect(paused.status).toBe(5);
    expect(paused.pauses.filter((p: { to?: string }) => !p.to)).toHaveLength(2);

    // a week later the citizen brings everything to the desk
    await s.setClock('2026-12-08T10:00:00+07:00');
    const supplied = await h.call('POST', `/dossiers/${code}/supplement`, { token: desk, body: { documents: [{ name: 'Bản vẽ', ref: 'upload://a' }, { name: 'PCCC', ref: 'upload://b' }] } });
    expect(supplied.status).toBe(202);
    expect(supplied.body.stepIds.sort()).toEqual(['s1-catp', 's1-sxd']);
    await s.status(desk, code, 4);

    // both steps back with their agencies, due times moved by the union (10:00 Tue → 10:00 Tue next week), not the sum
    const union = hoursBetween('2026-12-01T10:00:00+07:00', '2026-12-08T10:00:00+07:00');
    const back = await eventually(async () => {
      const t = await s.task('SXD', sxd, code, 's1-sxd');
      return t.dueAt && Date.parse(t.dueAt) === plus(sxdTask.dueAt, union) ? t : undefined;
    });
    expect(Date.parse(back.dueAt)).toBe(plus(sxdTask.dueAt, union));
    const catpBack = await eventually(async () => {
      const t = await s.task('CATP', catp, code, 's1-catp');
      return t.dueAt && Date.parse(t.dueAt) === plus(catpTask.dueAt, union) ? t : undefined;
    });
    expect(catpBack.dueAt).toBeTruthy();
    const after = await eventually(async () => {
      const d = await s.dossier(desk, code);
      return Date.parse(d.appointmentAt) === plus(received.appointmentAt, union) ? d : undefined;
    });
    expect(after.pauses.every((p: { to?: string }) => p.to)).toBe(true);
    // one letter for one supplement
    await s.email(who.email, 'Đã nhận hồ sơ bổ sung');
    await h.settled(); // both steps wait on their agencies and the email queue is drained
    expect((await h.emailsTo(who.email)).filter((e) => e.subject.includes('Đã nhận hồ sơ bổ sung'))).toHaveLength(1);

    // both approve: the dossier moves on to the second stage
    await s.decide(sxd, code, 's1-sxd', { outcome: 'approve' });
    await s.decide(catp, code, 's1-catp', { outcome: 'approve' });
    await s.task('SXD', sxd, code, 's2-sxd');
    expect(await checks(code)).toBeLessThan(40); // no busy loop while paused
  });

  it('a supplement naming one step answers only its request; the second supplement answers the other', async () => {
    const who = applicant(2);
    await s.setClock('2026-12-15T09:00:00+07:00'); // Tuesday
    const received = await s.receive(desk, 'XD-GPXD', who);
    const { code, lookupPin } = received;
    await s.task('SXD', sxd, code, 's1-sxd');
    await s.task('CATP', catp, code, 's1-catp');
    await s.setClock('2026-12-15T10:00:00+07:00');
    await s.decide(sxd, code, 's1-sxd', asked);
    await s.setClock('2026-12-15T11:00:00+07:00');
    await s.decide(catp, code, 's1-catp', asked);
    await eventually(async () => (await s.dossier(desk, code)).pauses?.length === 2);

    await s.setClock('2026-12-16T10:00:00+07:00');
    const first = await h.call('POST', `/public/dossiers/${code}/supplement`, {
      headers: { 'x-lookup-pin': lookupPin },
      body: { documents: [{ name: 'PCCC', ref: 'upload://c' }], steps: ['s1-catp'] },
    });
    expect(first.status).toBe(202);
    // CATP has its dossier back, the clock still stopped by SXD's request
    await s.task('CATP', catp, code, 's1-catp');
    expect((await s.dossier(desk, code)).status).toBe(5);
    const wrong = await h.call('POST', `/dossiers/${code}/supplement`, { token: desk, body: { documents: [{ name: 'x', ref: 'y' }], steps: ['s1-catp'] } });
    expect(wrong.status).toBe(409);

    await s.setClock('2026-12-17T10:00:00+07:00');
    const second = await h.call('POST', `/dossiers/${code}/supplement`, { token: desk, body: { documents: [{ name: 'Bản vẽ', ref: 'upload://d' }] } });
    expect(second.status).toBe(202);
    expect(second.body.stepIds).toEqual(['s1-sxd']);
    await s.status(desk, code, 4);
    await s.task('SXD', sxd, code, 's1-sxd');
    // the overlap (Wed 10:00 → the CATP part) is counted once: the union is Tue 10:00 → Thu 10:00
    const union = hoursBetween('2026-12-15T10:00:00+07:00', '2026-12-17T10:00:00+07:00');
    await eventually(async () => Date.parse((await s.dossier(desk, code)).appointmentAt) === plus(received.appointmentAt, union));
    // two supplements, two letters; the first says the new appointment is still to come
    const letters = await eventually(async () => {
      const l = (await h.emailsTo(who.email)).filter((e) => e.subject.includes('Đã nhận hồ sơ bổ sung'));
      return l.length === 2 ? l : undefined;
    });
    expect(letters.map((l) => l.body.text.includes('yêu cầu khác'))).toContain(true);
  });
});
