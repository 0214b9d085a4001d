import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/** Operators publish procedure versions: PUT /procedures/{code}; a dossier keeps the version it was received under. */
describe('publishing procedure versions', () => {
  let h: Harness;
  let operator: string;
  let desk: string;
  const TODAY = '2026-12-02';

  const step = (stepId: string, agency: string, budgetHours: number, en = `Step ${stepId}`) => ({
    stepId,
    agency,
    name: { vi: `Bước ${stepId}`, en },
    budgetHours,
  });
  const returnStage = () => ({
    steps: [{ stepId: 'return', agency: 'TTHCC', name: { vi: 'Trả kết quả cho công dân', en: 'Return of the result' }, budgetHours: 4 }],
  });
  /** Judicial record certificate, with budgets given: STP, then CATP, then the return at the desk. */
  const judicial = (stp: number, catp: number, effectiveFrom = TODAY) => ({
    effectiveFrom,
    name: { vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', en: 'Judicial record certificate for a Vietnamese citizen' },
    field: { vi: 'Lý lịch tư pháp', en: 'Judicial records' },
    legalHours: 80,
    receivingAgency: 'TTHCC',
    stages: [{ steps: [step('s1-stp', 'STP', stp)] }, { steps: [step('s2-catp', 'CATP', catp)] }, returnStage()],
  });
  const fresh = (overrides: Record<string, unknown> = {}) => ({
    effectiveFrom: TODAY,
    name: { vi: 'Cấp giấy phép xây dựng', en: 'Construction permit' },
    field: { vi: 'Xây dựng', en: 'Construction' },
    legalHours: 56,
    receivingAgency: 'TTHCC',
    stages: [{ steps: [step('s1-sxd', 'SXD', 24), step('s1-catp', 'CATP', 16)] }, { steps: [step('s2-sxd', 'SXD', 16)] }, returnStage()],
    ...overrides,
  });

  const put = (code: string, body: unknown) => h.call('PUT', `/procedures/${code}`, { token: operator, body });
  const catalogue = async () => (await h.call('GET', '/procedures', { token: desk })).body.procedures as { code: string; version: number; routeHours: number; stages: unknown[] }[];
  const receive = async (procedureCode: string, n: number) => {
    const res = await h.call('POST', '/dossiers', {
      token: desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode, applicant: applicant(n), channel: 'counter' },
    });
    expect(res.status).toBe(201);
    return res.body.code as string;
  };
  /** The dossier once its first stage is open (the workflow creates the steps asynchronously). */
  const opened = (code: string) =>
    eventually(async () => {
      const res = await h.call('GET', `/dossiers/${code}`, { token: desk });
      return res.status === 200 && res.body.steps.length > 0 ? res.body : undefined;
    });

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: `${TODAY}T09:00:00+07:00` } }); // a Wednesday
    operator = await h.token('op-1', ['operator']);
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(() => h?.stop());

  it('publishes version 1 of a new procedure, listed at once as in force', async () => {
    const res = await put('YT-GPPK', fresh());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'YT-GPPK', version: 1, effectiveFrom: TODAY, legalHours: 56, routeHours: 44, receivingAgency: 'TTHCC', publishedBy: 'op-1' });
    expect(res.body.stages).toEqual(fresh().stages);
    const listed = (await catalogue()).find((p) => p.code === 'YT-GPPK');
    expect(listed).toMatchObject({ version: 1, routeHours: 44 });
  });

  it('answers a retry of the latest publication with that version (200), not a duplicate', async () => {
    const again = await put('YT-GPPK', fresh());
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ code: 'YT-GPPK', version: 1 });
    // the same content written differently: decomposed Vietnamese, extra spaces, keys in another order
    const { stages, ...rest } = fresh();
    const respelled = { stages, ...rest, name: { en: ' Construction permit ', vi: 'Ca\u0302\u0301p giấy phép xây dựng'.normalize('NFD') } };
    expect((await put('YT-GPPK', respelled)).status).toBe(200);
    expect((await catalogue()).filter((p) => p.code === 'YT-GPPK')).toHaveLength(1);

    const changed = await put('YT-GPPK', fresh({ legalHours: 64 }));
    expect(changed.status).toBe(201);
    expect(changed.body.version).toBe(2);
  });

  it('refuses invalid bodies with 400, naming each field, and writes nothing', async () => {
    const before = await catalogue();
    const refused = async (code: string, body: unknown, expected: string[]) => {
      const res = await put(code, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expected);
      return res.body.errors as { field: string; message: string }[];
    };

    await refused('sxd-new', fresh(), ['code']);
    await refused('SXD-NEW', fresh({ code: 'SXD-NEW', version: 7 }), ['code', 'version']);
    await refused('SXD-NEW', fresh({ legalHours: '56' }), ['legalHours']);
    await refused(
      'SXD-NEW',
      fresh({ stages: [{ steps: [step('s1-sxd', 'SXD', 0), step('s1-sxd', 'SXX', 8)] }, { steps: [step('s2', 'SXD', 2.25)] }, returnStage()] }),
      ['stages[0].steps[0].budgetHours', 'stages[0].steps[1].stepId', 'stages[0].steps[1].agency', 'stages[1].steps[0].budgetHours'],
    );
    await refused('SXD-NEW', fresh({ stages: [] }), ['stages']);
    await refused('SXD-NEW', fresh({ receivingAgency: 'SXD' }), ['receivingAgency', 'stages[2].steps[0].agency']);
    // no return to the citizen at the end; the desk in the middle of the route
    await refused('SXD-NEW', fresh({ stages: [{ steps: [step('s1-sxd', 'SXD', 24)] }] }), ['stages[0].steps[0].agency']);
    await refused('SXD-NEW', fresh({ stages: [returnStage(), { steps: [step('s2-sxd', 'SXD', 8)] }] }), ['stages[0].steps[0].agency', 'stages[1].steps[0].agency']);
    await refused('SXD-NEW', fresh({ stages: [{ steps: [step('s1-sxd', 'SXD', 8)] }, { steps: [...returnStage().steps, step('r2', 'TTHCC', 4)] }] }), ['stages[1].steps']);
    const [tooLong] = await refused('SXD-NEW', fresh({ legalHours: 40 }), ['stages']);
    expect(tooLong!.message).toContain('44 h');
    expect(tooLong!.message).toContain('4 h more than legalHours');
    await refused('SXD-NEW', fresh({ effectiveFrom: '2026-12-01' }), ['effectiveFrom']);
    await refused('SXD-NEW', fresh({ effectiveFrom: '2027-02-29' }), ['effectiveFrom']);
    await refused('SXD-NEW', fresh({ name: { vi: '  ', en: 'Permit' } }), ['name.vi']);
    expect((await h.call('PUT', '/procedures/SXD-NEW', { token: operator, body: '{not json' })).status).toBe(400);

    expect(await catalogue()).toEqual(before);
    // nothing was written, not even a version that would only apply later
    const first = await put('SXD-NEW', fresh({ effectiveFrom: '2026-12-20' }));
    expect(first.status).toBe(201);
    expect(first.body.version).toBe(1);
    expect(await catalogue()).toEqual(before); // not in force before 20/12
  });

  it('pins each dossier to the version it was received under', async () => {
    const v1 = (await catalogue()).find((p) => p.code === 'TP-LLTP')!;
    const a = await receive('TP-LLTP', 1);
    const before = await opened(a);
    expect(before.procedure).toMatchObject({ code: 'TP-LLTP', version: v1.version });
    expect(before.steps.find((s: { stepId: string }) => s.stepId === 's1-stp').budgetHours).toBe(24);

    const published = await put('TP-LLTP', judicial(16, 40));
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ code: 'TP-LLTP', version: v1.version + 1, effectiveFrom: TODAY, routeHours: 60 });
    expect((await catalogue()).find((p) => p.code === 'TP-LLTP')).toMatchObject({ version: v1.version + 1, routeHours: 60 });

    const b = await receive('TP-LLTP', 2);
    const second = await opened(b);
    expect(second.procedure).toMatchObject({ code: 'TP-LLTP', version: v1.version + 1 });
    const stp = (d: { steps: { stepId: string; budgetHours: number; dueAt: string }[] }) => d.steps.find((s) => s.stepId === 's1-stp')!;
    expect(stp(second).budgetHours).toBe(16);
    expect(stp(second).dueAt < stp(before).dueAt).toBe(true); // 16 h from about the same instant
    expect(second.appointmentAt < before.appointmentAt).toBe(true); // 60 h of route instead of v1's

    // the first dossier is exactly as it was
    const after = (await h.call('GET', `/dossiers/${a}`, { token: desk })).body;
    expect(after.procedure).toEqual(before.procedure);
    expect(after.appointmentAt).toBe(before.appointmentAt);
    expect(stp(after)).toEqual(stp(before));
  });

  it('lists the version in force today, not one scheduled for later', async () => {
    const inForce = (await catalogue()).find((p) => p.code === 'TP-LLTP')!;
    const later = await put('TP-LLTP', judicial(8, 40, '2027-01-04'));
    expect(later.status).toBe(201);
    expect(later.body.version).toBe(inForce.version + 1);
    expect((await catalogue()).find((p) => p.code === 'TP-LLTP')).toEqual(inForce);
  });

  it('never gives two publications at once the same version number', async () => {
    const results = await Promise.all([put('YT-RACE', fresh({ legalHours: 48 })), put('YT-RACE', fresh({ legalHours: 50 }))]);
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.headers.get('retry-after')).toBe('1');
    }
    expect(new Set(created.map((r) => r.body.version)).size).toBe(created.length);
  });
});
