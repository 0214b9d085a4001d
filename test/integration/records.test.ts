import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/**
 * Records and figures through the local gateway: the control sheet (form 06), the logbook
 * (form 07) and the timeliness report, after two judicial-record dossiers received on Tuesday
 * 1/12/2026 — one decided early everywhere, one whose City Police step passes its due time
 * (apology), is approved late, and is returned after its original appointment.
 */
describe('control sheet, logbook and timeliness report', () => {
  let h: Harness;
  let desk: string, operator: string, stp: string, catp: string;
  const early = applicant(41);
  const late = applicant(42);
  let a: { code: string; lookupPin: string };
  let b: { code: string; lookupPin: string };

  const receive = async (who: ReturnType<typeof applicant>) => {
    const res = await h.call('POST', '/dossiers', {
      token: desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'TP-LLTP', applicant: who, channel: 'counter' },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const waitTask = (agency: string, code: string, token: string) =>
    eventually(async () => (await h.call('GET', `/agencies/${agency}/tasks`, { token })).body.tasks?.find((t: { dossierCode: string }) => t.dossierCode === code));
  const decide = async (code: string, stepId: string, token: string) => {
    const res = await h.call('POST', `/dossiers/${code}/steps/${stepId}/decision`, { token, body: { outcome: 'approve' } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
  };
  const status = async (code: string) => (await h.call('GET', `/dossiers/${code}`, { token: desk })).body.status;

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-01T09:00:00+07:00' } }); // a Tuesday
    desk = await h.token('desk-records', ['desk']);
    operator = await h.token('op-records', ['operator']);
    stp = await h.token('stp-records', ['agency-STP']);
    catp = await h.token('catp-records', ['agency-CATP']);
    a = await receive(early);
    b = await receive(late);
    for (const x of [a, b]) {
      await waitTask('STP', x.code, stp);
      await decide(x.code, 's1-stp', stp);
      await waitTask('CATP', x.code, catp);
    }
    // a: City Police and the desk decide the same morning
    await decide(a.code, 's2-catp', catp);
    await waitTask('TTHCC', a.code, desk);
    await decide(a.code, 'return', desk);
    await eventually(async () => (await status(a.code)) === 10);
    const rated = await h.call('POST', `/public/dossiers/${a.code}/rating`, { headers: { 'x-lookup-pin': a.lookupPin }, body: { score: 4 } });
    expect(rated.status).toBe(201);
    // b: City Police's 48 h run out on Wed 9/12 09:00; the lapse adds 48 h (new due Thu 17/12 09:00)
    await h.advance('P15D'); // → Wed 16/12, past the original appointment (Mon 14/12 14:00)
    await eventually(async () => (await h.emailsTo(late.email)).find((e) => e.subject.includes('xin lỗi')));
    await eventually(async () => (await h.call('GET', `/dossiers/${b.code}`, { token: desk })).body.steps?.[1]?.extensions === 1);
    await decide(b.code, 's2-catp', catp);
    await waitTask('TTHCC', b.code, desk);
    await decide(b.code, 'return', desk);
    await eventually(async () => (await status(b.code)) === 10);
  });
  afterAll(() => h?.stop());

  it('the control sheet of the early dossier: every hand-over early or on time', async () => {
    const res = await h.call('GET', `/dossiers/${a.code}/control-sheet`, { token: stp });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dossierCode: a.code, status: 10, timeliness: 'early', receivedAt: '2026-12-01T09:00:00+07:00' });
    expect(res.body.appointment.original).toBe('2026-12-14T14:00:00+07:00');
    expect(res.body.handOvers.map((x: any) => [x.n, x.kind, x.from, x.to, x.outcome, x.timeliness])).toEqual([
      [1, 'step', 'TTHCC', 'STP', 'approve', 'early'],
      [2, 'step', 'STP', 'CATP', 'approve', 'early'],
      [3, 'step', 'CATP', 'TTHCC', 'approve', 'early'], // the return: the result ready well before the appointment
      [4, 'return', 'TTHCC', 'citizen', 'returned', 'early'],
    ]);
    expect(res.body.handOvers[0]).toMatchObject({ dueAt: '2026-12-04T09:00:00+07:00', finalDueAt: '2026-12-04T09:00:00+07:00', apologies: [] });
    expect(res.body.handOvers[0].receivedAt).toMatch(/^2026-12-01T09:00:\d\d\+07:00$/);
    expect(JSON.stringify(res.body)).not.toMatch(/binh\.|912345678|001190012345|pinHash|taskToken/);
  });

  it('the control sheet of the late dossier names City Police, late, with its one apology', async () => {
    const res = await h.call('GET', `/dossiers/${b.code}/control-sheet`, { token: desk });
    expect(res.status).toBe(200);
    const rows = res.body.handOvers;
    expect(rows.map((x: any) => [x.from, x.to, x.timeliness])).toEqual([
      ['TTHCC', 'STP', 'early'],
      ['STP', 'CATP', 'late'],
      ['CATP', 'TTHCC', 'early'], // the result ready before the appointment the citizen was given (after the apology)
      ['TTHCC', 'citizen', 'late'],
    ]);
    expect(rows[1].dueAt).toMatch(/^2026-12-09T09:00:\d\d\+07:00$/);
    expect(rows[1].finalDueAt).toMatch(/^2026-12-17T09:00:\d\d\+07:00$/);
    expect(rows[1].decidedAt).toMatch(/^2026-12-16T09:/);
    expect(rows[1].apologies).toHaveLength(1);
    expect(rows[1].apologies[0]).toMatchObject({ n: 1, kind: 'lapse', hours: 48 });
    expect(rows[1].apologies[0].newDueAt).toBe(rows[1].finalDueAt);
    expect(rows[3].dueAt).toBe('2026-12-14T14:00:00+07:00'); // the original appointment
    expect(Date.parse(rows[3].finalDueAt)).toBeGreaterThan(Date.parse(rows[3].dueAt));
    expect(res.body.timeliness).toBe('late');
  });

  it('the control sheet is kept from agencies off the route', async () => {
    const sdl = await h.token('sdl-records', ['agency-SDL']);
    expect((await h.call('GET', `/dossiers/${a.code}/control-sheet`, { token: sdl })).status).toBe(404);
    expect((await h.call('GET', '/dossiers/TTHCC-261201-9999/control-sheet', { token: desk })).status).toBe(404);
  });

  it('the logbook of the Department of Justice lists the day’s steps, without personal data', async () => {
    const res = await h.call('GET', '/agencies/STP/logbook?date=2026-12-01', { token: stp });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ agency: 'STP', kind: 'department', date: '2026-12-01' });
    expect(res.body.entries.map((e: any) => [e.kind, e.dossierCode, e.stepId, e.outcome, e.timeliness])).toEqual([
      ['step', a.code, 's1-stp', 'approve', 'early'],
      ['step', b.code, 's1-stp', 'approve', 'early'],
    ]);
    expect(res.body.entries[0]).toMatchObject({ procedure: { code: 'TP-LLTP' }, dueAt: '2026-12-04T09:00:00+07:00' });
    expect(JSON.stringify(res.body)).not.toMatch(/Nguyễn|binh\.|applicant/);
    expect((await h.call('GET', '/agencies/STP/logbook?date=2026-12-02', { token: stp })).body.entries).toEqual([]);
    // City Police received b's step on 1/12 as well, decided late
    const police = await h.call('GET', '/agencies/CATP/logbook?date=2026-12-01', { token: operator });
    expect(police.body.entries.map((e: any) => [e.dossierCode, e.timeliness, e.apologies])).toEqual([
      [a.code, 'early', 0],
      [b.code, 'late', 1],
    ]);
    expect(police.body.entries[0].applicantName).toBe(early.name); // operators see the name
  });

  it('the logbook of the one-stop desk lists the dossiers received and its return steps', async () => {
    const first = await h.call('GET', '/agencies/TTHCC/logbook?date=2026-12-01', { token: desk });
    expect(first.status).toBe(200);
    // sorted by instant (receipts are recorded to the minute), then by code
    expect(first.body.entries.map((e: any) => [e.kind, e.dossierCode, e.stepId ?? null]).sort()).toEqual([
      ['dossier', a.code, null],
      ['dossier', b.code, null],
      ['step', a.code, 'return'],
    ]);
    const byKind = (k: string) => first.body.entries.filter((e: any) => e.kind === k);
    expect(byKind('dossier').map((e: any) => e.dossierCode)).toEqual([a.code, b.code]);
    expect(byKind('dossier')[0]).toMatchObject({ status: 10, applicantName: early.name, timeliness: 'early', dueAt: '2026-12-14T14:00:00+07:00' });
    expect(byKind('dossier')[1]).toMatchObject({ status: 10, timeliness: 'late' });
    expect(byKind('step')[0]).toMatchObject({ applicantName: early.name, outcome: 'approve', timeliness: 'early' });
    expect(JSON.stringify(first.body)).not.toMatch(/binh\.|912345678|001190012345|pinHash/);
    const later = await h.call('GET', '/agencies/TTHCC/logbook?date=2026-12-16', { token: desk });
    expect(later.body.entries.map((e: any) => [e.kind, e.dossierCode, e.stepId])).toEqual([['step', b.code, 'return']]);
  });

  it('the logbook asks for a valid date and belongs to the agency', async () => {
    for (const q of ['', '?date=2026-13-01', '?date=1/12/2026']) {
      const res = await h.call('GET', `/agencies/STP/logbook${q}`, { token: stp });
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['date']);
    }
    expect((await h.call('GET', '/agencies/STP/logbook?date=2026-12-01', { token: catp })).status).toBe(403);
    expect((await h.call('GET', '/agencies/NOPE/logbook?date=2026-12-01', { token: operator })).status).toBe(404);
  });

  it('the report by agency counts early, on-time and late steps and the apology', async () => {
    const res = await h.call('GET', '/reports/timeliness?from=2026-12-01&to=2026-12-31&by=agency', { token: operator });
    expect(res.status).toBe(200);
    const row = (k: string) => res.body.rows.find((r: { key: string }) => r.key === k);
    expect(res.body.rows.map((r: { key: string }) => r.key)).toEqual(['CATP', 'SDL', 'STP', 'SXD', 'SYT', 'TTHCC']); // the catalogue, empty rows included
    expect(row('STP').steps).toMatchObject({ steps: 2, early: 2, onTime: 0, late: 0, rates: { early: 100, timely: 100 }, apologies: 0 });
    expect(row('CATP').steps).toMatchObject({ steps: 2, early: 1, late: 1, pending: 0, rates: { early: 50, onTime: 0, late: 50, timely: 50 }, apologies: 1, supplements: 0, refusals: 0 });
    expect(row('TTHCC').steps).toMatchObject({ steps: 2, early: 2 }); // return steps: measured by the result being ready
    expect(row('SXD').steps).toMatchObject({ steps: 0, rates: null });
    expect(row('CATP').name.en).toBe('Hanoi City Police');
    expect(res.body.total.steps).toMatchObject({ steps: 6, early: 5, onTime: 0, late: 1, apologies: 1 });
    expect(res.body.total.dossiers).toMatchObject({ received: 2, returned: 2, returnedOnTime: 1, late: 1, ratingCount: 1, ratingAverage: 4 });
  });

  it('the report by procedure counts the dossiers', async () => {
    const res = await h.call('GET', '/reports/timeliness?from=2026-12-01&to=2026-12-01&by=procedure', { token: operator });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { key: string }) => r.key)).toEqual(['TP-LLTP']);
    expect(res.body.rows[0].dossiers).toEqual({ received: 2, returned: 2, returnedOnTime: 1, late: 1, withdrawn: 0, stopped: 0, ratingCount: 1, ratingAverage: 4 });
    // only what was assigned on 1/12: both STP steps, both CATP steps, a's return step
    expect(res.body.rows[0].steps).toMatchObject({ steps: 5, early: 4, onTime: 0, late: 1 });
  });

  it('the report checks its period and is for operators only', async () => {
    const bad = async (q: string) => (await h.call('GET', `/reports/timeliness${q}`, { token: operator })).status;
    expect(await bad('?from=2026-12-31&to=2026-12-01')).toBe(400);
    expect(await bad('?from=2025-01-01&to=2026-01-02')).toBe(400); // 367 days
    expect(await bad('?from=2026-01-01&to=2026-12-31&by=desk')).toBe(400);
    expect(await bad('?to=2026-12-31')).toBe(400);
    expect(await bad('?from=2025-12-31&to=2026-12-31')).toBe(200); // 366 days
    expect((await h.call('GET', '/reports/timeliness?from=2026-12-01&to=2026-12-31', { token: desk })).status).toBe(403);
  });
});
