import { BatchGetCommand, QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { dueItem } from '../commons/ops-index';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { OverdueDossiers, route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const NOW = '2026-12-14T02:00:00.000Z';
const procedure = (budgetHours: number) => ({ code: 'TP-LLTP', stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP', name: { vi: 'B', en: 'S' }, budgetHours }] }] });
const dossier = (code: string, extra: Record<string, unknown> = {}) => ({
  PK: `DOSSIER#${code}`,
  SK: 'META',
  code,
  status: 4,
  receivedAt: '2026-12-01T02:00:00.000Z',
  procedure: procedure(8),
  applicant: { name: 'Nguyễn Văn An' },
  ...extra,
});
const QUIET = 'TTHCC-261201-0001'; // last activity 4 December: 10 days
const BUSY = 'TTHCC-261201-0002'; // last activity yesterday
const CLOSED = 'TTHCC-261201-0003';
const ON_TIME = 'TTHCC-261201-0004'; // a long procedure: not overdue
const partitions: Record<string, Record<string, unknown>[]> = {
  OPEN: [dossier(QUIET), dossier(BUSY), dossier(CLOSED, { closedAt: '2026-12-10T00:00:00.000Z' }), dossier(ON_TIME, { procedure: procedure(2000) })],
  [`DOSSIER#${QUIET}`]: [
    { SK: 'STEP#s1-stp', stepId: 's1-stp', agency: 'STP', state: 'pending', assignedAt: '2026-12-01T02:00:00.000Z', history: [{ at: '2026-12-04T02:00:00.000Z' }] },
  ],
  [`DOSSIER#${BUSY}`]: [{ SK: 'STEP#s1-stp', stepId: 's1-stp', agency: 'CATP', state: 'supplement-requested', assignedAt: '2026-12-13T02:00:00.000Z' }],
};

/** The DUE items (commons/ops-index.ts): each dossier's appointment counted without pauses. */
const dues: Record<string, string> = {
  [QUIET]: '2026-12-02T03:00:00.000Z',
  [BUSY]: '2026-12-02T03:00:00.000Z',
  [CLOSED]: '2026-12-02T03:00:00.000Z', // left behind by a crash at closing
  [ON_TIME]: '2027-05-04T03:00:00.000Z',
};
const byCode = () => Object.fromEntries(partitions.OPEN!.map((d) => [String(d.code), d]));

describe('GET /ops/overdue', () => {
  beforeAll(() => setClockSource(() => Date.parse(NOW)));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    db.reset();
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: { ':pk': string; ':at'?: string } }) => {
      const pk = input.ExpressionAttributeValues[':pk'];
      if (pk.startsWith('OPEN#')) throw new Error('the open index is not read');
      if (pk.startsWith('DUE#')) {
        const items = Object.entries(dues).map(([code, at]) => dueItem(code, at));
        return { Items: items.filter((i) => i.GSI1PK === pk && i.GSI1SK <= input.ExpressionAttributeValues[':at']!) };
      }
      return { Items: partitions[pk] ?? [] };
    });
    db.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { PK: string }[] }> }) => {
      const [table, { Keys }] = Object.entries(input.RequestItems)[0]!;
      const all = byCode();
      return { Responses: { [table]: Keys.map((k) => all[k.PK.slice('DOSSIER#'.length)]).filter(Boolean) } };
    });
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, {})).status).toBe(401);
  });

  it('refuses the desk (403)', async () => {
    expect((await invoke(route, { as: desk })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names quietDays when it is not a whole number of days up to 365 (400)', async () => {
    for (const quietDays of ['two', '1.5', '-1', '366']) {
      const answer = await invoke(route, { as: operator, query: { quietDays } });
      expect(answer.status, quietDays).toBe(400);
      expect(answer.body.errors[0].field).toBe('quietDays');
    }
  });

  it('lists the overdue open dossiers quiet for 3 days by default, with who holds them and no personal data', async () => {
    const answer = await invoke(route, { as: operator });
    expect(answer.status).toBe(200);
    const body = OverdueDossiers.parse(answer.body);
    expect(body.quietDays).toBe(3);
    expect(body.dossiers).toEqual([
      {
        dossierCode: QUIET,
        status: 4,
        procedure: 'TP-LLTP',
        holding: ['STP'],
        appointmentAt: expect.stringMatching(/^2026-12-0\dT.*\+07:00$/),
        lastActivityAt: '2026-12-04T09:00:00+07:00',
        quietDays: 10,
      },
    ]);
    expect(JSON.stringify(answer.body)).not.toContain('Nguyễn');
  });

  it('lists the quietest first when asked for fewer quiet days', async () => {
    const answer = await invoke(route, { as: operator, query: { quietDays: '0' } });
    expect(answer.status).toBe(200);
    expect(answer.body.dossiers.map((d: { dossierCode: string; quietDays: number; holding: string[] }) => [d.dossierCode, d.quietDays, d.holding])).toEqual([
      [QUIET, 10, ['STP']],
      [BUSY, 1, ['CATP']],
    ]);
  });

  it('reads only the dossiers whose DUE item has fallen, not every open one; a paused one is read and left out', async () => {
    const saved = { open: [...partitions.OPEN!], dues: { ...dues } };
    // 1,000 more open dossiers not due yet, and one past its appointment without pauses but paused since (an open request)
    for (let n = 100; n < 1100; n++) {
      const code = `TTHCC-261210-${String(n).padStart(4, '0')}`;
      partitions.OPEN!.push(dossier(code, { receivedAt: '2026-12-10T02:00:00.000Z', procedure: procedure(200) }));
      dues[code] = '2027-01-08T02:00:00.000Z';
    }
    const PAUSED = 'TTHCC-261201-0005';
    partitions.OPEN!.push(dossier(PAUSED, { status: 5, pauses: { 's1-stp-1': { stepId: 's1-stp', round: 1, agency: 'STP', from: '2026-12-01T03:00:00.000Z' } } }));
    dues[PAUSED] = '2026-12-02T03:00:00.000Z';
    try {
      const answer = await invoke(route, { as: operator, query: { quietDays: '0' } });
      expect(answer.status).toBe(200);
      expect(answer.body.dossiers.map((d: { dossierCode: string }) => d.dossierCode)).toEqual([QUIET, BUSY]);
      const read = db.commandCalls(BatchGetCommand).flatMap((c) => Object.values(c.args[0].input.RequestItems!)[0]!.Keys!.map((k) => String(k.PK)));
      expect(read.sort()).toEqual([QUIET, BUSY, CLOSED, PAUSED].map((c) => `DOSSIER#${c}`).sort());
    } finally {
      partitions.OPEN = saved.open;
      for (const k of Object.keys(dues)) delete dues[k];
      Object.assign(dues, saved.dues);
    }
  });
});
