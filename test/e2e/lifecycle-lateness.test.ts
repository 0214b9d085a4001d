import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar, loadBundledCalendarYears } from '../../functions/core/calendar/working-time';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

const cal = new WorkingCalendar(loadBundledCalendarYears());
const iso = (t: number) => new Date(t).toISOString();

/** (e) A delay reported before the due time, and (f) a due time passing: warning, apology, late approval. */
describe('lateness', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, stp: string, sdl: string;

  beforeAll(async () => {
    h = await startHarness();
    s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00'); // Wednesday
    desk = await h.token('desk-1', ['desk']);
    stp = await h.token('stp-1', ['agency-STP']);
    sdl = await h.token('sdl-1', ['agency-SDL']);
  });
  afterAll(() => h?.stop());

  it('(e) a delay reported before the due time apologises at once and moves the appointment', async () => {
    const who = applicant(1);
    const received = await s.receive(desk, 'TP-LLTP', who);
    const { code } = received;
    const task = await s.task('STP', stp, code);
    expect(task.dueAt).toBe('2026-12-07T09:00:00+07:00'); // 24 working hours from Wed 09:00

    const early = await h.call('POST', `/dossiers/${code}/steps/s1-stp/delay`, { token: stp, body: { reason: 'Chờ kết quả xác minh', newDueAt: '2026-12-04T09:00:00+07:00' } });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].field).toBe('newDueAt');

    const reason = 'Cần xác minh thông tin tại địa phương nơi cư trú trước đây';
    const delayed = await h.call('POST', `/dossiers/${code}/steps/s1-stp/delay`, { token: stp, body: { reason, newDueAt: '2026-12-09T17:00:00+07:00' } });
    expect(delayed.status).toBe(202);
    const apology = await s.email(who.email, 'Phiếu xin lỗi');
    expect(apology.body.text).toContain(reason);
    expect(apology.body.text).toContain('Sở Tư pháp');
    // the due time has not come: the apology came before it
    const clock = await h.call('GET', '/_local/clock');
    expect(Date.parse(clock.body.now)).toBeLessThan(Date.parse(task.dueAt));

    const extension = cal.workingTimeBetween(new Date(task.dueAt), new Date('2026-12-09T17:00:00+07:00'));
    const after = await s.dossier(desk, code);
    expect(after.steps[0].dueAt).toBe('2026-12-09T17:00:00+07:00');
    expect(Date.parse(after.appointmentAt)).toBe(cal.addWorkingTime(new Date(received.appointmentAt), extension).getTime());
    const [y, m, d] = after.appointmentAt.slice(0, 10).split('-');
    expect(apology.body.text).toContain(`${d}/${m}/${y}`); // the new appointment
    const attachments = (apology as unknown as { attachments?: { filename?: string; content?: string }[] }).attachments ?? [];
    expect(attachments.map((a) => a.filename)).toContain(`hen-tra-ket-qua-${code}.ics`);
    // the calendar event moves: same UID, higher SEQUENCE than the receipt's
    const receipt = await s.email(who.email, 'Giấy tiếp nhận');
    const icsOf = (e: unknown) => Buffer.from(((e as { attachments: { content: string }[] }).attachments[0]!.content), 'base64').toString('utf8');
    const field = (ics: string, name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(ics)?.[1]?.trim();
    expect(field(icsOf(apology), 'UID')).toBe(field(icsOf(receipt), 'UID'));
    expect(Number(field(icsOf(apology), 'SEQUENCE'))).toBeGreaterThan(Number(field(icsOf(receipt), 'SEQUENCE')));
    // one apology per delay, whatever is retried
    expect((await h.emailsTo(who.email)).filter((e) => e.subject.includes('Phiếu xin lỗi'))).toHaveLength(1);
  });

  it('(f) the due time passes: the agency is warned, the citizen apologised to, and the approval is late', async () => {
    const who = applicant(2);
    const received = await s.receive(desk, 'DL-LHND', who);
    const { code } = received;
    const task = await s.task('SDL', sdl, code);
    const warnAt = cal.addWorkingTime(new Date(task.assignedAt), 72 - 4).getTime();

    await s.setClock(iso(warnAt - 60_000));
    await h.settled(); // no timer due at this time is left to fire, no letter left in the queue
    expect((await h.emails()).filter((e) => e.destination.to.includes('sodulich@hanoi.example.gov.vn'))).toHaveLength(0);
    await s.setClock(iso(warnAt + 60_000));
    const warning = await s.email('sodulich@hanoi.example.gov.vn', 'Cảnh báo');
    expect(warning.body.text).toContain(code);
    expect((await h.emailsTo(who.email)).filter((e) => e.subject.includes('xin lỗi'))).toHaveLength(0);

    await s.setClock(iso(Date.parse(task.dueAt) + 60_000));
    const apology = await s.email(who.email, 'Phiếu xin lỗi');
    expect(apology.body.text).toContain('Sở Du lịch');
    const late = await s.dossier(desk, code);
    expect(late.steps[0].extensions).toBe(1);
    expect(Date.parse(late.appointmentAt)).toBe(cal.addWorkingTime(new Date(received.appointmentAt), 72).getTime());

    await s.decide(sdl, code, 's1-sdl', { outcome: 'approve' });
    await s.email(who.email, 'đã có kết quả');
    const subjects = (await h.emailsTo(who.email)).map((e) => e.subject);
    expect(subjects.filter((x) => x.includes('Phiếu xin lỗi'))).toHaveLength(1);
    expect((await h.emails()).filter((e) => e.subject.includes('Cảnh báo') && e.body.text.includes(code))).toHaveLength(1);

    // the control sheet names the late agency, and the report counts it
    const sheet = (await h.call('GET', `/dossiers/${code}/control-sheet`, { token: desk })).body;
    const sdlRow = sheet.handOvers.find((r: { stepId?: string }) => r.stepId === 's1-sdl');
    expect(sdlRow).toMatchObject({ from: 'TTHCC', to: 'SDL', timeliness: 'late' });
    expect(sdlRow.apologies).toHaveLength(1);
    const operator = await h.token('op-1', ['operator']);
    const report = (await h.call('GET', '/reports/timeliness?from=2026-12-01&to=2026-12-31&by=agency', { token: operator })).body;
    const sdlFigures = report.rows.find((r: { key: string }) => r.key === 'SDL').steps;
    expect(sdlFigures).toMatchObject({ late: 1, apologies: 1 });
  });
});
