import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

const ALL = ['motcua/tasks.read', 'motcua/dossiers.read', 'motcua/steps.decide'];

/**
 * An agency's own software with a client-credentials token (client_id and scope, no groups),
 * through the local gateway: the API's authorizer lets it in only while its client is registered
 * (CLIENT#<id>, written by POST /_local/agency-clients as `npm run agency-client -- add` writes it
 * on AWS); it then acts for that agency, under the same rules as its officers, and only with the
 * scopes the registry gives each route.
 */
describe("agencies' systems (client credentials)", () => {
  let h: Harness;
  let code: string;
  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.registerClient('STP');
    await h.registerClient('CATP');
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

  it('is refused by the authorizer everywhere when its client is registered for no agency', async () => {
    const unknown = await h.clientToken('ZZZ', ALL);
    for (const path of ['/agencies/ZZZ/tasks', '/agencies/STP/tasks', `/dossiers/${code}`]) {
      const res = await h.call('GET', path, { token: unknown });
      // API Gateway's answer to its authorizer's refusal: nothing reached a function
      expect(res.status, path).toBe(403);
      expect(res.body).toEqual({ message: 'Forbidden' });
    }
    const res = await h.call('POST', '/_local/agency-clients', { body: { agency: 'ZZZ' } });
    expect(res.status).toBe(404);
  });

  it('is accepted once registered at run time, for an agency added at run time, and refused again once removed', async () => {
    const op = await h.token('op-1', ['operator']);
    const put = await h.call('PUT', '/agencies/SGD', {
      token: op,
      body: { kind: 'department', email: 'sogiaoduc@example.gov.vn', name: { vi: 'Sở Giáo dục và Đào tạo', en: 'Department of Education and Training' } },
    });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    const token = await h.clientToken('SGD', ['motcua/tasks.read']);
    expect((await h.call('GET', '/agencies/SGD/tasks', { token })).status).toBe(403);

    await h.registerClient('SGD');
    const tasks = await h.call('GET', '/agencies/SGD/tasks', { token });
    expect(tasks.status, JSON.stringify(tasks.body)).toBe(200);
    expect(tasks.body.tasks).toEqual([]);
    // the same token, another agency's queue: the route's own rule (403 problem+json from the function)
    const other = await h.call('GET', '/agencies/STP/tasks', { token });
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toContain('problem+json');

    const removed = await h.call('DELETE', '/_local/agency-clients/SGD');
    expect(removed.body).toEqual({ clientId: 'local-agency-SGD', removed: true });
    expect((await h.call('GET', '/agencies/SGD/tasks', { token })).status).toBe(403);
  });

  it('decides its step with motcua/steps.decide, and the workflow goes on', async () => {
    const token = await h.clientToken('STP', ALL);
    const res = await h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token, body: { outcome: 'approve' } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await scenario(h).task('CATP', await h.clientToken('CATP', ALL), code, 's2-catp');
  });
});
