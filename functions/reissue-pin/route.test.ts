import { readFileSync } from 'node:fs';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { verifyPin } from '../commons/pin';
import { PinReissued } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);

const CODE = 'TTHCC-261207-0001';
const params = { code: CODE };
const dossier = {
  PK: `DOSSIER#${CODE}`,
  SK: 'META',
  code: CODE,
  status: 4,
  applicant: { name: 'Nguyễn Văn An', email: 'an@example.vn', phone: '0912345678' },
  procedure: { code: 'TP-LLTP', name: { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Criminal record certificate' }, stages: [] },
  receivedAt: '2026-12-07T02:00:00.000Z',
  appointmentAt: '2026-12-14T09:00:00.000Z',
  pinHash: 'scrypt$new$hash',
  pinIssues: 3,
};
const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

describe('POST /dossiers/{code}/pin', () => {
  // the letter names the centre (the stack and the local runtime set its profile the same way)
  beforeAll(() => vi.stubEnv('CENTRE_PROFILE', readFileSync('config/hanoi/centre.json', 'utf8')));
  afterAll(() => vi.unstubAllEnvs());
  beforeEach(() => {
    db.reset();
    ses.reset();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const answer = await invoke(route, { params, body: {} });
    expect(answer.status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it("refuses an agency's officer and an operator (403): only the desk reissues a PIN", async () => {
    for (const as of [officerOf('STP'), operator]) {
      const answer = await invoke(route, { as, params, body: {} });
      expect(answer.status).toBe(403);
    }
    expect(db.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });

  it('names the wrong dossier code (400)', async () => {
    const answer = await invoke(route, { as: desk, params: { code: 'nope' }, body: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('code');
  });

  it('refuses a body with anything in it (400): the desk chooses nothing, not even the address', async () => {
    const answer = await invoke(route, { as: desk, params, body: { email: 'someone-else@example.vn' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('body');
    expect(db.calls()).toHaveLength(0);
  });

  it('answers 404 for a dossier that does not exist, sending nothing', async () => {
    db.on(UpdateCommand).rejects(conditionFailed());
    const answer = await invoke(route, { as: desk, params });
    expect(answer.status).toBe(404);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });

  it("replaces the PIN's hash in one conditional write, lifts the guard, emails the PIN to the applicant only (202)", async () => {
    db.on(UpdateCommand).resolves({ Attributes: dossier });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const answer = await invoke(route, { as: desk, params, body: {} });
    expect(answer.status).toBe(202);
    expect(PinReissued.parse(answer.body)).toMatchObject({ dossierCode: CODE, sentTo: 'applicant' });

    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'META' });
    expect(update.ConditionExpression).toBe('attribute_exists(PK)');
    expect(update.UpdateExpression).toBe('SET pinHash = :h ADD pinIssues :one');
    expect(db.commandCalls(DeleteCommand)[0]!.args[0].input.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'PINGUARD' });

    const sent = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(sent.Destination?.ToAddresses).toEqual(['an@example.vn']);
    const pin = /: (\d{8})\b/.exec(sent.Content?.Simple?.Body?.Text?.Data ?? '')?.[1];
    expect(pin, 'the letter holds the new PIN').toBeDefined();
    // the hash written is the new PIN's; the PIN itself is stored nowhere and never answered to the desk
    expect(await verifyPin(pin!, String(update.ExpressionAttributeValues?.[':h']))).toBe(true);
    const marker = db.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(marker).toMatchObject({ PK: `DOSSIER#${CODE}`, SK: 'EMAIL#pin-reissued-3', state: 'sent', cause: 'desk', messageId: 'ses-1' });
    expect(JSON.stringify(marker)).not.toContain(pin);
    expect(JSON.stringify(answer.body)).not.toContain(pin);
  });

  it('answers 503 with Retry-After when the letter cannot be sent, recording no letter', async () => {
    db.on(UpdateCommand).resolves({ Attributes: dossier });
    ses.on(SendEmailCommand).rejects(new Error('SES is down'));
    const answer = await invoke(route, { as: desk, params, body: {} });
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('5');
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });
});
