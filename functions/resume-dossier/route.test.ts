import { GetCommand, UpdateCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '../commons/aws/sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { Resumed } from '../contracts/responses';
import { route } from './route';

vi.stubEnv('STATE_MACHINE_ARN', 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:dossier');

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const CODE = 'TTHCC-261207-0001';
const params = { code: CODE };
const dossier = { PK: `DOSSIER#${CODE}`, SK: 'META', code: CODE, status: 4 };

describe('POST /ops/dossiers/{code}/resume', () => {
  beforeEach(() => {
    db.reset();
    sfn.reset();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses the desk (403): resuming is for operators', async () => {
    expect((await invoke(route, { as: desk, params })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the code when it is not a dossier code (400)', async () => {
    const answer = await invoke(route, { as: operator, params: { code: 'nope' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('code');
  });

  it('answers 404 for a dossier that does not exist', async () => {
    db.on(GetCommand).resolves({});
    expect((await invoke(route, { as: operator, params })).status).toBe(404);
  });

  it('answers 409 for a finished dossier, and starts nothing', async () => {
    db.on(GetCommand).resolves({ Item: { ...dossier, closedAt: '2026-12-06T10:00:00.000Z' } });
    expect((await invoke(route, { as: operator, params })).status).toBe(409);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('answers 409 for an online dossier the desk has not received (status 1): only its check starts the workflow', async () => {
    db.on(GetCommand).resolves({ Item: { ...dossier, status: 1, channel: 'online', online: { level: 'fully', checkDueAt: '2026-12-08T02:00:00.000Z' } } });
    sfn.on(DescribeExecutionCommand).rejects(Object.assign(new Error('none'), { name: 'ExecutionDoesNotExist' }));
    db.on(UpdateCommand).resolves({ Attributes: {} });
    expect((await invoke(route, { as: operator, params })).status).toBe(409);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('answers 200 when the execution is still running, and changes nothing', async () => {
    db.on(GetCommand).resolves({ Item: dossier });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    const answer = await invoke(route, { as: operator, params });
    expect(answer.status).toBe(200);
    expect(Resumed.parse(answer.body)).toEqual({ dossierCode: CODE, workflow: 'running' });
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('claims the next execution name in one conditional write, then starts it (202)', async () => {
    db.on(GetCommand).resolves({ Item: dossier });
    db.on(UpdateCommand).resolves({});
    sfn.on(DescribeExecutionCommand).resolves({ status: 'FAILED' });
    sfn.on(StartExecutionCommand).resolves({});
    const answer = await invoke(route, { as: operator, params });
    expect(answer.status).toBe(202);
    expect(Resumed.parse(answer.body)).toEqual({ dossierCode: CODE, workflow: 'resumed' });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'META' });
    expect(update.ConditionExpression).toBe('attribute_not_exists(executionName) OR executionName = :current');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':current': CODE, ':next': `${CODE}-r1` });
    const start = sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input;
    expect(start.name).toBe(`${CODE}-r1`);
    expect(JSON.parse(start.input!)).toEqual({ dossierCode: CODE });
  });

  it('answers 200 (running) when another operator claimed the resume just now', async () => {
    db.on(GetCommand).resolves({ Item: dossier });
    db.on(UpdateCommand).rejects(Object.assign(new Error('condition'), { name: 'ConditionalCheckFailedException' }));
    sfn.on(DescribeExecutionCommand).rejects(Object.assign(new Error('none'), { name: 'ExecutionDoesNotExist' }));
    const answer = await invoke(route, { as: operator, params });
    expect(answer.status).toBe(200);
    expect(answer.body.workflow).toBe('running');
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });
});
