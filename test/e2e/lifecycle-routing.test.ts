import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';

/** (a) A route with a parallel stage, approved on time: statuses 2 → 4 → 9 → 10 and the citizen's emails. */
describe('a construction permit: Construction and Police in parallel, then Construction', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, sxd: string, catp: string;

  beforeAll(async () => {
    h = await startHarness();
    s = scenario(h);
    await s.setClock('2026-12-01T08:00:00+07:00'); // Tuesday
    desk = await h.token('desk-1', ['desk']);
    sxd = await h.token('sxd-1', ['agency-SXD']);
    catp = await h.token('catp-1', ['agency-CATP']);
  });
  afterAll(() => h?.stop());

  it('waits for both parallel steps before the next stage, and returns the result', async () => {
    const who = applicant(1);
    const { code, appointmentAt } = await s.receive(desk, 'XD-GPXD', who);
    // stage 1 = max(56, 40) h, stage 2 = 40 h, return 4 h: 100 working hours from Tue 1/12 08:00
    expect(appointmentAt).toBe('2026-12-17T12:00:00+07:00');
    await s.email(who.email, 'Giấy tiếp nhận');

    const [a, b] = await Promise.all([s.task('SXD', sxd, code, 's1-sxd'), s.task('CATP', catp, code, 's1-catp')]);
    expect(a.dueAt).toBe('2026-12-09T17:00:00+07:00'); // 56 h = 7 working days
    expect(b.dueAt).toBe('2026-12-07T17:00:00+07:00'); // 40 h = 5 working days
    // the steps are assigned, then the dossier marked in process: wait for it, not a race
    await s.status(desk, code, 4);

    await s.decide(catp, code, 's1-catp', { outcome: 'approve', note: 'Đạt yêu cầu PCCC' });
    await eventually(async () => (await s.dossier(desk, code)).steps.find((x: { stepId: string }) => x.stepId === 's1-catp')?.state === 'approved');
    await h.settled(); // the approval went through the workflow, which now waits on the other step only
    // one parallel step approved: the next stage has not opened
    expect((await s.dossier(desk, code)).steps.map((x: { stepId: string }) => x.stepId).sort()).toEqual(['s1-catp', 's1-sxd']);

    await s.decide(sxd, code, 's1-sxd', { outcome: 'approve' });
    await s.task('SXD', sxd, code, 's2-sxd');
    await s.decide(sxd, code, 's2-sxd', { outcome: 'approve' });
    await s.email(who.email, 'đã có kết quả');
    expect((await s.dossier(desk, code)).status).toBe(9);

    await s.task('TTHCC', desk, code, 'return');
    await s.decide(desk, code, 'return', { outcome: 'approve' });
    await s.status(desk, code, 10);
    await s.email(who.email, 'Mời đánh giá');
    const subjects = (await h.emailsTo(who.email)).map((e) => e.subject.split(' / ')[0]);
    expect(subjects).toHaveLength(4);
    expect(subjects[0]).toContain('Giấy tiếp nhận');
    expect(subjects[1]).toContain('đã có kết quả');
    expect(subjects[2]).toContain('Đã trả kết quả');
    expect(subjects[3]).toContain('Mời đánh giá');
    expect((await h.emailsTo(who.email)).some((e) => e.subject.includes('xin lỗi'))).toBe(false);

    // the control sheet: every hand-over, all early (decided the day they were received)
    const sheet = (await h.call('GET', `/dossiers/${code}/control-sheet`, { token: desk })).body;
    const steps = sheet.handOvers.filter((r: { kind: string }) => r.kind === 'step');
    expect(steps.map((r: { from: string; to: string }) => `${r.from}→${r.to}`)).toEqual(['TTHCC→SXD', 'TTHCC→CATP', 'SXD+CATP→SXD', 'SXD→TTHCC']);
    // each agency decided long before its due day: early; the desk's 4 h return is due the same day: on time
    expect(steps.map((r: { timeliness: string }) => r.timeliness)).toEqual(['early', 'early', 'early', 'early']); // the return: the result ready before the appointment
    expect(sheet.handOvers.at(-1)).toMatchObject({ kind: 'return', to: 'citizen', timeliness: 'early' });
  });
});
