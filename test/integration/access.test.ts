import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../infra/registry';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';
import { declare, documents, pdf, postToS3 } from '../support/documents';
import { hanoi } from '../support/centre';
import { applyOnline, askCompletion, citizenToken, draftApplication, seedOnlineDossier, type SeededOnline } from '../support/online';

// signedIn, otherCitizen, leaving, lan, minh: citizens signed in through the national sign-in (sessions); citizen: a PIN holder
type Who = 'desk' | 'operator' | 'stp' | 'catp' | 'sdl' | 'nobody' | 'anonymous' | 'citizen' | 'wrongPin' | 'stpSystem' | 'signedIn' | 'otherCitizen' | 'leaving' | 'lan' | 'minh' | 'stranger';
/** Every criterion of the centre's form answered with its best answer. */
const evaluationAnswers = Object.fromEntries(hanoi.evaluation!.criteria.map((c) => [c.id, c.scale.length]));

interface Case {
  route: string;
  path: string;
  body?: unknown;
  pin?: string;
  allow: Partial<Record<Who, number>>;
  deny: Partial<Record<Who, number>>;
}

/**
 * Every route of the registry against every kind of caller: each allowed caller succeeds, every
 * other kind is refused (401/403 for officers' routes; 404 on the citizen's, so that a dossier's
 * existence does not leak).
 */
