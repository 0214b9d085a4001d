import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../infra/registry';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/** Every route, each allowed caller succeeds and every other kind is refused. */
describe('who may call what', () => {
  let h: Harness;
  let t: Record<'desk' | 'operator' | 'stp' | 'catp' | 'sdl' | 'nobody', string>;
  let code: string;

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    t = {
      desk: await h.token('desk-1', ['desk']),
      operator: await h.token('op-1', ['operator']),
      stp: await h.token('stp-1', ['agency-STP']),
      catp: await h.token('catp-1', ['agency-CATP']),
      sdl: await h.token('sdl-1', ['agency-SDL']),
      nobody: await h.token('citizen-1', []),
    };
    const res = await h.call('POST', '/dossiers', {
      token: t.desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'TP-LLTP', applicant: applicant(1), channel: 'counter' },
    });
    code = res.body.code;
    await eventually(async () => (await h.call('GET', '/agencies/STP/tasks', { token: t.stp })).body.tasks?.length);
  });
  afterAll(() => h?.stop());

  const cases = () => [
    { route: 'POST /dossiers', path: '/dossiers', body: { procedureCode: 'TP-LLTP', applicant: applicant(2), channel: 'counter' }, allow: { desk: 201 }, deny: { operator: 403, stp: 403, nobody: 403 } },
    { route: 'GET /dossiers/{code}', path: `/dossiers/${code}`, allow: { desk: 200, operator: 200, stp: 200, catp: 200 }, deny: { sdl: 404, nobody: 403 } },
    { route: 'GET /agencies/{agencyCode}/tasks', path: '/agencies/STP/tasks', allow: { stp: 200 }, deny: { catp: 403, desk: 403, operator: 403, nobody: 403 } },
    { route: 'GET /procedures', path: '/procedures', allow: { desk: 200, operator: 200, stp: 200, nobody: 200 }, deny: {} },
    { route: 'PUT /procedures/{code}', path: '/procedures/AC-TEST', body: { effectiveFrom: '2026-12-02', name: { vi: 'Thủ tục thử', en: 'Test procedure' }, field: { vi: 'Thử', en: 'Test' }, legalHours: 16, receivingAgency: 'TTHCC', stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP', name: { vi: 'Thẩm định', en: 'Appraisal' }, budgetHours: 8 }] }, { steps: [{ stepId: 'return', agency: 'TTHCC', name: { vi: 'Trả kết quả', en: 'Return of the result' }, budgetHours: 4 }] }] }, allow: { operator: 201 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /calendars/{year}', path: '/calendars/2026', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'PUT /calendars/{year}', path: '/calendars/2030', body: { year: 2030, status: 'awaiting-notice', entries: [] }, allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    // decision last: it changes the step
    { route: 'POST /dossiers/{code}/steps/{stepId}/decision', path: `/dossiers/${code}/steps/s1-stp/decision`, body: { outcome: 'approve' }, allow: { stp: 202 }, deny: { catp: 403, sdl: 403, desk: 403, operator: 403, nobody: 403 } },
  ];

  it('covers every route of the registry', () => {
    expect(cases().map((c) => c.route).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('refuses anonymous callers, forged and expired tokens on every route', async () => {
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ 'cognito:groups': ['desk'], client_id: 'motcua-local' })
      .setProtectedHeader({ alg: 'RS256' }).setSubject('x').setIssuer('http://127.0.0.1:0/_local/issuer').setExpirationTime('1h').sign(other.privateKey);
    for (const c of cases()) {
      const [method] = c.route.split(' ');
      for (const token of [undefined, forged, 'garbage']) {
        const res = await h.call(method!, c.path, { token, body: c.body, headers: { 'idempotency-key': uniqueKey() } });
        expect(res.status, `${c.route} with ${token ? 'a bad token' : 'no token'}`).toBe(401);
      }
    }
  });

  it('lets each allowed caller in and keeps every other caller out', async () => {
    for (const c of cases()) {
      const [method] = c.route.split(' ');
      for (const [who, status] of Object.entries(c.deny)) {
        const res = await h.call(method!, c.path, { token: t[who as keyof typeof t], body: c.body, headers: { 'idempotency-key': uniqueKey() } });
        expect(res.status, `${c.route} as ${who}`).toBe(status);
      }
      for (const [who, status] of Object.entries(c.allow)) {
        const res = await h.call(method!, c.path, { token: t[who as keyof typeof t], body: c.body, headers: { 'idempotency-key': uniqueKey() } });
        expect(res.status, `${c.route} as ${who}`).toBe(status);
      }
    }
  });

  it('never returns a task token', async () => {
    const res = await h.call('GET', `/dossiers/${code}`, { token: t.desk });
    expect(JSON.stringify(res.body)).not.toMatch(/taskToken|motcua-local-task-/);
    const tasks = await h.call('GET', '/agencies/CATP/tasks', { token: t.catp });
    expect(JSON.stringify(tasks.body)).not.toMatch(/taskToken|motcua-local-task-/);
  });
});
