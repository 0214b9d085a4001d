import { DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { SFNClient, SendTaskSuccessCommand } from '../commons/aws/sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { SupplementAccepted } from '../contracts/responses';
import { route } from './route';

// The citizen's PIN check itself is tested with the table mocked in functions/public-lookup/route.test.ts.
vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const CODE = 'TTHCC-261207-0001';
const PIN = '20261207';
const params = { code: CODE };
const headers = { 'x-lookup-pin': PIN };
const asked = { stepId: 's1-xd', round: 1, agency: 'XD', from: '2026-12-07T03:00:00.000Z', missing: ['Bản vẽ'], reason: 'Thiếu bản vẽ.' };
const paused = { PK: `DOSSIER#${CODE}`, SK: 'META', code: CODE, status: 5, pauses: { 's1-xd-1': asked }, documents: [], procedure: { stages: [] } };
const waiting = { PK: `DOSSIER#${CODE}`, SK: 'STEP#s1-xd', code: CODE, stepId: 's1-xd', agency: 'XD', state: 'supplement-requested', taskToken: 'token-xd' };
const body = { documents: [{ name: 'Bản vẽ mặt bằng', ref: 'citizen://ban-ve' }], note: 'Đã bổ sung' };

function stored(meta: Record<string, unknown>, documents: Record<string, unknown>[] = []) {
  db.on(GetCommand).resolves({ Item: meta });
  db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) =>
    input.ExpressionAttributeValues[':d'] === 'DOCUMENT#' ? { Items: documents } : { Items: [meta, waiting] },
  );
}

describe('POST /public/dossiers/{code}/supplement', () => {
  beforeEach(() => {
    db.reset();
    sfn.reset();
    vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
      if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
      return paused as never;
    });
  });

  it('refuses a wrong PIN with 404 and writes nothing', async () => {
    stored(paused);
    const answer = await invoke(route, { params, headers: { 'x-lookup-pin': '11111111' }, body });
    expect(answer.status).toBe(404);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });

  it('names the wrong field of the body (400)', async () => {
    const answer = await invoke(route, { params, headers, body: { note: 'Không có giấy tờ' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('documents');
  });

  it('records the supplement in one conditional write on the dossier, then wakes the waiting step (202)', async () => {
    stored(paused);
    db.on(UpdateCommand).resolves({});
    sfn.on(SendTaskSuccessCommand).resolves({});
    const answer = await invoke(route, { params, headers, body });
    expect(answer.status).toBe(202);
    expect(SupplementAccepted.parse(answer.body)).toMatchObject({ dossierCode: CODE });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'META' });
    expect(update.ConditionExpression).toContain('#status = :paused');
    expect(update.ConditionExpression).toContain('attribute_not_exists(pauses.#k0.#to)');
    expect(update.ExpressionAttributeNames?.['#k0']).toBe('s1-xd-1');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':by': 'citizen', ':status': 4, ':n': 1, ':docs': body.documents });
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input.taskToken).toBe('token-xd');
    expect(JSON.stringify(answer.body)).not.toContain('token-xd');
  });

  it('answers 409 when no supplement is being asked for', async () => {
    stored({ ...paused, status: 4, pauses: { 's1-xd-1': { ...asked, to: '2026-12-07T04:00:00.000Z' } } });
    const answer = await invoke(route, { params, headers, body });
    expect(answer.status).toBe(409);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 409 naming the open requests when the steps named asked for nothing', async () => {
    stored(paused);
    const answer = await invoke(route, { params, headers, body: { ...body, steps: ['s2-ca'] } });
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toContain('open requests: s1-xd');
  });

  it('answers 422 naming an uploaded document not recorded in this supplement round', async () => {
    stored(paused, [{ PK: `DOSSIER#${CODE}`, SK: `DOCUMENT#${'a'.repeat(32)}`, documentId: 'a'.repeat(32), round: 's1-xd-0', name: 'Cũ.pdf', recordedAt: '2026-12-06T00:00:00.000Z' }]);
    const answer = await invoke(route, { params, headers, body: { documents: [body.documents[0], { documentId: 'a'.repeat(32) }] } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['documents.1.documentId']);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('reads again when another write landed first, and records the supplement once', async () => {
    stored(paused);
    const lost = Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
    db.on(UpdateCommand).rejectsOnce(lost).resolves({});
    sfn.on(SendTaskSuccessCommand).resolves({});
    const answer = await invoke(route, { params, headers, body });
    expect(answer.status).toBe(202);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(2);
    expect(db.commandCalls(GetCommand)).toHaveLength(2);
  });
});
