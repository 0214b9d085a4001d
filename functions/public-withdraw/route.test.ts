import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { SFNClient, SendTaskSuccessCommand } from '../commons/aws/sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { Withdrawn } from '../contracts/responses';
import { route } from './route';

// The citizen's PIN check itself is tested with the table mocked in functions/public-lookup/route.test.ts.
vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const CODE = 'TTHCC-261207-0001';
const PIN = '20261207';
const params = { code: CODE };
const headers = { 'x-lookup-pin': PIN };
const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
const step = (stepId: string, state: string, taskToken?: string) => ({ PK: `DOSSIER#${CODE}`, SK: `STEP#${stepId}`, stepId, state, ...(taskToken ? { taskToken } : {}) });

describe('POST /public/dossiers/{code}/withdraw', () => {
  beforeEach(() => {
    db.reset();
    sfn.reset();
    vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
      if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
      return { code: CODE, status: 4 } as never;
    });
  });

  it('refuses a wrong PIN with 404, writing nothing and waking nothing', async () => {
    const answer = await invoke(route, { params, headers: { 'x-lookup-pin': '11111111' }, body: { reason: 'Không còn nhu cầu' } });
    expect(answer.status).toBe(404);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });

  it('names a field that is not the reason (400) and a reason over 1,000 characters', async () => {
    const extra = await invoke(route, { params, headers, body: { reason: 'x', status: 7 } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toContainEqual(expect.objectContaining({ field: 'status', code: 'unknown_key' }));
    const long = await invoke(route, { params, headers, body: { reason: 'x'.repeat(1001) } });
    expect(long.status).toBe(400);
    expect(long.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('stops the dossier in one conditional write (status 7 with the reason), then wakes each waiting step (202); the tokens never leave', async () => {
    db.on(UpdateCommand).resolves({ Attributes: { code: CODE, status: 4 } });
    db.on(QueryCommand).resolves({ Items: [step('s1-stp', 'approved'), step('s2-catp', 'pending', 'token-catp'), step('s2-sxd', 'supplement-requested', 'token-sxd')] });
    sfn.on(SendTaskSuccessCommand).resolves({});
    const answer = await invoke(route, { params, headers, body: { reason: 'Không còn nhu cầu' } });
    expect(answer.status).toBe(202);
    expect(Withdrawn.parse(answer.body)).toMatchObject({ dossierCode: CODE, status: 7 });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'META' });
    expect(update.ConditionExpression).toBe('#status IN (:received, :processing, :paused, :fees)');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':withdrawn': 7, ':stop': { kind: 'withdrawn', reason: 'Không còn nhu cầu' } });
    expect(sfn.commandCalls(SendTaskSuccessCommand).map((c) => c.args[0].input.taskToken).sort()).toEqual(['token-catp', 'token-sxd']);
    expect(JSON.stringify(answer.body)).not.toContain('token');
  });

  it('answers 409 once the dossier is past withdrawing (returned, refused, withdrawn), waking nothing', async () => {
    db.on(UpdateCommand).rejects(conditionFailed());
    const answer = await invoke(route, { params, headers, body: {} });
    expect(answer.status).toBe(409);
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });
});
