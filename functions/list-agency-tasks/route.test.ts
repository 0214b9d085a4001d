import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { encodeCursor } from '../commons/cursor';
import { Tasks } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const name = { vi: 'Thẩm định', en: 'Review' };
const agencies = [
  { PK: 'CATALOGUE', SK: 'AGENCY#TTHCC', code: 'TTHCC', kind: 'desk', name, email: 'tthcc@example.gov.vn' },
  { PK: 'CATALOGUE', SK: 'AGENCY#CA', code: 'CA', kind: 'department', name, email: 'ca@example.gov.vn' },
];
const task = (n: number, dueAt: string | null) => ({
  PK: `DOSSIER#TTHCC-261207-000${n}`, SK: 'STEP#s1-ca', GSI1PK: 'QUEUE#CA', GSI1SK: `${dueAt ?? '9999'}#TTHCC-261207-000${n}#s1-ca`,
  code: `TTHCC-261207-000${n}`, stepId: 's1-ca', stageIndex: 0, agency: 'CA', name, assignedAt: '2026-12-07T02:00:00.000Z', dueAt, state: 'pending',
  extensions: n - 1, taskToken: 'secret-task-token',
});
const isQueue = { IndexName: 'GSI1' };

describe('GET /agencies/{agencyCode}/tasks', () => {
  beforeEach(() => {
    db.reset();
    for (const a of agencies) db.on(GetCommand, { Key: { PK: a.PK, SK: a.SK } }).resolves({ Item: a });
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params: { agencyCode: 'CA' } })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses an operator (403): queues are for the agencies and the desk', async () => {
    expect((await invoke(route, { as: operator, params: { agencyCode: 'CA' } })).status).toBe(403);
  });

  it('refuses an agency system without the tasks.read scope (403)', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca-1', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    const answer = await invoke(route, { as: { clientId: 'client-ca-1', scopes: ['motcua/steps.decide'] }, params: { agencyCode: 'CA' } });
    expect(answer.status).toBe(403);
    expect(db.commandCalls(QueryCommand, isQueue)).toHaveLength(0);
  });

  it("refuses another agency's officer, and the desk on a department's queue (403)", async () => {
    expect((await invoke(route, { as: officerOf('STP'), params: { agencyCode: 'CA' } })).status).toBe(403);
    expect((await invoke(route, { as: desk, params: { agencyCode: 'CA' } })).status).toBe(403);
    expect(db.commandCalls(QueryCommand, isQueue)).toHaveLength(0);
  });

  it.each([
    ['a lower-case agency code', { agencyCode: 'ca' }, {}, 'agencyCode'],
    ['a limit over 500', { agencyCode: 'CA' }, { limit: '501' }, 'limit'],
    ['a limit of 0', { agencyCode: 'CA' }, { limit: '0' }, 'limit'],
    ['a cursor this route did not give', { agencyCode: 'CA' }, { cursor: encodeCursor({ PK: 'DOSSIER#TTHCC-261207-0001', SK: 'STEP#s1-ca', GSI1PK: 'QUEUE#STP', GSI1SK: 'x#TTHCC-261207-0001#s1-ca' }) }, 'cursor'],
  ])('names the wrong field for %s (400)', async (_, params, query, field) => {
    const answer = await invoke(route, { as: officerOf('CA'), params, query });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it("lists the agency's pending steps, soonest due first, a page at a time (200)", async () => {
    const last = task(1, '2026-12-10T02:00:00.000Z');
    db.on(QueryCommand, isQueue).resolves({ Items: [last], LastEvaluatedKey: { PK: last.PK, SK: last.SK, GSI1PK: last.GSI1PK, GSI1SK: last.GSI1SK } });
    const answer = await invoke(route, { as: officerOf('CA'), params: { agencyCode: 'CA' }, query: { limit: '1' } });
    expect(answer.status).toBe(200);
    const page = Tasks.parse(answer.body);
    expect(page.tasks).toEqual([{ dossierCode: 'TTHCC-261207-0001', stepId: 's1-ca', stage: 1, name, assignedAt: '2026-12-07T09:00:00+07:00', dueAt: '2026-12-10T09:00:00+07:00', extensions: 0 }]);
    expect(JSON.stringify(answer.body)).not.toContain('secret');
    expect(db.commandCalls(QueryCommand, isQueue)[0]!.args[0].input).toMatchObject({ KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'QUEUE#CA' }, Limit: 1 });

    // the next page starts after the cursor; the last page has none
    db.on(QueryCommand, isQueue).resolves({ Items: [task(2, null)] });
    const next = await invoke(route, { as: officerOf('CA'), params: { agencyCode: 'CA' }, query: { cursor: page.nextCursor! } });
    expect(next.status).toBe(200);
    expect(next.body.nextCursor).toBeUndefined();
    expect(next.body.tasks[0]).toMatchObject({ dueAt: null, extensions: 1 });
    expect(db.commandCalls(QueryCommand, isQueue)[1]!.args[0].input).toMatchObject({ Limit: 100, ExclusiveStartKey: { GSI1PK: 'QUEUE#CA', SK: 'STEP#s1-ca' } });
  });

  it("lets the desk read its own desk's queue, and an agency system with tasks.read its agency's", async () => {
    db.on(QueryCommand, isQueue).resolves({ Items: [] });
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca-2', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    expect((await invoke(route, { as: desk, params: { agencyCode: 'TTHCC' } })).body).toEqual({ agency: 'TTHCC', tasks: [] });
    expect((await invoke(route, { as: { clientId: 'client-ca-2', scopes: ['motcua/tasks.read'] }, params: { agencyCode: 'CA' } })).status).toBe(200);
  });
  describe("a branch desk's queue (return steps of the dossiers it received)", () => {
    const branchDesk = (code: string) => ({ sub: `desk-${code.toLowerCase()}`, groups: ['desk', `branch-${code}`] });
    const queried = () => db.commandCalls(QueryCommand, isQueue).map((c) => c.args[0].input.ExpressionAttributeValues![':pk']);

    it("reads the branch's own queue, and the main desk's officers the main desk's", async () => {
      db.on(QueryCommand, isQueue).resolves({ Items: [] });
      expect((await invoke(route, { as: branchDesk('BDH'), params: { agencyCode: 'TTHCC' } })).status).toBe(200);
      expect((await invoke(route, { as: branchDesk('BDH'), params: { agencyCode: 'TTHCC' }, query: { branch: 'BDH' } })).status).toBe(200);
      expect((await invoke(route, { as: desk, params: { agencyCode: 'TTHCC' } })).status).toBe(200);
      expect(queried()).toEqual(['QUEUE#TTHCC#BDH', 'QUEUE#TTHCC#BDH', 'QUEUE#TTHCC']);
    });

    it("refuses another branch's queue, and the main desk reading a branch's (403), reading nothing", async () => {
      expect((await invoke(route, { as: branchDesk('BDH'), params: { agencyCode: 'TTHCC' }, query: { branch: 'CGY' } })).status).toBe(403);
      expect((await invoke(route, { as: desk, params: { agencyCode: 'TTHCC' }, query: { branch: 'CGY' } })).status).toBe(403);
      expect((await invoke(route, { as: { sub: 'two', groups: ['desk', 'branch-BDH', 'branch-CGY'] }, params: { agencyCode: 'TTHCC' } })).status).toBe(403);
      expect(queried()).toEqual([]);
    });

    it('leaves the departments\' queues as they were', async () => {
      db.on(QueryCommand, isQueue).resolves({ Items: [] });
      expect((await invoke(route, { as: officerOf('CA'), params: { agencyCode: 'CA' } })).status).toBe(200);
      expect((await invoke(route, { as: branchDesk('BDH'), params: { agencyCode: 'CA' } })).status).toBe(403);
      expect(queried()).toEqual(['QUEUE#CA']);
    });
  });
});
