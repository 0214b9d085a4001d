import { PutCommand } from '../../functions/commons/aws/dynamodb';
import { documentClient, tableName } from '../../functions/commons/aws';
import { searchItems } from '../../functions/commons/search-index';
import { getDossier, queryAll } from '../../functions/commons/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, scenario, startHarness, uniqueKey, type Harness } from '../support/local';

/**
 * Issue 5, item 6: an operator exports everything held about one applicant; personal data of
 * closed dossiers is anonymised by the scheduled job once the procedure's retention has passed.
 */
describe('personal data: export per applicant, anonymisation after retention', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, operator: string, sdl: string;
  const A = { name: 'Trần Văn An', email: `an.${process.pid}@example.vn`, phone: '+84912000111', idNumber: '079090000111' };
  const B = { name: 'Lê Thị Bích', email: `bich.${process.pid}@example.vn`, phone: '+84912000222', idNumber: '079090000222' };
  let a1: { code: string; lookupPin: string }; // DL-LHND, finished: returned to the citizen
  let a2: { code: string; lookupPin: string }; // TP-LLTP, withdrawn
  let b1: { code: string; lookupPin: string }; // a procedure kept 10 years, withdrawn

  const exportBy = async (query: string) => {
    const res = await h.call('GET', `/ops/applicants/export?${query}`, { token: operator });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { dossiers: { dossier: Record<string, any>; steps: any[]; apologies: any[]; emails: any[] }[] };
  };
  const closed = (email: string, code: string) =>
    eventually(async () => (await exportBy(`email=${encodeURIComponent(email)}`)).dossiers.find((d) => d.dossier.code === code && d.dossier.closedAt));
  const withdraw = async (d: { code: string; lookupPin: string }) => {
    const res = await h.call('POST', `/public/dossiers/${d.code}/withdraw`, {
      headers: { 'x-lookup-pin': d.lookupPin, 'idempotency-key': uniqueKey() },
      body: { reason: 'Không còn nhu cầu' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
  };
  /** The dossier’s search index items (TOKENS#<code> / SEARCH#<h>), by sort key. */
  const indexed = async (code: string) =>
    (await queryAll({ KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)', ExpressionAttributeValues: { ':pk': `TOKENS#${code}`, ':s': 'SEARCH#' }, ConsistentRead: true }))
      .map((i) => String(i.SK))
      .sort();
  const tokensOf = (code: string, receivedAt: string, applicant: { name: string; phone?: string }) => searchItems({ code, receivedAt, applicant }).map((i) => i.SK).sort();
  const runJob = async () => {
    const res = await h.call('POST', '/_local/jobs/anonymise-closed');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { months: number; cursor: string | null; anonymised: number; 'already-anonymised': number; missing: number; 'not-due': number };
  };

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    s = scenario(h);
    await s.setClock('2026-12-01T08:00:00+07:00'); // Tuesday
    desk = await h.token('desk-1', ['desk']);
    operator = await h.token('op-1', ['operator']);
    sdl = await h.token('sdl-1', ['agency-SDL']);
    const published = await h.call('PUT', '/procedures/PD-KEEP', {
      token: operator,
      headers: { 'idempotency-key': uniqueKey() },
      body: {
        effectiveFrom: '2026-12-01',
        name: { vi: 'Thủ tục lưu 10 năm', en: 'Procedure kept ten years' },
        field: { vi: 'Thử', en: 'Test' },
        legalHours: 16,
        receivingAgency: 'TTHCC',
        retentionYears: 10,
        stages: [
          { steps: [{ stepId: 's1-stp', agency: 'STP', name: { vi: 'Thẩm định', en: 'Appraisal' }, budgetHours: 8 }] },
          { steps: [{ stepId: 'return', agency: 'TTHCC', name: { vi: 'Trả kết quả', en: 'Return of the result' }, budgetHours: 4 }] },
        ],
      },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.retentionYears).toBe(10);
    a1 = await s.receive(desk, 'DL-LHND', A);
    a2 = await s.receive(desk, 'TP-LLTP', A);
    b1 = await s.receive(desk, 'PD-KEEP', B);
    for (const who of [A, B]) await eventually(async () => (await h.emailsTo(who.email)).filter((e) => e.subject.includes('Giấy tiếp nhận')).length === (who === A ? 2 : 1));
  });
  afterAll(() => h?.stop());

  it('exports exactly the applicant’s dossiers, by email (any case) or ID number, with their items and no secret', async () => {
    for (const query of [`email=${encodeURIComponent(A.email)}`, `email=${encodeURIComponent(A.email.toUpperCase())}`, `idNumber=${A.idNumber}`]) {
      const out = await exportBy(query);
      expect(out.dossiers.map((d) => d.dossier.code).sort(), query).toEqual([a1.code, a2.code].sort());
      for (const d of out.dossiers) {
        expect(d.dossier.applicant).toEqual(A);
        expect(d.steps.length).toBeGreaterThan(0);
        expect(d.emails.map((e) => e.eventKey)).toContain('receipt');
        expect(d.dossier).toHaveProperty('receivedAt');
      }
      const text = JSON.stringify(out);
      expect(text).not.toMatch(/pinHash|taskToken|supplementToken|intakeKey|motcua-local-task-|scrypt/);
      expect(text).not.toContain(B.email);
      expect(text).not.toContain(a1.lookupPin);
    }
    expect((await exportBy(`email=${encodeURIComponent(B.email)}`)).dossiers.map((d) => d.dossier.code)).toEqual([b1.code]);
    expect((await exportBy('email=nobody%40example.vn')).dossiers).toEqual([]);
  });

  it('refuses an export without exactly one of email or idNumber, naming the field', async () => {
    for (const query of ['', `email=${encodeURIComponent(A.email)}&idNumber=${A.idNumber}`, 'email=not-an-email', 'idNumber=12', 'name=An']) {
      const res = await h.call('GET', `/ops/applicants/export${query ? `?${query}` : ''}`, { token: operator });
      expect(res.status, query).toBe(400);
      expect(res.body.errors?.length, query).toBeGreaterThan(0);
    }
  });

  it('anonymises closed dossiers once their retention has passed, keeps every other fact, and does it once', async () => {
    // open: each dossier has the search index items of its applicant (hashed keys, the code only)
    for (const d of [a1, a2, b1]) {
      const stored = (await getDossier(d.code))!;
      expect(await indexed(d.code)).toEqual(tokensOf(d.code, stored.receivedAt, stored.applicant));
    }
    // a1: SDL approves, the desk hands the result back; the workflow finishes (closedAt).
    await s.task('SDL', sdl, a1.code, 's1-sdl');
    await s.decide(sdl, a1.code, 's1-sdl', { outcome: 'approve' });
    await s.task('TTHCC', desk, a1.code, 'return');
    await s.decide(desk, a1.code, 'return', { outcome: 'approve' });
    await s.status(desk, a1.code, 10);
    await closed(A.email, a1.code);
    // a2: the desk corrected its phone first (the address on file is kept to tell, until anonymised)
    const fixed = await h.call('PATCH', `/dossiers/${a2.code}/applicant`, { token: desk, body: { phone: '0911 111 119' } });
    expect(fixed.body).toMatchObject({ changed: ['phone'], toldPreviousAddress: true });
    expect(((await getDossier(a2.code)) as unknown as { contactCorrections: unknown[] }).contactCorrections).toEqual([expect.objectContaining({ previousEmail: A.email })]);
    // the index follows the phone: the new number's tokens, none of the old one's
    const corrected = (await getDossier(a2.code))!;
    expect(await indexed(a2.code)).toEqual(tokensOf(a2.code, corrected.receivedAt, corrected.applicant));
    expect((await h.call('GET', '/dossiers?q=0911111119', { token: desk })).body.dossiers.map((d: { code: string }) => d.code)).toEqual([a2.code]);
    expect((await h.call('GET', '/dossiers?q=0912000222', { token: desk })).body.dossiers.map((d: { code: string }) => d.code)).toEqual([b1.code]);
    // a1 is closed already (returned): found by its code only
    expect((await h.call('GET', '/dossiers?q=0912000111', { token: desk })).body.dossiers).toEqual([]);
    // a2 and b1: withdrawn by the citizen; their workflows finish too.
    await withdraw(a2);
    await withdraw(b1);
    await closed(A.email, a2.code);
    await closed(B.email, b1.code);
    // nothing in flight (a1's rating invitation may still be on its way out): the snapshot is the
    // dossier as it stands, so what differs after the job is the job's doing
    await h.settled();
    const before = await s.dossier(desk, a1.code);
    expect(before.applicant).toEqual(A);
    // closed: found by code only, the index gone
    for (const d of [a1, a2, b1]) await eventually(async () => (await indexed(d.code)).length === 0);
    expect((await h.call('GET', `/dossiers?q=${encodeURIComponent('tran van an')}`, { token: desk })).body.dossiers).toEqual([]);
    // a close that died before removing its index: the anonymisation removes what is left
    const stray = searchItems({ code: a1.code, receivedAt: (await getDossier(a1.code))!.receivedAt, applicant: A })[0]!;
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: stray }));

    // Nothing is due yet.
    const early = await runJob();
    expect(early.anonymised).toBe(0);

    // Five years and a few days later (no working calendar exists for 2031: the job needs none).
    expect((await s.setClock('2031-12-10T09:00:00+07:00')).status).toBe(200);
    const first = await runJob();
    expect(first).toMatchObject({ anonymised: 2, 'not-due': 0, cursor: '2031-11' });
    expect(await indexed(a1.code)).toEqual([]);

    const after = await s.dossier(desk, a1.code);
    expect(after.applicant).toEqual({ name: 'Đã ẩn danh', email: 'anonymised@invalid' });
    const { applicant: _a, ...rest } = after;
    const { applicant: _b, ...restBefore } = before;
    expect(rest).toEqual(restBefore); // status, steps, dates, documents, rating: all as they were
    expect((await s.dossier(desk, a2.code)).applicant).toEqual({ name: 'Đã ẩn danh', email: 'anonymised@invalid' });
    // who corrected a2's details and when stay; the address told of it is gone with the rest
    const raw = (await getDossier(a2.code)) as unknown as { contactCorrections: Record<string, unknown>[] };
    expect(raw.contactCorrections).toEqual([{ n: 1, at: expect.any(String), by: 'desk-1', fields: ['phone'] }]);
    expect(JSON.stringify(raw)).not.toContain(A.email);
    // b1's procedure keeps personal data ten years: untouched.
    expect((await s.dossier(desk, b1.code)).applicant).toEqual(B);

    // The export finds nothing of A any more, by email or ID number; B is still there.
    expect((await exportBy(`email=${encodeURIComponent(A.email)}`)).dossiers).toEqual([]);
    expect((await exportBy(`idNumber=${A.idNumber}`)).dossiers).toEqual([]);
    expect((await exportBy(`email=${encodeURIComponent(B.email)}`)).dossiers.map((d) => d.dossier.code)).toEqual([b1.code]);

    // Twice changes nothing more.
    const second = await runJob();
    expect(second).toMatchObject({ months: 1, anonymised: 0, 'already-anonymised': 0, cursor: '2031-11' });
    expect(await s.dossier(desk, a1.code)).toEqual(after);
  });
});
