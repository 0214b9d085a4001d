import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';

/**
 * Point 2 of issue 10: once the result is ready the appointment is kept; the citizen who comes
 * a week later is not late service — no apology, the desk's queue shows the result awaiting
 * collection, and the records show the return on time.
 */
describe('the return to the citizen', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, sdl: string;

  beforeAll(async () => {
    h = await startHarness();
    s = scenario(h);
    await s.setClock('2026-12-01T09:00:00+07:00'); // Tuesday
    [desk, sdl] = await Promise.all([h.token('desk-1', ['desk']), h.token('sdl-1', ['agency-SDL'])]);
  });
  afterAll(() => h?.stop());

  it('waits for the citizen without apologies, and counts the return on time', async () => {
    const who = applicant(1);
    const received = await s.receive(desk, 'DL-LHND', who);
    const { code } = received;
    await s.task('SDL', sdl, code, 's1-sdl');
    await h.advance('P1D');
    await s.decide(sdl, code, 's1-sdl', { outcome: 'approve' });
    await s.email(who.email, 'đã có kết quả');
    // the result waits at the desk, in its queue, however long the citizen takes
    const waiting = await s.task('TTHCC', desk, code, 'return');
    expect(waiting).toBeTruthy();
    for (const step of ['PT5H', 'P1D', 'P2D', 'P7D']) {
      await h.advance(step);
      await h.settled(); // whatever falls due by then has run
    }
    expect((await h.emailsTo(who.email)).filter((e) => e.subject.includes('xin lỗi'))).toHaveLength(0);
    const d = await s.dossier(desk, code);
    expect(d.appointmentAt).toBe(received.appointmentAt);
    const stillThere = (await h.call('GET', '/agencies/TTHCC/tasks', { token: desk })).body.tasks.find((t: { dossierCode: string }) => t.dossierCode === code);
    expect(stillThere?.stepId).toBe('return');

    await s.decide(desk, code, 'return', { outcome: 'approve' });
    await s.status(desk, code, 10);
    const sheet = (await h.call('GET', `/dossiers/${code}/control-sheet`, { token: desk })).body;
    expect(['early', 'on-time']).toContain(sheet.timeliness);
    expect(sheet.overdue).toBeUndefined();
    const ret = sheet.handOvers.find((r: { kind: string; stepId?: string }) => r.stepId === 'return' && r.kind === 'step');
    expect(['early', 'on-time']).toContain(ret.timeliness);
    const report = (await h.call('GET', '/reports/timeliness?from=2026-12-01&to=2026-12-31&by=procedure', { token: await h.token('op-1', ['operator']) })).body;
    const row = report.rows.find((r: { key: string }) => r.key === 'DL-LHND');
    expect(row.dossiers.returnedOnTime).toBe(1);
    await eventually(async () => (await h.emailsTo(who.email)).some((e) => e.subject.includes('Đã trả kết quả')));
  });
});
