import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { SESv2Client } from '../commons/aws/sesv2';
import { SQSClient, SendMessageCommand } from '../commons/aws/sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { hashPin } from '../commons/pin';
import { PinReissued } from '../contracts/responses';
import { route } from './route';

// The new PIN is drawn when its letter is composed (functions/send-email), never here: hashPin is watched to prove it.
vi.mock('../commons/pin', async (original) => {
  const real = await original<typeof import('../commons/pin')>();
  return { ...real, hashPin: vi.fn(real.hashPin) };
});

const db = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
const sqs = mockClient(SQSClient);
const QUEUE = 'https://sqs.ap-southeast-1.amazonaws.com/000000000000/motcua-emails';

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
  beforeAll(() => vi.stubEnv('EMAIL_QUEUE_URL', QUEUE));
  afterAll(() => vi.unstubAllEnvs());
  beforeEach(() => {
    db.reset();
    ses.reset();
    sqs.reset();
    vi.mocked(hashPin).mockClear();
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
    // an unknown key is named by itself (issue 20, 3)
    expect(answer.body.errors).toMatchObject([{ field: 'email', code: 'unknown_key' }]);
    expect(db.calls()).toHaveLength(0);
  });

  it('answers 404 for a dossier that does not exist, queuing nothing', async () => {
    db.on(UpdateCommand).rejects(conditionFailed());
    const answer = await invoke(route, { as: desk, params });
    expect(answer.status).toBe(404);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
    expect(sqs.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });

  it('voids the old PIN and any pending reminder in one conditional write, lifts the guard, queues the letter to the applicant (202)', async () => {
    db.on(UpdateCommand).resolves({ Attributes: { ...dossier, pinIssues: 4 } });
    db.on(PutCommand).resolves({});
    db.on(DeleteCommand).resolves({});
    sqs.on(SendMessageCommand).resolves({ MessageId: 'sqs-1' });
    const answer = await invoke(route, { as: desk, params, body: {} });
    expect(answer.status).toBe(202);
    expect(PinReissued.parse(answer.body)).toMatchObject({ dossierCode: CODE, sentTo: 'applicant' });

    // the old PIN stops working at once (the desk saw the citizen); the new one is drawn when the letter is composed
    const updates = db.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'META' });
    expect(updates[0]!.ConditionExpression).toBe('attribute_exists(PK)');
    expect(updates[0]!.UpdateExpression).toBe('REMOVE pinHash, pinReminder ADD pinIssues :one');
    expect(hashPin).not.toHaveBeenCalled();
    expect(db.commandCalls(DeleteCommand)[0]!.args[0].input.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'PINGUARD' });

    // the letter of this issue: recorded queued (ids only), then its message on the email queue
    const marker = db.commandCalls(PutCommand)[0]!.args[0].input;
    expect(marker.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(marker.Item).toMatchObject({ PK: `DOSSIER#${CODE}`, SK: 'EMAIL#pin-reissued-4', eventKey: 'pin-reissued-4', state: 'queued', cause: 'desk' });
    expect(JSON.stringify(marker.Item)).not.toContain(dossier.applicant.email);
    const messages = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.QueueUrl).toBe(QUEUE);
    expect(JSON.parse(messages[0]!.MessageBody!)).toEqual({ dossierCode: CODE, eventKey: 'pin-reissued-4' });
    // nothing is sent from here: SES is the queue worker's
    expect(ses.calls()).toHaveLength(0);
    expect(JSON.stringify(answer.body)).not.toMatch(/\b\d{8}\b/);
  });
});
