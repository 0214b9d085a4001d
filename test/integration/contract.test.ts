import { readFileSync } from 'node:fs';
import type * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../infra/registry';
import { apiTypesSource, API_TYPES } from '../../functions/contracts/generate';
import { openApiDocument } from '../../functions/contracts/openapi';
import { routeContracts } from '../../functions/contracts/routes';
import { Problem } from '../../functions/contracts/responses';
import { applicant, eventually, scenario, startHarness, uniqueKey, type Harness } from '../support/local';
import { declare, pdf, postToS3 } from '../support/documents';
import { authorize } from '../support/national-sign-in';
import { testCitizens } from '../../infra/local/oidc';
import { askCompletion, citizenToken, judicialRecordAnswers } from '../support/online';
import { seedOnlineDossier } from '../support/online';
import { hanoi } from '../support/centre';
import { signedPush } from '../../infra/local/dvcqg';
import { portalDate } from '../../functions/core/dvcqg';

type Op = { 'x-roles': string[]; responses: Record<string, { content: Record<string, unknown> }>; operationId: string };

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Op>> };

  it('holds every registry route, with its roles and its problem+json errors', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const r of routes) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op!['x-roles']).toEqual(r.roles);
      for (const status of ['400', '500', '503']) expect(Object.keys(op!.responses[status]!.content)).toEqual(['application/problem+json']);
      if (!r.roles.includes('public')) expect(op!.responses['403'] ?? op!.responses['401'], `${r.method} ${r.path} refuses`).toBeDefined();
      expect(Object.keys(op!.responses).some((s) => s.startsWith('2'))).toBe(true);
    }
    const count = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(count).toBe(routes.length);
    expect(Object.keys(routeContracts).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('is what the web client is typed from: web/shared/api-types.ts is up to date (npm run contracts)', () => {
    expect(readFileSync(API_TYPES, 'utf8')).toBe(apiTypesSource());
  });
});

/**
 * Real answers of a scenario through the local gateway, each parsed with the response schema the
 * document was made from (and every error with the problem schema): the contract holds.
 */
