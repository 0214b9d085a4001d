import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { forgetAgencies } from '../commons/store';
import { TimelinessReport } from '../contracts/responses';
import { emptyFigures } from '../core/aggregate-figures';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const A = 'TTHCC-261201-0001';
const B = 'TTHCC-261202-0002'; // its facts cannot be computed: left out and named
const procedure = { code: 'TP-LLTP', name: { vi: 'Lý lịch tư pháp', en: 'Judicial record' }, stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP', budgetHours: 24 }] }] };
const meta = (code: string, extra: Record<string, unknown> = {}) => ({ PK: `DOSSIER#${code}`, SK: 'META', code, status: 4, receivedAt: '2026-12-01T02:00:00.000Z', procedure, applicant: { name: 'An' }, ...extra });
const dossiers: Record<string, Record<string, unknown>> = {
  [A]: meta(A),
  [B]: meta(B, { receivedAt: '2026-12-02T02:00:00.000Z', pauses: { p1: { stepId: 's1-stp', from: 'not an instant' } } }),
};
const step = (code: string, extra: Record<string, unknown>) => ({ PK: `DOSSIER#${code}`, SK: 'STEP#s1-stp', code, stepId: 's1-stp', agency: 'STP', budgetHours: 24, state: 'pending', ...extra });
const logbook: Record<string, Record<string, unknown>[]> = {
  'LOG#STP#2026-12': [
    step(A, { assignedAt: '2026-12-01T02:00:00.000Z', decidedAt: '2026-12-01T03:00:00.000Z', outcome: 'approve', state: 'approved' }),
    step(B, { assignedAt: '2026-12-02T02:00:00.000Z' }),
  ],
  'LOG#TTHCC#2026-12': [dossiers[A]!, dossiers[B]!],
};
/** A dossier's partition as the recompute reads it: the dossier and its steps (with their logbook keys). */
const partition = (metas: Record<string, Record<string, unknown>>, log: Record<string, Record<string, unknown>[]>, pk: string) => {
  const code = pk.replace('DOSSIER#', '');
  const steps = Object.entries(log).flatMap(([g, items]) => items.filter((i) => i.PK === pk && String(i.SK).startsWith('STEP#')).map((i) => ({ ...i, GSI2PK: g, GSI2SK: `${i.assignedAt}#${code}` })));
  const meta = metas[code];
  return meta ? [{ ...meta, GSI2PK: `LOG#TTHCC#${String(meta.receivedAt).slice(0, 7)}`, GSI2SK: `${meta.receivedAt}#${code}` }, ...steps] : steps;
};
const agencies = [
  { SK: 'AGENCY#STP', code: 'STP', kind: 'department', name: { vi: 'Sở Tư pháp', en: 'Justice' } },
  { SK: 'AGENCY#TTHCC', code: 'TTHCC', kind: 'desk', name: { vi: 'Trung tâm', en: 'Centre' } },
];

describe('GET /reports/timeliness', () => {
  beforeAll(() => setClockSource(() => Date.parse('2026-12-10T02:00:00.000Z')));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    forgetAgencies();
    db.reset();
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => {
      const v = input.ExpressionAttributeValues;
      if (v[':p'] === 'AGENCY#') return { Items: agencies };
      if (v[':pk']?.startsWith('DOSSIER#')) return { Items: partition(dossiers, logbook, v[':pk']) };
      return { Items: logbook[v[':pk']!] ?? [] };
    });
    db.on(GetCommand).callsFake((input: { Key: { PK: string } }) => ({ Item: dossiers[input.Key.PK.replace('DOSSIER#', '')] }));
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { query: { from: '2026-12-01', to: '2026-12-31' } })).status).toBe(401);
  });

  it('refuses the desk (403): reports are for operators', async () => {
    expect((await invoke(route, { as: desk, query: { from: '2026-12-01', to: '2026-12-31' } })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the wrong dates (400): a missing from, a to before from, a period over 366 days', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ to: '2026-12-31' }, 'from'],
      [{ from: '2026-12-31', to: '2026-12-01' }, 'to'],
      [{ from: '2025-01-01', to: '2026-12-31' }, 'to'],
      [{ from: '2026-12-01', to: '2026-12-31', by: 'officer' }, 'by'],
    ];
    for (const [query, field] of cases) {
      const answer = await invoke(route, { as: operator, query });
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect(answer.body.errors[0].field).toBe(field);
    }
    expect(db.calls()).toHaveLength(0);
  });

  it("counts the period's steps per agency from the logbook index, leaving out and naming a dossier whose facts cannot be computed (200)", async () => {
    const answer = await invoke(route, { as: operator, query: { from: '2026-12-01', to: '2026-12-31' } });
    expect(answer.status).toBe(200);
    const body = TimelinessReport.parse(answer.body);
    expect(body).toMatchObject({ from: '2026-12-01', to: '2026-12-31', by: 'agency' });
    expect(body.skipped).toEqual([{ code: B, reason: expect.stringContaining('not an instant') }]);
    const rows = answer.body.rows as { key: string; steps: Record<string, number> }[];
    expect(rows.map((r) => r.key)).toEqual(['STP', 'TTHCC']);
    expect(rows[0]!.steps).toMatchObject({ steps: 1, early: 1, late: 0, pending: 0 });
    expect(answer.body.total.dossiers).toMatchObject({ received: 1 });
    // each agency's month of the logbook (GSI2), between the period's first and last instants
    const log = db.commandCalls(QueryCommand).map((c) => c.args[0].input).find((q) => q.ExpressionAttributeValues?.[':pk'] === 'LOG#STP#2026-12');
    expect(log).toMatchObject({ IndexName: 'GSI2', ExpressionAttributeValues: { ':a': '2026-11-30T17:00:00.000Z', ':b': '2026-12-31T17:00:00.000Z' } });
  });

  it('groups by procedure when asked, with its dossier figures', async () => {
    const answer = await invoke(route, { as: operator, query: { from: '2026-12-01', to: '2026-12-31', by: 'procedure' } });
    expect(answer.status).toBe(200);
    expect(answer.body.by).toBe('procedure');
    expect(answer.body.rows).toEqual([expect.objectContaining({ key: 'TP-LLTP', name: procedure.name, dossiers: expect.objectContaining({ received: 1 }) })]);
  });
  it('reads the figures of one receiving desk (branch=): a branch, or the main desk by its code; none: every desk', async () => {
    const C = 'BDH-261203-0001';
    const withDesk = { ...procedure, receivingAgency: 'TTHCC' };
    const all: Record<string, Record<string, unknown>> = { [A]: { ...dossiers[A]!, procedure: withDesk }, [C]: meta(C, { procedure: withDesk, branch: 'BDH', receivedAt: '2026-12-03T02:00:00.000Z' }) };
    const log: Record<string, Record<string, unknown>[]> = {
      'LOG#STP#2026-12': [
        step(A, { assignedAt: '2026-12-01T02:00:00.000Z', decidedAt: '2026-12-01T03:00:00.000Z', outcome: 'approve', state: 'approved' }),
        step(C, { assignedAt: '2026-12-03T02:00:00.000Z' }),
      ],
      'LOG#TTHCC#2026-12': [all[A]!, all[C]!],
    };
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => {
      const v = input.ExpressionAttributeValues;
      if (v[':pk']?.startsWith('DOSSIER#')) return { Items: partition(all, log, v[':pk']) };
      return { Items: v[':p'] === 'AGENCY#' ? agencies : (log[v[':pk']!] ?? []) };
    });
    db.on(GetCommand).callsFake((input: { Key: { PK: string } }) => ({ Item: all[input.Key.PK.replace('DOSSIER#', '')] }));
    const figures = async (branch?: string) => {
      const answer = await invoke(route, { as: operator, query: { from: '2026-12-01', to: '2026-12-31', ...(branch ? { branch } : {}) } });
      expect(answer.status).toBe(200);
      return { received: answer.body.total.dossiers.received, steps: answer.body.rows.find((r: { key: string }) => r.key === 'STP').steps };
    };
    expect(await figures()).toMatchObject({ received: 2, steps: { steps: 2, early: 1, pending: 1 } });
    expect(await figures('BDH')).toMatchObject({ received: 1, steps: { steps: 1, early: 0, pending: 1 } });
    expect(await figures('TTHCC')).toMatchObject({ received: 1, steps: { steps: 1, early: 1, pending: 0 } });
    expect(await figures('CGY')).toMatchObject({ received: 0, steps: { steps: 0 } });
    expect((await invoke(route, { as: operator, query: { from: '2026-12-01', to: '2026-12-31', branch: 'bdh' } })).body.errors[0].field).toBe('branch');
  });

  it('adds up the day aggregates when they are fresh: one batch read of the days, no logbook, no dossier', async () => {
    const bucket = { steps: { 'TTHCC|STP|TP-LLTP': [2, 1, 0, 1, 0, 0, 1, 0, 0] }, dossiers: { 'TTHCC|TP-LLTP': [1, 0, 0, 0, 0, 0, 0] }, open: { 'TTHCC|TP-LLTP': [Date.parse('2026-12-05T02:00:00.000Z')] }, names: {}, skipped: [], fig: emptyFigures() };
    db.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { PK: string; SK: string }[] }> }) => ({
      Responses: Object.fromEntries(Object.entries(input.RequestItems).map(([t, r]) => [t, r.Keys.map((k) => ({ ...k, marks: 3, seen: 3, bucket }))])),
    }));
    const answer = await invoke(route, { as: operator, query: { from: '2026-12-01', to: '2026-12-02' } });
    expect(answer.status).toBe(200);
    expect(answer.body.rows.find((r: { key: string }) => r.key === 'STP').steps).toMatchObject({ steps: 4, early: 2, late: 2, apologies: 2 });
    // the open dossier past its appointment (10/12 now) is late
    expect(answer.body.total.dossiers).toMatchObject({ received: 2, late: 2 });
    expect(db.commandCalls(QueryCommand).map((c) => c.args[0].input.ExpressionAttributeValues?.[':pk'] ?? c.args[0].input.ExpressionAttributeValues?.[':p'])).toEqual(['CATALOGUE']);
    expect(db.commandCalls(GetCommand)).toHaveLength(0);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it("reads the catalogue's agencies once per instance and minute, not on every call; again after put-agency forgets them; every call with CATALOGUE_CACHE_SECONDS=0", async () => {
    const catalogueReads = () => db.commandCalls(QueryCommand).filter((c) => c.args[0].input.ExpressionAttributeValues?.[':p'] === 'AGENCY#').length;
    const call = async () => expect((await invoke(route, { as: operator, query: { from: '2026-12-01', to: '2026-12-31' } })).body.rows.map((r: { name: { vi: string } }) => r.name.vi)).toEqual(['Sở Tư pháp', 'Trung tâm']);
    await call();
    await call();
    expect(catalogueReads()).toBe(1);
    forgetAgencies();
    await call();
    expect(catalogueReads()).toBe(2);
    process.env.CATALOGUE_CACHE_SECONDS = '0';
    try {
      await call();
      await call();
    } finally {
      delete process.env.CATALOGUE_CACHE_SECONDS;
    }
    expect(catalogueReads()).toBe(4);
  });

  it('keeps the day buckets it parsed per instance, keyed by the version stored with them: the next call reads only the days\' heads; a day stored again is read whole again', async () => {
    const bucket = { steps: { 'TTHCC|STP|TP-LLTP': [2, 1, 0, 1, 0, 0, 1, 0, 0] }, dossiers: {}, open: {}, names: {}, skipped: [], fig: emptyFigures() };
    let version = 'v1';
    const reads: { head: boolean; n: number }[] = [];
    db.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { PK: string; SK: string }[]; ProjectionExpression?: string }> }) => ({
      Responses: Object.fromEntries(Object.entries(input.RequestItems).map(([t, r]) => {
        reads.push({ head: !!r.ProjectionExpression, n: r.Keys.length });
        return [t, r.Keys.map((k) => ({ ...k, marks: 3, seen: 3, v: `${k.PK}-${version}`, ...(r.ProjectionExpression ? {} : { bucket: JSON.stringify(bucket) }) }))];
      })),
    }));
    const stp = async () => (await invoke(route, { as: operator, query: { from: '2026-12-01', to: '2026-12-02' } })).body.rows.find((r: { key: string }) => r.key === 'STP').steps;
    expect(await stp()).toMatchObject({ steps: 4, late: 2 });
    expect(reads).toEqual([{ head: true, n: 2 }, { head: false, n: 2 }]);
    reads.length = 0;
    expect(await stp()).toMatchObject({ steps: 4, late: 2 });
    expect(reads).toEqual([{ head: true, n: 2 }]);
    reads.length = 0;
    version = 'v2';
    bucket.steps['TTHCC|STP|TP-LLTP'] = [1, 1, 0, 0, 0, 0, 0, 0, 0];
    expect(await stp()).toMatchObject({ steps: 2, late: 0 });
    expect(reads).toEqual([{ head: true, n: 2 }, { head: false, n: 2 }]);
    // the old way: every bucket read on every call
    reads.length = 0;
    process.env.DAY_CACHE_ITEMS = '0';
    try {
      await stp();
    } finally {
      delete process.env.DAY_CACHE_ITEMS;
    }
    expect(reads).toEqual([{ head: false, n: 2 }]);
  });

  it('recomputes a stale day (a fact changed since) from that day of the logbook and stores it on the condition that no mark came meanwhile', async () => {
    db.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { PK: string; SK: string }[] }> }) => ({
      Responses: Object.fromEntries(Object.entries(input.RequestItems).map(([t, r]) => [t, r.Keys.map((k) => ({ ...k, marks: 4, seen: 3, bucket: { steps: {}, dossiers: {}, open: {}, names: {}, skipped: [], fig: emptyFigures() } }))])),
    }));
    const answer = await invoke(route, { as: operator, query: { from: '2026-12-01', to: '2026-12-01' } });
    expect(answer.status).toBe(200);
    expect(answer.body.rows.find((r: { key: string }) => r.key === 'STP').steps).toMatchObject({ steps: 1, early: 1 });
    const log = db.commandCalls(QueryCommand).map((c) => c.args[0].input).find((q) => q.ExpressionAttributeValues?.[':pk'] === 'LOG#STP#2026-12');
    expect(log).toMatchObject({ ExpressionAttributeValues: { ':a': '2026-11-30T17:00:00.000Z', ':b': '2026-12-01T17:00:00.000Z' } });
    const day = db.commandCalls(UpdateCommand).map((c) => c.args[0].input).find((u) => u.Key?.SK === 'DAY');
    expect(day).toMatchObject({ Key: { PK: 'AGG#2026-12-01', SK: 'DAY' }, ExpressionAttributeValues: { ':m': 4 } });
    expect(day!.ConditionExpression).toContain('= :m');
  });
});
