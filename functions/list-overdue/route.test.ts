import { QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { openIndexKeys } from '../commons/open-index';
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

describe('GET /ops/overdue', () => {
  beforeAll(() => setClockSource(() => Date.parse(NOW)));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    db.reset();
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: { ':pk': string } }) => {
      const pk = input.ExpressionAttributeValues[':pk'];
      // the open index's shards: OPEN#<n>, by a hash of the code
      if (pk.startsWith('OPEN#')) return { Items: partitions.OPEN!.filter((d) => openIndexKeys(String(d.code)).GSI1PK === pk) };
      return { Items: partitions[pk] ?? [] };
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
});
