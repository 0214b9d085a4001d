import { DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { SendTaskSuccessCommand, SFNClient } from '../commons/aws/sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { SupplementAccepted } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const CODE = 'TTHCC-261207-0001';
const PK = `DOSSIER#${CODE}`;
const params = { code: CODE };
const pause = { stepId: 's1-ca', round: 1, agency: 'CA', from: '2026-12-07T03:00:00.000Z', missing: ['Tờ khai'], reason: 'Thiếu tờ khai' };
const paused = { PK, SK: 'META', code: CODE, status: 5, pauses: { 's1-ca-1': pause }, documents: [], applicant: { name: 'A', email: 'a@example.com' } };
const waiting = { PK, SK: 'STEP#s1-ca', code: CODE, stepId: 's1-ca', agency: 'CA', state: 'supplement-requested', taskToken: 'token-ca' };
const body = { documents: [{ name: 'Tờ khai', ref: 'desk://2' }], note: 'Công dân nộp bổ sung' };

function stored(meta: Record<string, unknown> | undefined, items: Record<string, unknown>[] = []) {
  db.on(GetCommand, { Key: { PK, SK: 'META' } }).resolves({ Item: meta });
  db.on(QueryCommand).resolves({ Items: items });
}

describe('POST /dossiers/{code}/supplement', () => {
  beforeAll(() => setClockSource(() => Date.parse('2026-12-08T03:00:00.000Z')));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    db.reset();
    sfn.reset();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params, body })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses an agency officer and an operator (403): supplements at the desk are for the desk', async () => {
    expect((await invoke(route, { as: officerOf('CA'), params, body })).status).toBe(403);
    expect((await invoke(route, { as: operator, params, body })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses any agency system: the route has no scopes (403)', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    expect((await invoke(route, { as: { clientId: 'client-ca', scopes: ['motcua/steps.decide'] }, params, body })).status).toBe(403);
  });

  it.each([
    ['no documents', { documents: [] }, 'documents'],
    // an unknown key is named by itself (issue 20, 3)
    ['an unknown field', { ...body, extra: 1 }, 'extra'],
    ['a bad step id', { ...body, steps: ['S1 CA'] }, 'steps.0'],
  ])('names the wrong field for %s (400)', async (_, sent, field) => {
    const answer = await invoke(route, { as: desk, params, body: sent });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 409 when no supplement is being asked for (or no dossier), writing nothing', async () => {
    stored({ ...paused, status: 4, pauses: { 's1-ca-1': { ...pause, to: '2026-12-07T04:00:00.000Z' } } });
    expect((await invoke(route, { as: desk, params, body })).status).toBe(409);
    stored(undefined);
    expect((await invoke(route, { as: desk, params, body })).status).toBe(409);
    stored(paused);
    const other = await invoke(route, { as: desk, params, body: { ...body, steps: ['s1-stp'] } });
    expect(other.status).toBe(409);
    expect(other.body.detail).toContain('open requests: s1-ca');
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 422 naming an uploaded document not recorded in the round being closed', async () => {
    stored(paused, []);
    const answer = await invoke(route, { as: desk, params, body: { documents: [{ documentId: '0123456789abcdef0123456789abcdef' }] } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0].field).toBe('documents.0.documentId');
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('closes the open request in one conditional write, then wakes the step that asked (202)', async () => {
    stored(paused, [paused, waiting]);
    db.on(UpdateCommand).resolves({});
    const answer = await invoke(route, { as: desk, params, body });
    expect(answer.status).toBe(202);
    expect(SupplementAccepted.parse(answer.body)).toMatchObject({ dossierCode: CODE, stepId: 's1-ca' });
    expect(answer.body).toMatchObject({ stepIds: ['s1-ca'], stillPaused: false });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ PK, SK: 'META' });
    expect(update.ConditionExpression).toBe('#status = :paused AND (attribute_not_exists(supplies) OR supplies = :prev) AND attribute_not_exists(pauses.#k0.#to)');
    expect(update.ExpressionAttributeNames).toMatchObject({ '#k0': 's1-ca-1' });
    expect(update.ExpressionAttributeValues).toMatchObject({ ':at': '2026-12-08T03:00:00.000Z', ':status': 4, ':by': 'desk-officer', ':docs': [{ name: 'Tờ khai', ref: 'desk://2' }], ':note': 'Công dân nộp bổ sung' });
    expect(sfn.commandCalls(SendTaskSuccessCommand).map((c) => c.args[0].input.taskToken)).toEqual(['token-ca']);
    expect(JSON.stringify(answer.body)).not.toContain('token-ca');
  });

  it('reads again and retries when another write landed meanwhile', async () => {
    stored(paused, [paused, waiting]);
    db.on(UpdateCommand)
      .rejectsOnce(Object.assign(new Error('changed'), { name: 'ConditionalCheckFailedException' }))
      .resolves({});
    const answer = await invoke(route, { as: desk, params, body });
    expect(answer.status).toBe(202);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(2);
  });
});