describe('who may call what', () => {
  let h: Harness;
  const t = {} as Record<Who, string | undefined>;
  const d = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h', { code: string; lookupPin: string }>;
  const doc = {} as Record<'desk' | 'citizen' | 'deskPending' | 'citizenPending', string>;
  const fb = {} as Record<'a' | 'b' | 'c' | 'p', string>;
  // applying online: a draft (a), a draft with a file asked for and not completed (b), one ready to submit (c), a dossier asked to complete (d)
  const online = {} as { a: string; b: string; bPending: string; c: string; d: string };
  let seeded: SeededOnline;
  const receive = async (procedureCode: string, n: number, fees?: 'later') =>
    (await h.call('POST', '/dossiers', { token: t.desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode, applicant: applicant(n), channel: 'counter', ...(fees ? { fees } : {}) } })).body;
  const waitStep = (agency: string, code: string, token: string | undefined) =>
    eventually(async () => (await h.call('GET', `/agencies/${agency}/tasks`, { token })).body.tasks?.find((x: { dossierCode: string }) => x.dossierCode === code));
  const askSupplement = (code: string) =>
    h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: t.stp, body: { outcome: 'request-supplement', missing: ['Bản sao CCCD'], reason: 'Thiếu giấy tờ' } });

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    t.desk = await h.token('desk-1', ['desk']);
    t.operator = await h.token('op-1', ['operator']);
    t.stp = await h.token('stp-1', ['agency-STP']);
    t.catp = await h.token('catp-1', ['agency-CATP']);
    t.sdl = await h.token('sdl-1', ['agency-SDL']);
    t.nobody = await h.token('someone-1', []);
    await h.registerClient('STP');
    t.stpSystem = await h.clientToken('STP', ['motcua/tasks.read', 'motcua/dossiers.read', 'motcua/steps.decide']);
    // signed-in citizens (sessions, as POST /public/sign-in opens them): the applicant of every dossier here, and someone else
    const session = async (identityNumber: string, name: string) => (await h.call('POST', '/_local/tokens', { body: { citizen: { identityNumber, name } } })).body.token as string;
    t.signedIn = await session(applicant(1).idNumber, applicant(1).name);
    t.leaving = await session(applicant(1).idNumber, applicant(1).name);
    t.otherCitizen = await session('001203004567', 'Trần Văn Đức');
    d.a = await receive('TP-LLTP', 1); // decisions and delays
    d.b = await receive('TP-LLTP', 2); // supplement at the desk
    d.c = await receive('TP-LLTP', 3); // supplement from the citizen
    d.d = await receive('TP-LLTP', 4); // withdrawal
    d.e = await receive('DL-LHND', 5); // rating, once returned
    for (const x of [d.a, d.b, d.c, d.d]) await waitStep('STP', x.code, t.stp);
    await askSupplement(d.b.code);
    await askSupplement(d.c.code);
    await eventually(async () => (await h.call('GET', `/dossiers/${d.c.code}`, { token: t.desk })).body.status === 5);
    await eventually(async () => (await h.call('GET', `/dossiers/${d.b.code}`, { token: t.desk })).body.status === 5);
    await waitStep('SDL', d.e.code, t.sdl);
    await h.call('POST', `/dossiers/${d.e.code}/steps/s1-sdl/decision`, { token: t.sdl, body: { outcome: 'approve' } });
    await eventually(async () => (await h.call('GET', `/dossiers/${d.e.code}`, { token: t.desk })).body.status === 9);
    // rated once the result is handed back (status 10)
    await eventually(async () => (await h.call('GET', '/agencies/TTHCC/tasks', { token: t.desk })).body.tasks?.find((x: { dossierCode: string; stepId: string }) => x.dossierCode === d.e.code && x.stepId === 'return'));
    await h.call('POST', `/dossiers/${d.e.code}/steps/return/decision`, { token: t.desk, body: { outcome: 'approve' } });
    await eventually(async () => (await h.call('GET', `/dossiers/${d.e.code}`, { token: t.desk })).body.status === 10);
    // documents: d.a carries a desk scan, d.f a supplement asked by STP with the citizen's upload
    const files = documents(h);
    d.f = await receive('TP-LLTP', 6);
    await waitStep('STP', d.f.code, t.stp);
    await askSupplement(d.f.code);
    await eventually(async () => (await h.call('GET', `/dossiers/${d.f.code}`, { token: t.desk })).body.status === 5);
    doc.desk = (await files.upload(d.a.code, { token: t.desk }, pdf())).documentId;
    doc.citizen = (await files.upload(d.f.code, { pin: d.f.lookupPin }, pdf())).documentId;
    for (const [code, id] of [[d.a.code, doc.desk], [d.f.code, doc.citizen]] as const) {
      await eventually(async () => (await files.download(code, { token: t.desk }, id)).status === 200);
    }
    const pending = async (code: string, who: { token?: string; pin?: string }) => {
      const file = pdf();
      const asked = await files.ask(code, who, declare(file));
      expect(await postToS3(asked.body, file)).toBeLessThan(300);
      return asked.body.documentId as string;
    };
    // fees (docs/fees.md): d.g and d.h await their fee (status 6), d.g the signed-in citizen's
    d.g = await receive('TP-LLTP', 1, 'later');
    d.h = await receive('TP-LLTP', 7, 'later');
    doc.deskPending = await pending(d.a.code, { token: t.desk });
    doc.citizenPending = await pending(d.f.code, { pin: d.f.lookupPin });
    // feedback: a assigned to STP (read, assign, answer), b merged into c, p answered (published)
    const feedback = async (body: Record<string, unknown>) =>
      (await h.call('POST', '/feedback', { token: t.desk, headers: { 'idempotency-key': uniqueKey() }, body: { channel: 'hotline', kind: 'handling', text: 'Hồ sơ chậm', ...body } })).body.code as string;
    fb.a = await feedback({ assignTo: 'STP' });
    fb.b = await feedback({});
    fb.c = await feedback({});
    fb.p = await feedback({ assignTo: 'STP' });
    await h.call('POST', `/feedback/${fb.p}/answer`, { token: t.stp, headers: { 'idempotency-key': uniqueKey() }, body: { text: 'Đã trả lời' } });
    t.lan = await citizenToken(h, 1);
    t.minh = await citizenToken(h, 2);
    online.a = (await h.call('POST', '/public/applications', { token: t.lan, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP' } })).body.id;
    online.b = (await h.call('POST', '/public/applications', { token: t.lan, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP' } })).body.id;
    const file = pdf();
    const asked = await h.call('POST', `/public/applications/${online.b}/documents`, { token: t.lan, headers: { 'idempotency-key': uniqueKey() }, body: { ...declare(file), requirement: 'can-cuoc' } });
    expect(await postToS3(asked.body, file)).toBeLessThan(300);
    online.bPending = asked.body.documentId;
    online.c = (await draftApplication(h, t.lan)).id;
    online.d = (await applyOnline(h, t.lan)).code;
    await askCompletion(h, online.d);
    // an online application waiting for the desk's check; a signed-in citizen who did not apply for it
    seeded = await seedOnlineDossier(h);
    t.stranger = (await h.call('POST', '/_local/tokens', { body: { citizen: { identityNumber: '001099099999', name: 'Trần Thị Bình', email: 'binh@example.vn' } } })).body.token;
  });
  afterAll(() => h?.stop());

  const procedure = { effectiveFrom: '2026-12-02', name: { vi: 'Thủ tục thử', en: 'Test procedure' }, field: { vi: 'Thử', en: 'Test' }, legalHours: 16, receivingAgency: 'TTHCC', stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP', name: { vi: 'Thẩm định', en: 'Appraisal' }, budgetHours: 8 }] }, { steps: [{ stepId: 'return', agency: 'TTHCC', name: { vi: 'Trả kết quả', en: 'Return of the result' }, budgetHours: 4 }] }] };
  const publicDeny = { anonymous: 404, wrongPin: 404, desk: 404 };
  const onlineDeny = { minh: 404, anonymous: 401, citizen: 401, desk: 401 };
  const cases = (): Case[] => [
    { route: 'POST /dossiers', path: '/dossiers', body: { procedureCode: 'TP-LLTP', applicant: applicant(9), channel: 'counter' }, allow: { desk: 201 }, deny: { operator: 403, stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'GET /dossiers/{code}', path: `/dossiers/${d.a.code}`, allow: { desk: 200, operator: 200, stp: 200, catp: 200 }, deny: { sdl: 404, nobody: 403 } },
    { route: 'GET /agencies/{agencyCode}/tasks', path: '/agencies/STP/tasks', allow: { stp: 200, stpSystem: 200 }, deny: { catp: 403, desk: 403, operator: 403, nobody: 403 } },
    { route: 'POST /agencies/{agencyCode}/webhooks', path: '/agencies/STP/webhooks', body: { url: 'http://127.0.0.1:9/hook' }, allow: { stp: 201, stpSystem: 201 }, deny: { catp: 403, desk: 403, operator: 403, nobody: 403 } },
    { route: 'GET /agencies/{agencyCode}/webhooks', path: '/agencies/STP/webhooks', allow: { stp: 200, stpSystem: 200 }, deny: { catp: 403, desk: 403, operator: 403, nobody: 403 } },
    { route: 'PATCH /agencies/{agencyCode}/webhooks/{id}', path: '/agencies/STP/webhooks/5b2f1f9e-7c1a-4e0b-9a57-2f4f1d0c9a11', body: { enabled: true }, allow: { stp: 404, stpSystem: 404 }, deny: { catp: 403, desk: 403, operator: 403, nobody: 403 } },
    { route: 'DELETE /agencies/{agencyCode}/webhooks/{id}', path: '/agencies/STP/webhooks/5b2f1f9e-7c1a-4e0b-9a57-2f4f1d0c9a11', allow: { stp: 404, stpSystem: 404 }, deny: { catp: 403, desk: 403, operator: 403, nobody: 403 } },
    { route: 'POST /agencies/{agencyCode}/webhooks/{id}/replay', path: '/agencies/STP/webhooks/5b2f1f9e-7c1a-4e0b-9a57-2f4f1d0c9a11/replay', body: { code: 'TTHCC-261202-0001', seq: 1 }, allow: { stp: 404, stpSystem: 404 }, deny: { catp: 403, desk: 403, operator: 403, nobody: 403 } },
    { route: 'GET /agencies/{agencyCode}/webhooks/{id}/deliveries', path: '/agencies/STP/webhooks/5b2f1f9e-7c1a-4e0b-9a57-2f4f1d0c9a11/deliveries', allow: { stp: 404, stpSystem: 404 }, deny: { catp: 403, desk: 403, operator: 403, nobody: 403 } },
    { route: 'GET /dossiers/{code}/control-sheet', path: `/dossiers/${d.a.code}/control-sheet`, allow: { desk: 200, operator: 200, stp: 200, catp: 200 }, deny: { sdl: 404, nobody: 403 } },
    { route: 'GET /agencies/{agencyCode}/logbook', path: '/agencies/STP/logbook?date=2026-12-02', allow: { stp: 200, operator: 200 }, deny: { catp: 403, desk: 403, nobody: 403 } },
    { route: 'GET /reports/timeliness', path: '/reports/timeliness?from=2026-12-01&to=2026-12-31&by=agency', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /procedures', path: '/procedures', allow: { desk: 200, operator: 200, stp: 200, nobody: 200 }, deny: {} },
    { route: 'PUT /procedures/{code}', path: '/procedures/AC-TEST', body: procedure, allow: { operator: 201 }, deny: { desk: 403, stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'GET /agencies', path: '/agencies', allow: { desk: 200, operator: 200, stp: 200, nobody: 200 }, deny: { stpSystem: 403 } },
    { route: 'PUT /agencies/{code}', path: '/agencies/SGD', body: { kind: 'department', email: 'sogiaoduc@example.gov.vn', name: { vi: 'Sở Giáo dục và Đào tạo', en: 'Department of Education and Training' } }, allow: { operator: 201 }, deny: { desk: 403, stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'GET /calendars/{year}', path: '/calendars/2026', allow: { operator: 200, desk: 200, stp: 200 }, deny: { nobody: 403 } },
    { route: 'GET /dossiers', path: `/dossiers?q=${encodeURIComponent('nguyen thi')}`, allow: { desk: 200, operator: 200 }, deny: { stp: 403, catp: 403, nobody: 403 } },
    { route: 'PUT /calendars/{year}', path: '/calendars/2030', body: { year: 2030, status: 'awaiting-notice', entries: [] }, allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'POST /ops/dossiers/{code}/resume', path: `/ops/dossiers/${d.a.code}/resume`, allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /ops/dossiers', path: '/ops/dossiers?state=failed', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /ops/emails', path: '/ops/emails?state=bounced', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /ops/overdue', path: '/ops/overdue?quietDays=3', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /reports/timeliness/dossiers', path: '/reports/timeliness/dossiers?from=2026-12-01&to=2026-12-31&by=agency&key=STP&measure=late', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /ops/applicants/export', path: `/ops/applicants/export?email=${encodeURIComponent(applicant(1).email)}`, allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'POST /dossiers/{code}/steps/{stepId}/delay', path: `/dossiers/${d.a.code}/steps/s1-stp/delay`, body: { reason: 'Chờ kết quả xác minh', newDueAt: '2026-12-10T17:00:00+07:00' }, allow: { stp: 202 }, deny: { catp: 403, sdl: 404, desk: 403, operator: 403, nobody: 403 } },
    { route: 'POST /dossiers/{code}/steps/{stepId}/decision', path: `/dossiers/${d.a.code}/steps/s1-stp/decision`, body: { outcome: 'approve' }, allow: { stp: 202 }, deny: { catp: 403, sdl: 404, desk: 403, operator: 403, nobody: 403 } },
    { route: 'POST /dossiers/{code}/supplement', path: `/dossiers/${d.b.code}/supplement`, body: { documents: [{ name: 'Bản sao CCCD', ref: 'desk://scan/1' }] }, allow: { desk: 202 }, deny: { operator: 403, stp: 403, nobody: 403 } },
    { route: 'GET /public/dossiers/{code}', path: `/public/dossiers/${d.a.code}`, pin: d.a.lookupPin, allow: { citizen: 200 }, deny: publicDeny },
    { route: 'POST /public/dossiers/{code}/supplement', path: `/public/dossiers/${d.c.code}/supplement`, pin: d.c.lookupPin, body: { documents: [{ name: 'Bản sao CCCD', ref: 'upload://1' }] }, allow: { citizen: 202 }, deny: publicDeny },
    { route: 'POST /public/dossiers/{code}/withdraw', path: `/public/dossiers/${d.d.code}/withdraw`, pin: d.d.lookupPin, body: { reason: 'Không còn nhu cầu' }, allow: { citizen: 202 }, deny: publicDeny },
    { route: 'POST /ops/emails/{id}/resend', path: `/ops/emails/${d.e.code}~receipt/resend`, allow: { operator: 202 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /ops/sync', path: '/ops/sync?state=parked', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /ops/sync/status', path: '/ops/sync/status', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /ops/sync/reconciliation', path: '/ops/sync/reconciliation?date=2026-12-02', allow: { operator: 404 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'POST /ops/sync/reconciliation', path: '/ops/sync/reconciliation', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'POST /ops/sync/backfill', path: '/ops/sync/backfill', body: { from: '2026-12-02', to: '2026-12-02' }, allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'POST /ops/sync/{id}/retry', path: `/ops/sync/${d.e.code}.999/retry`, allow: { operator: 404 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /agencies/{agencyCode}/contacts', path: '/agencies/TTHCC/contacts', allow: { desk: 200 }, deny: { operator: 403, stp: 403, nobody: 403 } },
    { route: 'POST /public/dossiers/{code}/rating', path: `/public/dossiers/${d.e.code}/rating`, pin: d.e.lookupPin, body: { score: 5, comment: 'Nhanh' }, allow: { citizen: 201 }, deny: publicDeny },
    // issue 25: the evaluation (once per dossier: the PIN's is the first, the others then answer 409 past their checks), the figures, the reports
    { route: 'GET /public/dossiers/{code}/evaluation', path: `/public/dossiers/${d.e.code}/evaluation`, pin: d.e.lookupPin, allow: { citizen: 200 }, deny: publicDeny },
    { route: 'POST /public/dossiers/{code}/evaluation', path: `/public/dossiers/${d.e.code}/evaluation`, pin: d.e.lookupPin, body: { answers: evaluationAnswers }, allow: { citizen: 201 }, deny: publicDeny },
    { route: 'GET /public/me/dossiers/{code}/evaluation', path: `/public/me/dossiers/${d.a.code}/evaluation`, allow: { signedIn: 200 }, deny: { otherCitizen: 404, anonymous: 401, desk: 401, operator: 401, stp: 401, stpSystem: 401 } },
    { route: 'POST /public/me/dossiers/{code}/evaluation', path: `/public/me/dossiers/${d.a.code}/evaluation`, body: { answers: evaluationAnswers }, allow: { signedIn: 409 }, deny: { otherCitizen: 404, anonymous: 401, desk: 401, operator: 401, stp: 401, stpSystem: 401 } },
    { route: 'GET /dossiers/{code}/evaluation', path: `/dossiers/${d.e.code}/evaluation`, allow: { desk: 200 }, deny: { operator: 403, stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'POST /dossiers/{code}/evaluation', path: `/dossiers/${d.e.code}/evaluation`, body: { answers: evaluationAnswers }, allow: { desk: 409 }, deny: { operator: 403, stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'GET /reports/officers', path: '/reports/officers?from=2026-12-01&to=2026-12-31', allow: { desk: 200, operator: 200, stp: 200, catp: 200 }, deny: { nobody: 403, stpSystem: 403 } },
    { route: 'GET /reports/index766', path: '/reports/index766?from=2026-12-01&to=2026-12-31', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /reports/periodic', path: '/reports/periodic?period=2026-12', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    // the centre's public details: anyone (nothing to refuse; what is held back is tested in citizen-pages)
    { route: 'GET /public/centre', path: '/public/centre', allow: { anonymous: 200, citizen: 200, desk: 200 }, deny: {} },
    { route: 'POST /documents/drafts', path: '/documents/drafts', body: declare(pdf()), allow: { desk: 201 }, deny: { operator: 403, stp: 403, nobody: 403 } },
    { route: 'POST /dossiers/{code}/documents', path: `/dossiers/${d.f.code}/documents`, body: declare(pdf()), allow: { desk: 201, stp: 201 }, deny: { catp: 403, sdl: 404, operator: 403, nobody: 403 } },
    { route: 'POST /dossiers/{code}/documents/{documentId}/complete', path: `/dossiers/${d.a.code}/documents/${doc.deskPending}/complete`, allow: { desk: 201 }, deny: { stp: 404, catp: 404, sdl: 404, operator: 403, nobody: 403 } },
    { route: 'GET /dossiers/{code}/documents/{documentId}', path: `/dossiers/${d.a.code}/documents/${doc.desk}`, allow: { desk: 200, operator: 200, stp: 200, catp: 200 }, deny: { sdl: 404, nobody: 403 } },
    { route: 'POST /public/dossiers/{code}/documents', path: `/public/dossiers/${d.f.code}/documents`, pin: d.f.lookupPin, body: declare(pdf()), allow: { citizen: 201 }, deny: publicDeny },
    { route: 'POST /public/dossiers/{code}/documents/{documentId}/complete', path: `/public/dossiers/${d.f.code}/documents/${doc.citizenPending}/complete`, pin: d.f.lookupPin, allow: { citizen: 201 }, deny: publicDeny },
    { route: 'GET /public/dossiers/{code}/documents/{documentId}', path: `/public/dossiers/${d.f.code}/documents/${doc.citizen}`, pin: d.f.lookupPin, allow: { citizen: 200 }, deny: publicDeny },
    { route: 'PATCH /dossiers/{code}/applicant', path: `/dossiers/${d.b.code}/applicant`, body: { phone: '0911 222 333' }, allow: { desk: 200 }, deny: { operator: 403, stp: 403, catp: 403, nobody: 403 } },
    // citizens' feedback (docs/feedback.md)
    { route: 'POST /public/feedback', path: '/public/feedback', body: { kind: 'question', text: 'Lệ phí bao nhiêu?' }, allow: { anonymous: 201, desk: 201 }, deny: {} },
    { route: 'GET /public/feedback', path: `/public/feedback?q=${encodeURIComponent('le phi')}`, allow: { anonymous: 200, desk: 200 }, deny: {} },
    { route: 'POST /feedback', path: '/feedback', body: { channel: 'zalo', kind: 'question', text: 'Hỏi qua Zalo' }, allow: { desk: 201, operator: 201 }, deny: { stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'GET /feedback', path: '/feedback?late=false', allow: { desk: 200, operator: 200, stp: 200 }, deny: { nobody: 403, stpSystem: 403 } },
    { route: 'GET /feedback/figures', path: '/feedback/figures?from=2026-12-01&to=2026-12-31', allow: { desk: 200, operator: 200 }, deny: { stp: 403, nobody: 403 } },
    { route: 'GET /feedback/{code}', path: `/feedback/${fb.a}`, allow: { desk: 200, operator: 200, stp: 200 }, deny: { catp: 404, sdl: 404, nobody: 403 } },
    { route: 'POST /feedback/{code}/assign', path: `/feedback/${fb.a}/assign`, body: { agency: 'STP' }, allow: { desk: 200, operator: 200 }, deny: { stp: 403, nobody: 403 } },
    { route: 'POST /feedback/{code}/merge', path: `/feedback/${fb.b}/merge`, body: { into: fb.c }, allow: { desk: 200 }, deny: { stp: 403, nobody: 403 } },
    { route: 'POST /feedback/{code}/answer', path: `/feedback/${fb.a}/answer`, body: { text: 'Đã giải quyết' }, allow: { stp: 200 }, deny: { catp: 404, sdl: 404, operator: 403, nobody: 403 } },
    { route: 'POST /feedback/{code}/publish', path: `/feedback/${fb.p}/publish`, body: {}, allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    { route: 'GET /checks', path: '/checks', allow: { desk: 200 }, deny: { operator: 403, stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'POST /dossiers/{code}/check', path: `/dossiers/${seeded.code}/check`, body: { outcome: 'refuse', reason: 'Không thuộc thẩm quyền' }, allow: { desk: 200 }, deny: { operator: 403, stp: 403, catp: 403, nobody: 403, stpSystem: 403 } },
    // the owner's download is in test/integration/online-check.test.ts (a fully online dossier's result)
    { route: 'GET /public/me/dossiers/{code}/result', path: `/public/me/dossiers/${seeded.code}/result`, allow: {}, deny: { anonymous: 401, desk: 401, stranger: 404 } },
    // last: both replace d.a's PIN
    { route: 'POST /dossiers/{code}/pin', path: `/dossiers/${d.a.code}/pin`, body: {}, allow: { desk: 202 }, deny: { operator: 403, stp: 403, catp: 403, nobody: 403 } },
    { route: 'POST /public/dossiers/{code}/pin-reminder', path: `/public/dossiers/${d.a.code}/pin-reminder`, body: {}, allow: { anonymous: 202, citizen: 202, desk: 202 }, deny: {} },
    // the signed-in citizen's own routes: a session only (401 for anything else); another's dossier is 404
    // (a made-up code: the provider refuses it, whoever sends it; the real exchange is in citizen-sign-in.test.ts)
    { route: 'POST /public/sign-in', path: '/public/sign-in', body: { code: 'not-a-code', codeVerifier: 'v'.repeat(43), redirectUri: `${h.runtime.apiUrl}/dvc/callback`, nonce: 'n'.repeat(16) }, allow: {}, deny: { anonymous: 400, desk: 400, signedIn: 400 } },
    { route: 'GET /public/me', path: '/public/me', allow: { signedIn: 200, otherCitizen: 200 }, deny: { anonymous: 401, desk: 401, operator: 401, stp: 401, stpSystem: 401 } },
    { route: 'GET /public/me/dossiers', path: '/public/me/dossiers', allow: { signedIn: 200, otherCitizen: 200 }, deny: { anonymous: 401, desk: 401, operator: 401, stp: 401, stpSystem: 401 } },
    { route: 'GET /public/me/dossiers/{code}', path: `/public/me/dossiers/${d.a.code}`, allow: { signedIn: 200 }, deny: { otherCitizen: 404, anonymous: 401, desk: 401, operator: 401, stp: 401, stpSystem: 401 } },
    // fees: the citizen (PIN or session) starts a payment; the hub's confirmation is public but signed; the desk takes cash
    { route: 'POST /public/dossiers/{code}/payments', path: `/public/dossiers/${d.g.code}/payments`, pin: d.g.lookupPin, body: {}, allow: { citizen: 201 }, deny: publicDeny },
    { route: 'POST /public/me/dossiers/{code}/payments', path: `/public/me/dossiers/${d.g.code}/payments`, body: {}, allow: { signedIn: 201 }, deny: { otherCitizen: 404, anonymous: 401, desk: 401, stpSystem: 401 } },
    { route: 'GET /public/me/dossiers/{code}/payments/{paymentId}/receipt', path: `/public/me/dossiers/${d.g.code}/payments/P${'0'.repeat(20)}/receipt`, allow: { signedIn: 404 }, deny: { otherCitizen: 404, anonymous: 401, desk: 401, stpSystem: 401 } },
    { route: 'POST /public/payments/confirm', path: '/public/payments/confirm', body: { paymentId: `P${'0'.repeat(20)}`, dossierCode: d.g.code, amount: 200000, currency: 'VND', status: 'paid', hubRef: 'HUB-1', paidAt: '2026-12-02T10:00:00+07:00', signature: 'ab'.repeat(32) }, allow: {}, deny: { anonymous: 401, desk: 401, signedIn: 401 } },
    // the national portal's push: public on the gateway, accepted only signed with the portal's key
    { route: 'POST /public/national-portal/dossiers', path: '/public/national-portal/dossiers', body: { MaHoSo: 'G22.H26-261202-0009', MaTTHC: '2.000488', MaDonVi: '000.00.00.H26', NgayNopHoSo: '20261202090000', ChuHoSo: { HoVaTen: 'Lê Thị Hoa', SoDinhDanh: '001099055555' } }, allow: {}, deny: { anonymous: 401, desk: 401, signedIn: 401, operator: 401 } },
    { route: 'POST /dossiers/{code}/payments', path: `/dossiers/${d.h.code}/payments`, body: { method: 'cash', amount: 200000 }, allow: { desk: 201 }, deny: { operator: 403, stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'GET /payments', path: '/payments?from=2026-12-01&to=2026-12-31', allow: { desk: 200, operator: 200 }, deny: { stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'GET /payments/reconciliation', path: '/payments/reconciliation?date=2026-12-02', allow: { operator: 200 }, deny: { desk: 403, stp: 403, nobody: 403 } },
    // refunds and receipts (docs/fees.md): an unknown payment is 404 to those the route lets in; the hub's refund confirmation is public but signed
    { route: 'POST /payments/{paymentId}/refund', path: `/payments/P${'0'.repeat(20)}/refund`, body: { reason: 'Hồ sơ đã rút' }, allow: { desk: 404, operator: 404 }, deny: { stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'GET /payments/{paymentId}/receipt', path: `/payments/P${'0'.repeat(20)}/receipt`, allow: { desk: 404, operator: 404 }, deny: { stp: 403, nobody: 403, stpSystem: 403 } },
    { route: 'POST /public/payments/refund-confirm', path: '/public/payments/refund-confirm', body: { refundId: `R${'0'.repeat(20)}`, paymentId: `P${'0'.repeat(20)}`, amount: 200000, currency: 'VND', status: 'refunded', hubRef: 'HUBR-1', refundedAt: '2026-12-02T10:00:00+07:00', signature: 'ab'.repeat(32) }, allow: {}, deny: { anonymous: 401, desk: 401, signedIn: 401 } },
    { route: 'GET /public/dossiers/{code}/payments/{paymentId}/receipt', path: `/public/dossiers/${d.g.code}/payments/P${'0'.repeat(20)}/receipt`, pin: d.g.lookupPin, allow: { citizen: 404 }, deny: publicDeny },
    { route: 'POST /public/sign-out', path: '/public/sign-out', allow: { leaving: 200 }, deny: { anonymous: 401, desk: 401, stpSystem: 401 } },
    // applying online: the catalogue to anyone; a citizen's applications and online dossiers to that citizen only
    // (another citizen 404, as if they did not exist; no session 401, an officer's token is no session: 401)
    { route: 'GET /public/procedures', path: '/public/procedures?q=ly%20lich', allow: { anonymous: 200, lan: 200, desk: 200 }, deny: {} },
    { route: 'GET /public/procedures/{code}', path: '/public/procedures/TP-LLTP', allow: { anonymous: 200, lan: 200, desk: 200 }, deny: {} },
    { route: 'POST /public/applications', path: '/public/applications', body: { procedureCode: 'TP-LLTP' }, allow: { lan: 201, minh: 201 }, deny: { anonymous: 401, citizen: 401, desk: 401, operator: 401 } },
    { route: 'GET /public/applications/{id}', path: `/public/applications/${online.a}`, allow: { lan: 200 }, deny: onlineDeny },
    { route: 'PUT /public/applications/{id}', path: `/public/applications/${online.a}`, body: { answers: { hoTen: 'Nguyễn Thị Lan' } }, allow: { lan: 200 }, deny: onlineDeny },
    { route: 'POST /public/applications/{id}/documents', path: `/public/applications/${online.a}/documents`, body: { ...declare(pdf()), requirement: 'can-cuoc' }, allow: { lan: 201 }, deny: onlineDeny },
    { route: 'POST /public/applications/{id}/documents/{documentId}/complete', path: `/public/applications/${online.b}/documents/${online.bPending}/complete`, allow: { lan: 201 }, deny: onlineDeny },
    { route: 'POST /public/applications/{id}/submit', path: `/public/applications/${online.c}/submit`, allow: { lan: 201 }, deny: onlineDeny },
    { route: 'POST /public/me/dossiers/{code}/completion', path: `/public/me/dossiers/${online.d}/completion`, body: { answers: { mucDich: 'Xin thị thực' } }, allow: { lan: 201 }, deny: onlineDeny },
  ];

  const as = (c: Case, who: Who) => {
    const headers: Record<string, string> = { 'idempotency-key': uniqueKey() };
    if (who === 'citizen') headers['x-lookup-pin'] = c.pin!;
    if (who === 'wrongPin') headers['x-lookup-pin'] = c.pin === '00000000' ? '11111111' : '00000000';
    return h.call(c.route.split(' ')[0]!, c.path, { token: t[who], body: c.body, headers });
  };

  it('covers every route of the registry', () => {
    expect(cases().map((c) => c.route).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('refuses anonymous callers, forged and expired tokens on every officers’ route', async () => {
    const expired = await h.runtime.issuer.sign('desk-1', ['desk', 'operator', 'agency-STP'], -60);
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ 'cognito:groups': ['desk', 'operator', 'agency-STP'], client_id: 'motcua-local' })
      .setProtectedHeader({ alg: 'RS256' }).setSubject('x').setIssuer('http://127.0.0.1:0/_local/issuer').setExpirationTime('1h').sign(other.privateKey);
    for (const c of cases().filter((c) => !c.route.includes('/public/'))) {
      // a citizen's session is no officer's token either
      for (const token of [undefined, forged, expired, 'garbage', t.signedIn]) {
        const res = await h.call(c.route.split(' ')[0]!, c.path, { token, body: c.body, headers: { 'idempotency-key': uniqueKey() } });
        // as API Gateway answers: no Authorization header 401; the authorizer's refusal 403 {"message":"Forbidden"}
        expect(res.status, `${c.route} with ${token ? 'a bad token' : 'no token'}`).toBe(token ? 403 : 401);
        if (token) expect(res.body).toEqual({ message: 'Forbidden' });
      }
    }
  });

  it('lets each allowed caller in and keeps every other caller out', async () => {
    let checked = 0;
    for (const c of cases()) {
      for (const [who, status] of Object.entries(c.deny)) {
        expect((await as(c, who as Who)).status, `${c.route} as ${who}`).toBe(status);
        checked++;
      }
      for (const [who, status] of Object.entries(c.allow)) {
        const res = await as(c, who as Who);
        expect(res.status, `${c.route} as ${who}: ${JSON.stringify(res.body)}`).toBe(status);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    console.log(`access matrix: ${cases().length} routes, ${checked} (route, caller) pairs checked`);
  });

  it('never returns a task token', async () => {
    const res = await h.call('GET', `/dossiers/${d.a.code}`, { token: t.desk });
    expect(JSON.stringify(res.body)).not.toMatch(/taskToken|supplementToken|motcua-local-task-/);
    const tasks = await h.call('GET', '/agencies/CATP/tasks', { token: t.catp });
    expect(JSON.stringify(tasks.body)).not.toMatch(/taskToken|motcua-local-task-/);
    const pub = await h.call('GET', `/public/dossiers/${d.b.code}`, { headers: { 'x-lookup-pin': d.b.lookupPin } });
    expect(JSON.stringify(pub.body)).not.toMatch(/taskToken|supplementToken|pinHash|motcua-local-task-/);
  });
});