describe('real answers validate against the contract', () => {
  let h: Harness;
  const seen = new Set<string>();
  beforeAll(async () => {
    h = await startHarness({ resume: false });
  });
  afterAll(() => h?.stop());

  const check = async (route: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await h.call(route.split(' ')[0]!, path, { ...opts, headers: { 'idempotency-key': uniqueKey(), ...opts.headers } });
    const c = routeContracts[route]!;
    const schema: z.ZodType | undefined = res.status < 300 ? c.responses[res.status] : Problem;
    expect(schema, `${route} answered ${res.status}, which the contract does not list: ${JSON.stringify(res.body)}`).toBeDefined();
    if (res.status >= 300) expect([400, 401, 403, 404, 409, 413, 422, 429, 500, 503]).toContain(res.status);
    if (res.status >= 400 && ![401, 413].includes(res.status)) expect(c.errors.concat(400, 500, 503), `${route} ${res.status}`).toContain(res.status);
    const parsed = schema!.safeParse(res.body);
    expect(parsed.success, `${route} ${res.status}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    seen.add(route);
    return res.body;
  };

  it('for every route a scenario reaches', async () => {
    const s = scenario(h);
    await s.setClock('2026-12-02T10:00:00+07:00');
    const desk = await h.token('desk-1', ['desk']);
    const op = await h.token('op-1', ['operator']);
    const stp = await h.token('stp-1', ['agency-STP']);
    const catp = await h.token('catp-1', ['agency-CATP']);
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    await check('GET /procedures', '/procedures', { token: desk });
    const a = await check('POST /dossiers', '/dossiers', { token: desk, body: { procedureCode: 'TP-LLTP', applicant: applicant(1), channel: 'counter', documents: [{ name: 'Tờ khai', ref: 'desk://1' }] } });
    await check('POST /dossiers', '/dossiers', { token: desk, body: { procedureCode: 'TP-LLTP', applicant: { ...applicant(1), email: 'nope' }, channel: 'counter' } });
    const b = await check('POST /dossiers', '/dossiers', { token: desk, body: { procedureCode: 'DL-LHND', applicant: applicant(2), channel: 'online' } });
    await s.task('STP', stp, a.code);
    await check('GET /agencies/{agencyCode}/tasks', '/agencies/STP/tasks', { token: stp });
    await check('GET /agencies/{agencyCode}/tasks', '/agencies/STP/tasks', { token: catp });
    // an agency's webhook: subscribed (its secret once), its delivery log
    const hook = await check('POST /agencies/{agencyCode}/webhooks', '/agencies/STP/webhooks', { token: stp, body: { url: 'http://127.0.0.1:9/hook' } });
    await check('POST /agencies/{agencyCode}/webhooks', '/agencies/STP/webhooks', { token: stp, body: { url: 'https://169.254.169.254/latest' } });
    await check('GET /agencies/{agencyCode}/webhooks/{id}/deliveries', `/agencies/STP/webhooks/${hook.id}/deliveries`, { token: stp });
    await check('GET /agencies/{agencyCode}/webhooks', '/agencies/STP/webhooks', { token: stp });
    await check('PATCH /agencies/{agencyCode}/webhooks/{id}', `/agencies/STP/webhooks/${hook.id}`, { token: stp, body: { enabled: false } });
    await check('PATCH /agencies/{agencyCode}/webhooks/{id}', `/agencies/STP/webhooks/${hook.id}`, { token: stp, body: { enabled: true } });
    await check('POST /agencies/{agencyCode}/webhooks/{id}/replay', `/agencies/STP/webhooks/${hook.id}/replay`, { token: stp, body: { code: 'TTHCC-261202-0999', seq: 1 } }); // 404
    await check('DELETE /agencies/{agencyCode}/webhooks/{id}', `/agencies/STP/webhooks/${hook.id}`, { token: stp });
    await check('DELETE /agencies/{agencyCode}/webhooks/{id}', `/agencies/STP/webhooks/${hook.id}`, { token: stp }); // 404
    await s.task('STP', stp, (await s.receive(desk, 'TP-LLTP', applicant(8))).code);
    const page = await check('GET /agencies/{agencyCode}/tasks', '/agencies/STP/tasks?limit=1', { token: stp });
    expect(page.tasks).toHaveLength(1);
    expect(page.nextCursor, 'a second page').toBeTypeOf('string');
    await check('GET /agencies/{agencyCode}/tasks', `/agencies/STP/tasks?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`, { token: stp });
    await check('GET /dossiers/{code}', `/dossiers/${a.code}`, { token: desk });
    await check('GET /dossiers', '/dossiers?q=nguyen', { token: desk });
    await check('GET /dossiers', `/dossiers?q=${a.code}`, { token: op });
    await check('GET /dossiers', '/dossiers?q=x', { token: desk });
    await check('GET /calendars/{year}', '/calendars/2026', { token: stp });
    await check('POST /dossiers/{code}/steps/{stepId}/delay', `/dossiers/${a.code}/steps/s1-stp/delay`, { token: stp, body: { reason: 'Chờ xác minh', newDueAt: '2026-12-10T17:00:00+07:00' } });
    await eventually(async () => (await s.dossier(desk, a.code)).steps[0].extensions === 1);
    await check('POST /dossiers/{code}/steps/{stepId}/decision', `/dossiers/${a.code}/steps/s1-stp/decision`, { token: stp, body: { outcome: 'request-supplement', missing: ['Bản sao CCCD'], reason: 'Thiếu' } });
    await s.status(desk, a.code, 5);
    await check('GET /public/dossiers/{code}', `/public/dossiers/${a.code}`, { headers: { 'x-lookup-pin': a.lookupPin } });
    await check('GET /public/dossiers/{code}', `/public/dossiers/${a.code}`, { headers: { 'x-lookup-pin': '000000' } });
    await check('POST /dossiers/{code}/supplement', `/dossiers/${a.code}/supplement`, { token: desk, body: { documents: [{ name: 'Bản sao CCCD', ref: 'desk://2' }] } });
    await check('POST /dossiers/{code}/supplement', `/dossiers/${a.code}/supplement`, { token: desk, body: { documents: [{ name: 'Bản sao CCCD', ref: 'desk://3' }] } });
    await s.task('STP', stp, a.code);
    await check('POST /dossiers/{code}/steps/{stepId}/decision', `/dossiers/${a.code}/steps/s1-stp/decision`, { token: stp, body: { outcome: 'approve', note: 'OK' } });
    await check('POST /dossiers/{code}/steps/{stepId}/decision', `/dossiers/${a.code}/steps/s1-stp/decision`, { token: catp, body: { outcome: 'approve' } });
    await s.task('SDL', sdl, b.code);
    await check('POST /dossiers/{code}/steps/{stepId}/decision', `/dossiers/${b.code}/steps/s1-sdl/decision`, { token: sdl, body: { outcome: 'approve' } });
    await s.task('TTHCC', desk, b.code, 'return');
    await check('POST /dossiers/{code}/steps/{stepId}/decision', `/dossiers/${b.code}/steps/return/decision`, { token: desk, body: { outcome: 'approve' } });
    await s.status(desk, b.code, 10);
    await check('POST /public/dossiers/{code}/rating', `/public/dossiers/${b.code}/rating`, { headers: { 'x-lookup-pin': b.lookupPin }, body: { score: 5 } });
    // issue 25: the evaluation (PIN, kiosk), an officer's figures, the 766 panel, the periodic report (json, xlsx)
    const best = Object.fromEntries(hanoi.evaluation!.criteria.map((c) => [c.id, c.scale.length]));
    await check('GET /public/dossiers/{code}/evaluation', `/public/dossiers/${b.code}/evaluation`, { headers: { 'x-lookup-pin': b.lookupPin } });
    await check('GET /dossiers/{code}/evaluation', `/dossiers/${b.code}/evaluation`, { token: desk });
    await check('POST /dossiers/{code}/evaluation', `/dossiers/${b.code}/evaluation`, { token: desk, body: { answers: best } });
    await check('POST /public/dossiers/{code}/evaluation', `/public/dossiers/${b.code}/evaluation`, { headers: { 'x-lookup-pin': b.lookupPin }, body: { answers: best } }); // twice: 409
    await check('GET /reports/officers', '/reports/officers?from=2026-12-01&to=2026-12-31', { token: desk });
    await check('GET /reports/index766', '/reports/index766?from=2026-12-01&to=2026-12-31', { token: op });
    await check('GET /reports/periodic', '/reports/periodic?period=2026-12', { token: op });
    await check('GET /reports/periodic', '/reports/periodic?period=2026-12&format=xlsx', { token: op });
    await check('GET /dossiers/{code}', `/dossiers/${b.code}`, { token: sdl });
    await check('GET /dossiers/{code}/control-sheet', `/dossiers/${a.code}/control-sheet`, { token: desk });
    await check('GET /dossiers/{code}/control-sheet', `/dossiers/${b.code}/control-sheet`, { token: op });
    await check('GET /agencies/{agencyCode}/logbook', '/agencies/TTHCC/logbook?date=2026-12-02', { token: desk });
    await check('GET /agencies/{agencyCode}/logbook', '/agencies/STP/logbook?date=2026-12-02', { token: stp });
    await check('GET /reports/timeliness', '/reports/timeliness?from=2026-12-01&to=2026-12-31', { token: op });
    await check('GET /reports/timeliness/dossiers', '/reports/timeliness/dossiers?from=2026-12-01&to=2026-12-31&by=agency&key=STP&measure=steps', { token: op });
    await check('GET /ops/emails', '/ops/emails?state=bounced', { token: op });
    await check('GET /ops/overdue', '/ops/overdue?quietDays=0', { token: op });
    await check('GET /ops/applicants/export', `/ops/applicants/export?email=${encodeURIComponent(applicant(1).email)}`, { token: op });
    await check('POST /ops/dossiers/{code}/resume', `/ops/dossiers/${a.code}/resume`, { token: op });
    const c = await s.receive(desk, 'TP-LLTP', applicant(3));
    await check('POST /public/dossiers/{code}/withdraw', `/public/dossiers/${c.code}/withdraw`, { headers: { 'x-lookup-pin': c.lookupPin }, body: { reason: 'Không cần nữa' } });
    await check('GET /calendars/{year}', '/calendars/2027', { token: op });
    await check('PUT /calendars/{year}', '/calendars/2031', { token: op, body: { year: 2031, status: 'awaiting-notice', entries: [] } });
    const procedure = { effectiveFrom: '2026-12-02', name: { vi: 'Thủ tục thử', en: 'Test procedure' }, field: { vi: 'Thử', en: 'Test' }, legalHours: 16, receivingAgency: 'TTHCC', stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP', name: { vi: 'Thẩm định', en: 'Appraisal' }, budgetHours: 8 }] }, { steps: [{ stepId: 'return', agency: 'TTHCC', name: { vi: 'Trả kết quả', en: 'Return of the result' }, budgetHours: 4 }] }] };
    await check('PUT /procedures/{code}', '/procedures/CT-TEST', { token: op, body: procedure });
    const d = await s.receive(desk, 'TP-LLTP', applicant(4));
    await s.task('STP', stp, d.code);
    await s.decide(stp, d.code, 's1-stp', { outcome: 'request-supplement', missing: ['Ảnh'], reason: 'Thiếu ảnh' });
    await s.status(desk, d.code, 5);
    // documents: the citizen's upload into the supplement asked, the desk's into another, a draft claimed at intake
    const mine = pdf(3000);
    const citizen = { 'x-lookup-pin': d.lookupPin };
    const asked = await check('POST /public/dossiers/{code}/documents', `/public/dossiers/${d.code}/documents`, { headers: citizen, body: declare(mine) });
    expect(await postToS3(asked, mine)).toBeLessThan(300);
    await check('POST /public/dossiers/{code}/documents/{documentId}/complete', `/public/dossiers/${d.code}/documents/${asked.documentId}/complete`, { headers: citizen });
    await eventually(async () => (await h.call('GET', `/public/dossiers/${d.code}/documents/${asked.documentId}`, { headers: citizen })).status === 200);
    await check('GET /public/dossiers/{code}/documents/{documentId}', `/public/dossiers/${d.code}/documents/${asked.documentId}`, { headers: citizen });
    await check('GET /public/dossiers/{code}', `/public/dossiers/${d.code}`, { headers: citizen });
    await check('POST /public/dossiers/{code}/supplement', `/public/dossiers/${d.code}/supplement`, { headers: citizen, body: { documents: [{ documentId: asked.documentId }, { name: 'Ảnh', ref: 'upload://1' }] } });
    const e = await s.receive(desk, 'TP-LLTP', applicant(5));
    await s.task('STP', stp, e.code);
    await s.decide(stp, e.code, 's1-stp', { outcome: 'request-supplement', missing: ['Ảnh'], reason: 'Thiếu ảnh' });
    await s.status(desk, e.code, 5);
    const scan = pdf(2500);
    const deskAsked = await check('POST /dossiers/{code}/documents', `/dossiers/${e.code}/documents`, { token: desk, body: declare(scan) });
    expect(await postToS3(deskAsked, scan)).toBeLessThan(300);
    await check('POST /dossiers/{code}/documents/{documentId}/complete', `/dossiers/${e.code}/documents/${deskAsked.documentId}/complete`, { token: desk });
    await eventually(async () => (await h.call('GET', `/dossiers/${e.code}/documents/${deskAsked.documentId}`, { token: desk })).status === 200);
    await check('GET /dossiers/{code}/documents/{documentId}', `/dossiers/${e.code}/documents/${deskAsked.documentId}`, { token: stp });
    await check('GET /dossiers/{code}', `/dossiers/${e.code}`, { token: desk });
    await check('GET /dossiers/{code}/control-sheet', `/dossiers/${e.code}/control-sheet`, { token: desk });
    const early = pdf(2000);
    const draft = await check('POST /documents/drafts', '/documents/drafts', { token: desk, body: declare(early) });
    expect(await postToS3(draft, early)).toBeLessThan(300);
    await check('POST /dossiers', '/dossiers', { token: desk, body: { procedureCode: 'TP-LLTP', applicant: applicant(6), channel: 'counter', documents: [{ draftId: draft.draftId }] } });

    // the desk corrects the applicant's phone
    await check('PATCH /dossiers/{code}/applicant', `/dossiers/${e.code}/applicant`, { token: desk, body: { phone: '0911 222 333' } });

    // the PIN: reissued at the desk, a reminder asked by the citizen
    await check('POST /dossiers/{code}/pin', `/dossiers/${e.code}/pin`, { token: desk, body: {} });
    await check('POST /public/dossiers/{code}/pin-reminder', `/public/dossiers/${e.code}/pin-reminder`, { body: {} });

    // the catalogue's agencies, the centre's public profile, the operators' failed workflows
    await check('GET /agencies', '/agencies', { token: stp });
    await check('PUT /agencies/{code}', '/agencies/CTEST', { token: op, body: { name: { vi: 'Cơ quan thử', en: 'Test agency' }, kind: 'department', email: 'ctest@example.vn' } });
    await check('GET /public/centre', '/public/centre');

    // the national sign-in (its stand-in, /_local/oidc) and the signed-in citizen's own routes
    const signing = await authorize(h, { identityNumber: testCitizens()[0]!.identityNumber });
    const signInBody = { code: signing.code, codeVerifier: signing.codeVerifier, redirectUri: signing.redirectUri, nonce: signing.nonce };
    const session = await check('POST /public/sign-in', '/public/sign-in', { body: signInBody });
    await check('POST /public/sign-in', '/public/sign-in', { body: signInBody }); // used: 400
    const signedInToken = session.token as string;
    await check('GET /public/me', '/public/me', { token: signedInToken });
    await check('GET /public/me/dossiers', '/public/me/dossiers', { token: signedInToken });
    await check('GET /public/me/dossiers/{code}', `/public/me/dossiers/${e.code}`, { token: signedInToken }); // not hers: 404
    const own = await s.receive(desk, 'TP-LLTP', { ...applicant(9), idNumber: testCitizens()[0]!.identityNumber });
    await check('GET /public/me/dossiers/{code}', `/public/me/dossiers/${own.code}`, { token: signedInToken });
    await check('GET /public/me/dossiers/{code}/evaluation', `/public/me/dossiers/${own.code}/evaluation`, { token: signedInToken });
    await check('POST /public/me/dossiers/{code}/evaluation', `/public/me/dossiers/${own.code}/evaluation`, { token: signedInToken, body: { answers: Object.fromEntries(hanoi.evaluation!.criteria.map((c) => [c.id, 1])) } }); // not returned: 409
    await check('POST /public/sign-out', '/public/sign-out', { token: signedInToken });
    await check('GET /public/me', '/public/me', { token: signedInToken }); // signed out: 401
    await check('GET /ops/dossiers', '/ops/dossiers?state=failed', { token: op });

    // a letter that bounced: the desk's citizens to call, then the operator re-sends it
    const bounced = await s.receive(desk, 'DL-LHND', { ...applicant(7), email: 'bounce@simulator.amazonses.com' });
    await eventually(async () => (await h.call('GET', '/agencies/TTHCC/contacts', { token: desk })).body.contacts.some((x: { dossierCode: string }) => x.dossierCode === bounced.code), 30_000);
    await check('GET /agencies/{agencyCode}/contacts', '/agencies/TTHCC/contacts', { token: desk });
    await check('GET /dossiers/{code}', `/dossiers/${bounced.code}`, { token: desk });
    await check('POST /ops/emails/{id}/resend', `/ops/emails/${bounced.code}~receipt/resend`, { token: op });
    // the national portal's sync: the operators' view, and a resend of an event that does not exist
    await check('GET /ops/sync', '/ops/sync?state=pending', { token: op });
    await check('GET /ops/sync/status', '/ops/sync/status', { token: op });
    const reconciled = await check('POST /ops/sync/reconciliation', '/ops/sync/reconciliation', { token: op, headers: { 'idempotency-key': uniqueKey() } });
    await check('GET /ops/sync/reconciliation', `/ops/sync/reconciliation?date=${reconciled.date}`, { token: op });
    await check('GET /ops/sync/reconciliation', '/ops/sync/reconciliation?date=2020-01-01', { token: op }); // 404
    await check('POST /ops/sync/backfill', '/ops/sync/backfill', { token: op, body: {} });
    await check('POST /ops/sync/backfill', '/ops/sync/backfill', { token: op, body: { from: '2026-12-01' } }); // 400
    await check('POST /ops/sync/{id}/retry', `/ops/sync/${bounced.code}.999/retry`, { token: op });
    // citizens' feedback: received, entered, assigned, merged, answered, published, found, counted
    const fa = await check('POST /public/feedback', '/public/feedback', { body: { kind: 'handling', text: 'Hồ sơ chậm', email: 'fb@example.vn', dossierCode: a.code } });
    await check('POST /public/feedback', '/public/feedback', { body: { kind: 'nope', text: '' } });
    const fb = await check('POST /feedback', '/feedback', { token: desk, body: { channel: 'hotline', kind: 'handling', text: 'Gọi về hồ sơ chậm' } });
    await check('GET /feedback', '/feedback?limit=1', { token: desk });
    await check('GET /feedback', '/feedback?agency=STP', { token: stp });
    await check('POST /feedback/{code}/assign', `/feedback/${fa.code}/assign`, { token: desk, body: { agency: 'STP', kind: 'handling' } });
    await check('POST /feedback/{code}/assign', `/feedback/${fa.code}/assign`, { token: desk, body: { agency: 'SXD' } });
    await check('POST /feedback/{code}/merge', `/feedback/${fb.code}/merge`, { token: desk, body: { into: fa.code } });
    await check('GET /feedback/{code}', `/feedback/${fa.code}`, { token: stp });
    await check('GET /feedback/{code}', `/feedback/${fa.code}`, { token: catp });
    await check('POST /feedback/{code}/answer', `/feedback/${fa.code}/answer`, { token: stp, body: { text: 'Đã giải quyết' } });
    await check('POST /feedback/{code}/publish', `/feedback/${fa.code}/publish`, { token: op, body: {} });
    await check('GET /public/feedback', '/public/feedback?q=ho%20so%20cham');
    await check('GET /feedback/figures', '/feedback/figures?from=2026-12-01&to=2026-12-31', { token: desk });
    // applying online: the public catalogue, a citizen's application, its file, its submission and a completion
    await check('GET /public/procedures', '/public/procedures?q=ly%20lich%20tu%20phap');
    await check('GET /public/procedures/{code}', '/public/procedures/TP-LLTP');
    await check('GET /public/procedures/{code}', '/public/procedures/XX-NONE');
    const lan = await citizenToken(h, 1);
    const app = await check('POST /public/applications', '/public/applications', { token: lan, body: { procedureCode: 'TP-LLTP', answers: { hoTen: 'Nguyễn Thị Lan' } } });
    await check('POST /public/applications', '/public/applications', { token: lan, body: { procedureCode: 'XD-GPXD' } });
    await check('POST /public/applications/{id}/submit', `/public/applications/${app.id}/submit`, { token: lan });
    const card = pdf();
    const ticket = await check('POST /public/applications/{id}/documents', `/public/applications/${app.id}/documents`, { token: lan, body: { ...declare(card), requirement: 'can-cuoc' } });
    expect(await postToS3(ticket, card)).toBeLessThan(300);
    const withFile = await check('POST /public/applications/{id}/documents/{documentId}/complete', ticket.complete, { token: lan });
    await check('PUT /public/applications/{id}', `/public/applications/${app.id}`, { token: lan, body: { answers: judicialRecordAnswers(), documents: withFile.documents.map(({ requirement, documentId }: { requirement: string; documentId: string }) => ({ requirement, documentId })) } });
    await check('GET /public/applications/{id}', `/public/applications/${app.id}`, { token: lan });
    const online = await check('POST /public/applications/{id}/submit', `/public/applications/${app.id}/submit`, { token: lan });
    await check('POST /public/me/dossiers/{code}/completion', `/public/me/dossiers/${online.code}/completion`, { token: lan, body: { answers: { mucDich: 'Xin thị thực' } } });
    await askCompletion(h, online.code);
    await check('POST /public/me/dossiers/{code}/completion', `/public/me/dossiers/${online.code}/completion`, { token: lan, body: { answers: { mucDich: 'Xin thị thực' } } });

    // online dossiers: the desk's check queue and its check; the result download (not ready yet: 409)
    const seeded = await seedOnlineDossier(h, { level: 'fully' });
    await check('GET /checks', '/checks', { token: desk });
    await check('POST /dossiers/{code}/check', `/dossiers/${seeded.code}/check`, { token: desk, body: { outcome: 'receive' } });
    const owner = (await h.call('POST', '/_local/tokens', { body: { citizen: seeded.citizen } })).body.token;
    await check('GET /public/me/dossiers/{code}/result', `/public/me/dossiers/${seeded.code}/result`, { token: owner });
    // fees (docs/fees.md): status 6, paid online through the stand-in hub (confirmed server to server), cash at the desk, the day's list and reconciliation
    const owing = (await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: { ...applicant(8), idNumber: testCitizens()[0]!.identityNumber }, channel: 'counter', fees: 'later' } })).body;
    const started = await check('POST /public/dossiers/{code}/payments', `/public/dossiers/${owing.code}/payments`, { body: {}, headers: { 'x-lookup-pin': owing.lookupPin } });
    await check('POST /public/dossiers/{code}/payments', `/public/dossiers/${a.code}/payments`, { body: {}, headers: { 'x-lookup-pin': a.lookupPin } }); // nothing to pay: 409
    const again = await h.call('POST', '/public/sign-in', { body: await (async () => { const g = await authorize(h, { identityNumber: testCitizens()[0]!.identityNumber }); return { code: g.code, codeVerifier: g.codeVerifier, redirectUri: g.redirectUri, nonce: g.nonce }; })() });
    await check('POST /public/me/dossiers/{code}/payments', `/public/me/dossiers/${owing.code}/payments`, { token: again.body.token, body: {} });
    await check('POST /public/payments/confirm', '/public/payments/confirm', { body: { paymentId: started.paymentId, dossierCode: owing.code, amount: 200000, currency: 'VND', status: 'paid', hubRef: 'X', paidAt: '2026-12-07T10:00:00+07:00', signature: 'ab'.repeat(32) } }); // forged: 401
    // the national portal's push (signed with the local key): 201, then the same again 200; unsigned 401; unmapped 422
    const pushAt = new Date(String((await h.call('GET', '/_local/clock')).body.now));
    const push = { MaHoSo: 'G22.H26-261207-0077', MaTTHC: '2.000488', MaDonVi: '000.00.00.H26', NgayNopHoSo: portalDate(pushAt.toISOString()), ChuHoSo: { HoVaTen: 'Lê Thị Hoa', SoDinhDanh: '001099055555' }, TruongThongTin: judicialRecordAnswers('Lê Thị Hoa', '001099055555') };
    await check('POST /public/national-portal/dossiers', '/public/national-portal/dossiers', signedPush(push, pushAt));
    await check('POST /public/national-portal/dossiers', '/public/national-portal/dossiers', signedPush(push, pushAt));
    await check('POST /public/national-portal/dossiers', '/public/national-portal/dossiers', { body: push });
    await check('POST /public/national-portal/dossiers', '/public/national-portal/dossiers', signedPush({ ...push, MaHoSo: 'G22.H26-261207-0078', MaTTHC: '9.9' }, pushAt));
    const settled = await h.call('POST', `/_local/payhub/payments/${started.paymentId}/pay`);
    expect(settled.body.confirmation.status).toBe(200);
    const cash = (await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: applicant(8), channel: 'counter', fees: 'later' } })).body;
    await check('POST /dossiers/{code}/payments', `/dossiers/${cash.code}/payments`, { token: desk, body: { method: 'card', amount: 200000 } });
    await check('POST /dossiers/{code}/payments', `/dossiers/${cash.code}/payments`, { token: desk, body: { method: 'card', amount: 200000 } }); // paid: 409
    await check('GET /public/dossiers/{code}', `/public/dossiers/${cash.code}`, { headers: { 'x-lookup-pin': cash.lookupPin } });
    const today = String((await h.call('GET', '/_local/clock')).body.now).slice(0, 10); // the local clock's day (+07:00)
    await check('GET /payments', `/payments?from=${today}&to=${today}`, { token: op });
    await check('GET /payments/reconciliation', `/payments/reconciliation?date=${today}`, { token: op });
    // the receipt as a PDF (citizen, desk); refunds: the card handed back at the desk for a withdrawn dossier, the online one through the hub
    await check('GET /public/dossiers/{code}/payments/{paymentId}/receipt', `/public/dossiers/${owing.code}/payments/${started.paymentId}/receipt`, { headers: { 'x-lookup-pin': owing.lookupPin } });
    await check('GET /payments/{paymentId}/receipt', `/payments/${started.paymentId}/receipt`, { token: op });
    await check('GET /public/me/dossiers/{code}/payments/{paymentId}/receipt', `/public/me/dossiers/${owing.code}/payments/${started.paymentId}/receipt`, { token: again.body.token });
    await check('POST /payments/{paymentId}/refund', `/payments/${started.paymentId}/refund`, { token: op, body: { reason: 'Hồ sơ đã rút' } }); // still owed: 409
    expect((await h.call('POST', `/public/dossiers/${owing.code}/withdraw`, { body: {}, headers: { 'x-lookup-pin': owing.lookupPin, 'idempotency-key': uniqueKey() } })).status).toBe(202);
    const refundAsked = await check('POST /payments/{paymentId}/refund', `/payments/${started.paymentId}/refund`, { token: op, body: { reason: 'Hồ sơ đã rút' } });
    await check('POST /public/payments/refund-confirm', '/public/payments/refund-confirm', { body: { refundId: refundAsked.refundId, paymentId: started.paymentId, amount: 200000, currency: 'VND', status: 'refunded', hubRef: 'X', refundedAt: '2026-12-07T10:00:00+07:00', signature: 'ab'.repeat(32) } }); // forged: 401
    console.log(`contract: ${seen.size} of ${routes.length} routes answered and validated`);
    expect([...seen].sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });
});
