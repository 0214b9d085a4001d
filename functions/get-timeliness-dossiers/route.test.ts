import { GetCommand, QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { FigureDossiers, route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const A = 'TTHCC-261201-0001';
const B = 'TTHCC-261202-0002'; // its facts cannot be computed: left out, as in the report
const C = 'TTHCC-261203-0003'; // withdrawn while at STP
const procedure = { code: 'TP-LLTP', name: { vi: 'Lý lịch tư pháp', en: 'Judicial record' }, stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP', budgetHours: 24 }] }] };
const meta = (code: string, extra: Record<string, unknown> = {}) => ({ PK: `DOSSIER#${code}`, SK: 'META', code, status: 4, receivedAt: '2026-12-01T02:00:00.000Z', procedure, applicant: { name: 'An' }, ...extra });
const dossiers: Record<string, Record<string, unknown>> = {
  [A]: meta(A),
  [B]: meta(B, { receivedAt: '2026-12-02T02:00:00.000Z', pauses: { p1: { stepId: 's1-stp', from: 'not an instant' } } }),
  [C]: meta(C, { receivedAt: '2026-12-03T02:00:00.000Z', status: 7, stop: { kind: 'withdrawn', at: '2026-12-04T02:00:00.000Z', reason: '' } }),
};
const step = (code: string, extra: Record<string, unknown>) => ({ PK: `DOSSIER#${code}`, SK: 'STEP#s1-stp', code, stepId: 's1-stp', agency: 'STP', budgetHours: 24, state: 'pending', ...extra });
const logbook: Record<string, Record<string, unknown>[]> = {
  'LOG#STP#2026-12': [
    step(A, { assignedAt: '2026-12-01T02:00:00.000Z', decidedAt: '2026-12-01T03:00:00.000Z', outcome: 'approve', state: 'approved' }),
    step(B, { assignedAt: '2026-12-02T02:00:00.000Z' }),
    step(C, { assignedAt: '2026-12-03T02:00:00.000Z' }),
  ],
  'LOG#TTHCC#2026-12': [dossiers[A]!, dossiers[B]!, dossiers[C]!],
};
const agencies = [
  { SK: 'AGENCY#STP', code: 'STP', kind: 'department', name: { vi: 'Sở Tư pháp', en: 'Justice' } },
  { SK: 'AGENCY#TTHCC', code: 'TTHCC', kind: 'desk', name: { vi: 'Trung tâm', en: 'Centre' } },
];

const period = { from: '2026-12-01', to: '2026-12-31' };

describe('GET /reports/timeliness/dossiers', () => {
  beforeAll(() => setClockSource(() => Date.parse('2026-12-10T02:00:00.000Z')));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    db.reset();
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => {
      const v = input.ExpressionAttributeValues;
      if (v[':p'] === 'AGENCY#') return { Items: agencies };
      return { Items: logbook[v[':pk']!] ?? [] };
    });
    db.on(GetCommand).callsFake((input: { Key: { PK: string } }) => ({ Item: dossiers[input.Key.PK.replace('DOSSIER#', '')] }));
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { query: { ...period, key: 'STP', measure: 'early' } })).status).toBe(401);
  });

  it('refuses the desk (403)', async () => {
    expect((await invoke(route, { as: desk, query: { ...period, key: 'STP', measure: 'early' } })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the wrong parameter (400): key, measure, the period', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...period, key: 'S T P', measure: 'early' }, 'key'],
      [{ ...period, key: 'STP', measure: 'fast' }, 'measure'],
      [{ from: '2026-12-31', to: '2026-12-01', key: 'STP', measure: 'early' }, 'to'],
    ];
    for (const [query, field] of cases) {
      const answer = await invoke(route, { as: operator, query });
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect(answer.body.errors[0].field).toBe(field);
    }
  });

  it("refuses a dossier figure for one agency: dossiers are counted per procedure (400 on measure)", async () => {
    const answer = await invoke(route, { as: operator, query: { ...period, key: 'STP', measure: 'received' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('measure');
    expect(db.calls()).toHaveLength(0);
  });

  it("answers the dossiers behind a step figure of one agency, without those the report leaves out (200)", async () => {
    const early = await invoke(route, { as: operator, query: { ...period, key: 'STP', measure: 'early' } });
    expect(early.status).toBe(200);
    expect(FigureDossiers.parse(early.body)).toEqual({ ...period, by: 'agency', key: 'STP', measure: 'early', count: 1, dossiers: [A] });
    const stopped = await invoke(route, { as: operator, query: { ...period, key: 'total', measure: 'stopped' } });
    expect(stopped.body.dossiers).toEqual([C]);
    const steps = await invoke(route, { as: operator, query: { ...period, key: 'STP', measure: 'steps' } });
    expect(steps.body.dossiers).toEqual([A, C]); // B is left out, as in the report
  });

  it('answers the dossiers behind a dossier figure of one procedure', async () => {
    const received = await invoke(route, { as: operator, query: { ...period, by: 'procedure', key: 'TP-LLTP', measure: 'received' } });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ by: 'procedure', count: 2, dossiers: [A, C] });
    const withdrawn = await invoke(route, { as: operator, query: { ...period, by: 'procedure', key: 'TP-LLTP', measure: 'withdrawn' } });
    expect(withdrawn.body.dossiers).toEqual([C]);
    const other = await invoke(route, { as: operator, query: { ...period, by: 'procedure', key: 'XD-GPXD', measure: 'received' } });
    expect(other.body).toMatchObject({ count: 0, dossiers: [] });
  });

  it('pages by weeks of the logbook: `limit` stops a page, `next` goes on, the pages together are the whole list', async () => {
    // the logbook read as DynamoDB reads it: only the items between the page's first and last instants
    const late = meta('TTHCC-261215-0004', { receivedAt: '2026-12-15T02:00:00.000Z' });
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => {
      const v = input.ExpressionAttributeValues;
      if (v[':p'] === 'AGENCY#') return { Items: agencies };
      const items: Record<string, unknown>[] = [...(logbook[v[':pk']!] ?? []), ...(v[':pk'] === 'LOG#TTHCC#2026-12' ? [late] : [])];
      return { Items: items.filter((i) => String(i.assignedAt ?? i.receivedAt) >= v[':a']! && String(i.assignedAt ?? i.receivedAt) <= v[':b']!) };
    });
    const first = await invoke(route, { as: operator, query: { ...period, by: 'procedure', key: 'total', measure: 'received', limit: '1' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ count: 2, dossiers: [A, C], next: '2026-12-08' });
    const second = await invoke(route, { as: operator, query: { ...period, by: 'procedure', key: 'total', measure: 'received', limit: '1', cursor: first.body.next } });
    expect(second.body).toMatchObject({ count: 1, dossiers: ['TTHCC-261215-0004'], next: '2026-12-22' });
    const last = await invoke(route, { as: operator, query: { ...period, by: 'procedure', key: 'total', measure: 'received', limit: '1', cursor: second.body.next } });
    expect(last.body).toMatchObject({ count: 0, dossiers: [] });
    expect(last.body).not.toHaveProperty('next');
    // without a limit reached, one page holds them all
    expect((await invoke(route, { as: operator, query: { ...period, by: 'procedure', key: 'total', measure: 'received' } })).body).toMatchObject({ count: 3, dossiers: [A, C, 'TTHCC-261215-0004'] });
    const outside = await invoke(route, { as: operator, query: { ...period, key: 'STP', measure: 'early', cursor: '2027-01-05' } });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('cursor');
  });
});
