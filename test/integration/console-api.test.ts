import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeContracts } from '../../functions/contracts/routes';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';

type Listed = { id: string; dossierCode: string; eventKey: string; event: string; state: string; at: string | null; error?: string };

/**
 * The console's own routes against the stand-ins: GET /ops/emails lists failed (SES refused them
 * for 24 hours), bounced and complained letters (the mailbox simulator's addresses), and a letter
 * sent again leaves the list; GET /reports/timeliness/dossiers names the dossiers behind a figure
 * and refuses a question it cannot answer, naming the field.
 */
describe('the console’s API', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, operator: string, stp: string;
  const listed = async (state: string): Promise<Listed[]> => {
    const res = await h.call('GET', `/ops/emails?state=${state}`, { token: operator });
    expect(routeContracts['GET /ops/emails']!.responses[200]!.safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
    return res.body.emails;
  };

  beforeAll(async () => {
    h = await startHarness({ resume: false, retryScale: 0.001 });
    s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    [desk, operator, stp] = await Promise.all([h.token('desk-1', ['desk']), h.token('op-1', ['operator']), h.token('stp-1', ['agency-STP'])]);
  });
  afterAll(() => h?.stop());

  it('lists a failed letter (with its error), then not once it is sent again', async () => {
    const who = { ...applicant(61), email: `refused.${process.pid}@example.vn` };
    await h.call('POST', '/_local/faults', { body: { service: 'ses', status: 503, count: 1000, match: 'outbound-emails' } });
    const { code } = await s.receive(desk, 'DL-LHND', who);
    await eventually(async () => (await s.dossier(operator, code)).emails?.find((e: { eventKey: string; state: string }) => e.eventKey === 'receipt' && e.state === 'retrying'), 30_000);
    await h.advance('PT25H');
    const failed = await eventually(async () => (await listed('failed')).find((e) => e.dossierCode === code), 30_000);
    expect(failed).toMatchObject({ id: `${code}~receipt`, eventKey: 'receipt', state: 'failed', error: 'ServiceUnavailable' });
    expect(failed.at).toMatch(/\+07:00$/);
    expect(JSON.stringify(failed)).not.toContain(who.email);
    await h.call('DELETE', '/_local/faults');
    expect((await h.call('POST', `/ops/emails/${failed.id}/resend`, { token: operator })).status).toBe(202);
    await s.email(who.email, 'Giấy tiếp nhận');
    expect((await listed('failed')).some((e) => e.dossierCode === code)).toBe(false);
  });

  it('lists bounced and complained letters under their own state', async () => {
    const b = await s.receive(desk, 'DL-LHND', { ...applicant(62), email: 'bounce@simulator.amazonses.com' });
    const c = await s.receive(desk, 'DL-LHND', { ...applicant(63), email: 'complaint@simulator.amazonses.com' });
    const bounced = await eventually(async () => (await listed('bounced')).find((e) => e.dossierCode === b.code && e.eventKey === 'receipt'), 30_000);
    const complained = await eventually(async () => (await listed('complained')).find((e) => e.dossierCode === c.code && e.eventKey === 'receipt'), 30_000);
    expect(bounced.state).toBe('bounced');
    expect(complained.state).toBe('complained');
    expect((await listed('bounced')).some((e) => e.dossierCode === c.code)).toBe(false);
    expect((await listed('complained')).some((e) => e.dossierCode === b.code)).toBe(false);
    const bad = await h.call('GET', '/ops/emails?state=delivered', { token: operator });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('state');
  });

  it('names the dossiers behind a figure, the same count as the report’s', async () => {
    const { code } = await s.receive(desk, 'TP-LLTP', applicant(64));
    await s.task('STP', stp, code);
    await s.decide(stp, code, 's1-stp', { outcome: 'refuse', reason: 'Không thuộc thẩm quyền' });
    const q = 'from=2026-12-01&to=2026-12-31';
    const report = await eventually(async () => {
      const r = (await h.call('GET', `/reports/timeliness?${q}&by=agency`, { token: operator })).body;
      return r.rows.find((x: { key: string }) => x.key === 'STP').steps.refusals > 0 && r;
    });
    const stpRow = report.rows.find((x: { key: string }) => x.key === 'STP');
    for (const measure of ['steps', 'refusals', 'pending', 'early']) {
      const behind = (await h.call('GET', `/reports/timeliness/dossiers?${q}&by=agency&key=STP&measure=${measure}`, { token: operator })).body;
      expect(behind.count, measure).toBe(stpRow.steps[measure]); // one step per dossier at STP here
    }
    const refused = (await h.call('GET', `/reports/timeliness/dossiers?${q}&by=agency&key=STP&measure=refusals`, { token: operator })).body;
    expect(routeContracts['GET /reports/timeliness/dossiers']!.responses[200]!.safeParse(refused).success).toBe(true);
    expect(refused.dossiers).toContain(code);
    const received = (await h.call('GET', `/reports/timeliness/dossiers?${q}&by=procedure&key=total&measure=received`, { token: operator })).body;
    const total = (await h.call('GET', `/reports/timeliness?${q}&by=procedure`, { token: operator })).body.total;
    expect(received.count).toBe(total.dossiers.received);
    for (const [query, field] of [
      [`${q}&by=agency&key=STP&measure=received`, 'measure'],
      [`${q}&by=agency&key=STP&measure=nothing`, 'measure'],
      [`from=2026-12-31&to=2026-12-01&by=agency&key=STP&measure=late`, 'to'],
      [`${q}&by=agency&measure=late`, 'key'],
    ]) {
      const res = await h.call('GET', `/reports/timeliness/dossiers?${query}`, { token: operator });
      expect(res.status, query).toBe(400);
      expect(res.body.errors[0].field, query).toBe(field);
    }
  });

  it('lists an overdue open dossier with no activity for N days, not one quieter for less', async () => {
    const { code } = await s.receive(desk, 'DL-LHND', applicant(65));
    await s.task('SDL', await h.token('sdl-1', ['agency-SDL']), code);
    const overdue = async (days: number) => {
      const res = await h.call('GET', `/ops/overdue?quietDays=${days}`, { token: operator });
      expect(res.status).toBe(200);
      expect(routeContracts['GET /ops/overdue']!.responses[200]!.safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
      return (res.body.dossiers as { dossierCode: string; quietDays: number; holding: string[] }[]).find((d) => d.dossierCode === code);
    };
    expect(await overdue(0)).toBeUndefined(); // not past its appointment yet
    await h.advance('P20D'); // past its appointment (76 working hours), the step lapsed and was extended
    const row = await overdue(3);
    expect(row).toMatchObject({ holding: ['SDL'] });
    expect(row!.quietDays).toBeGreaterThanOrEqual(3);
    expect(await overdue(row!.quietDays + 1)).toBeUndefined();
    const bad = await h.call('GET', '/ops/overdue?quietDays=-1', { token: operator });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('quietDays');
  });
});
