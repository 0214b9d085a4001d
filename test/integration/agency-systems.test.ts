import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

const ALL = ['motcua/tasks.read', 'motcua/dossiers.read', 'motcua/steps.decide'];

/**
 * An agency's own software with a client-credentials token (client_id and scope, no groups),
 * through the local gateway: it acts for the agency its client is registered for (CLIENT#<id>,
 * written by the catalogue loader), under the same rules as its officers, and only with the
 * scopes the registry gives each route.
 */
describe("agencies' systems (client credentials)", () => {
  let h: Harness;
  let code: string;
  beforeAll(async () => {
    h = await startHarness({ resume: false });
    const s = scenario(h);
    const desk = await h.token('desk-1', ['desk']);
    code = (await s.receive(desk, 'TP-LLTP', applicant(1))).code;
    await s.task('STP', await h.token('stp-1', ['agency-STP']), code);
  });
  afterAll(() => h?.stop());

  it("reads its own agency's queue and the dossiers on its route", async () => {
    const token = await h.clientToken('STP', ALL);
    const tasks = await h.call('GET', '/agencies/STP/tasks', { token });
    expect(tasks.status).toBe(200);
    expect(tasks.body.tasks.map((t: { dossierCode: string }) => t.dossierCode)).toContain(code);
    expect((await h.call('GET', `/dossiers/${code}`, { token })).status).toBe(200);
  });

  it("is refused on another agency's queue and steps, as that agency's officers would refuse it", async () => {
    const catp = await h.clientToken('CATP', ALL);
    expect((await h.call('GET', '/agencies/STP/tasks', { token: catp })).status).toBe(403);
    const stp = await h.clientToken('STP', ALL);
    expect((await h.call('GET', '/agencies/CATP/tasks', { token: stp })).status).toBe(403);
    expect((await h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: catp, body: { outcome: 'approve' } })).status).toBe(403);
  });

  it('is refused without the scope the route needs, and on routes no scope opens', async () => {
    const decideOnly = await h.clientToken('STP', ['motcua/steps.decide']);
    const res = await h.call('GET', '/agencies/STP/tasks', { token: decideOnly });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/motcua\/tasks\.read/);
    const readOnly = await h.clientToken('STP', ['motcua/tasks.read']);
    expect((await h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: readOnly, body: { outcome: 'approve' } })).status).toBe(403);
    const all = await h.clientToken('STP', ALL);
    expect((await h.call('GET', '/reports/timeliness?from=2026-12-01&to=2026-12-31&by=agency', { token: all })).status).toBe(403);
    expect((await h.call('GET', '/procedures', { token: all })).status).toBe(403);
  });

  it('is refused everywhere when its client is registered for no agency', async () => {
    const unknown = await h.clientToken('ZZZ', ALL);
    expect((await h.call('GET', '/agencies/ZZZ/tasks', { token: unknown })).status).toBe(403);
    expect((await h.call('GET', '/agencies/STP/tasks', { token: unknown })).status).toBe(403);
  });

  it('decides its step with motcua/steps.decide, and the workflow goes on', async () => {
    const token = await h.clientToken('STP', ALL);
    const res = await h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token, body: { outcome: 'approve' } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await scenario(h).task('CATP', await h.clientToken('CATP', ALL), code, 's2-catp');
  });
});
