import { SESv2Client } from '../commons/aws/sesv2';
import { SQSClient, SendMessageCommand } from '../commons/aws/sqs';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand, type UpdateCommandInput } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke, type Answer, type Call } from '../../test/support/route-unit';
import { hashPin } from '../commons/pin';
import { PinConfirmed, PinReminder } from '../contracts/responses';
import { REMINDER_ANSWER, route } from './route';

// No PIN is drawn when a reminder is asked (it is drawn when the letter is composed, functions/send-email):
// hashPin is watched to prove it, and the one-time code's hash below is a real one.
vi.mock('../commons/pin', async (original) => {
  const real = await original<typeof import('../commons/pin')>();
  return { ...real, hashPin: vi.fn(real.hashPin) };
});

const db = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
const sqs = mockClient(SQSClient);

const CODE = 'TTHCC-261207-0001';
const params = { code: CODE };
const QUEUE = 'https://sqs.ap-southeast-1.amazonaws.com/000000000000/motcua-emails';
const HELD = 'scrypt$held$pin';
const dossier = {
  code: CODE,
  status: 4,
  applicant: { name: 'Nguyễn Văn A', email: 'a@example.vn' },
  procedure: { code: 'CAP-PHEP-XD', name: { vi: 'Cấp giấy phép xây dựng', en: 'Building permit' } },
  receivedAt: '2026-12-07T02:00:00.000Z',
  appointmentAt: '2026-12-14T02:00:00.000Z',
  pinHash: HELD,
  pinIssues: 2,
};
const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
const updates = () => db.commandCalls(UpdateCommand).map((c) => c.args[0].input as UpdateCommandInput);
const dossierUpdates = () => updates().filter((u) => u.Key?.SK === 'META');

/** The table: this client's asks (PINREMINDER#…) and the dossier (META), each conditional update holding or not. */
function table({ clientMayAsk = true, reminderGranted = true } = {}) {
  db.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
    if (String(input.Key?.PK).startsWith('PINREMINDER#')) {
      if (!clientMayAsk) throw conditionFailed();
      return {};
    }
    if (!reminderGranted) throw conditionFailed();
    return { Attributes: { ...dossier, pinIssues: dossier.pinIssues + 1, pinReminder: input.ExpressionAttributeValues?.[':r'] } };
  });
  db.on(PutCommand).resolves({});
  sqs.on(SendMessageCommand).resolves({ MessageId: 'sqs-1' });
}

/**
 * Every reminder's answer waits for a floor of 600 ms (so that queuing a letter does not show
 * through timing): the clock is moved instead, once the route waits on it.
 */
async function remind(call: Call): Promise<Answer> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
  let done = false;
  const pending = invoke(route, call).finally(() => (done = true));
  while (!done && vi.getTimerCount() === 0) await new Promise((r) => setImmediate(r));
  await vi.advanceTimersByTimeAsync(600);
  return pending;
}

describe('POST /public/dossiers/{code}/pin-reminder', () => {
  beforeEach(() => {
    db.reset();
    ses.reset();
    sqs.reset();
    vi.mocked(hashPin).mockClear();
    vi.stubEnv('EMAIL_QUEUE_URL', QUEUE);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('names an unknown key of the body, and a code that is not a dossier code (400)', async () => {
    const extra = await invoke(route, { params, body: { pin: '12345678' } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toMatchObject([{ field: 'pin', code: 'unknown_key' }]);
    const code = await invoke(route, { params: { code: 'x' }, body: {} });
    expect(code.status).toBe(400);
    expect(code.body.errors.map((e: { field: string }) => e.field)).toEqual(['code']);
    expect(db.calls()).toHaveLength(0);
    expect(sqs.calls()).toHaveLength(0);
  });

  describe('{}: I lost my PIN', () => {
    it('records a pending reminder without touching the PIN held, and queues its letter with ids only (202)', async () => {
      table();
      const answer = await remind({ params, body: {} });
      expect(answer.status).toBe(202);
      expect(PinReminder.parse(answer.body)).toEqual(REMINDER_ANSWER);

      // one conditional write on the dossier: a pending reminder, never the PIN the citizen holds
      const [granted, ...more] = dossierUpdates();
      expect(more).toHaveLength(0);
      expect(granted!.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'META' });
      expect(granted!.ConditionExpression).toContain('attribute_exists(PK)');
      expect(granted!.ConditionExpression).toContain('pinReminder.requestedAt <= :before');
      expect(granted!.UpdateExpression).toMatch(/^SET pinReminder = :r\b/);
      expect(granted!.UpdateExpression).not.toMatch(/pinHash/);
      expect(granted!.ExpressionAttributeValues?.[':r']).toEqual({ requestedAt: expect.any(Number) });
      expect(hashPin, 'no PIN is drawn before the letter is composed').not.toHaveBeenCalled();

      // the letter: recorded queued, then a message on the email queue with the ids only
      const marker = db.commandCalls(PutCommand)[0]!.args[0].input;
      expect(marker.ConditionExpression).toBe('attribute_not_exists(PK)');
      expect(marker.Item).toMatchObject({ PK: `DOSSIER#${CODE}`, SK: 'EMAIL#pin-reissued-3', eventKey: 'pin-reissued-3', state: 'queued', cause: 'reminder' });
      const messages = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.QueueUrl).toBe(QUEUE);
      expect(JSON.parse(messages[0]!.MessageBody!)).toEqual({ dossierCode: CODE, eventKey: 'pin-reissued-3' });
      // nothing is sent from here: SES is the queue worker's (functions/send-email)
      expect(ses.calls()).toHaveLength(0);
      expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
    });

    it('answers an unknown code, or a dossier reminded less than ten minutes ago, exactly the same, queuing nothing', async () => {
      table();
      const granted = await remind({ params, body: {} });
      vi.useRealTimers();
      db.reset();
      sqs.reset();
      table({ reminderGranted: false });
      const refused = await remind({ params, body: {} });
      expect(refused.status).toBe(granted.status);
      expect(refused.body).toEqual(granted.body);
      expect(refused.headers).toEqual(granted.headers);
      // both ways of granting one were tried (another day, or the same day within its allowance), neither held
      expect(dossierUpdates()).toHaveLength(2);
      expect(db.commandCalls(PutCommand)).toHaveLength(0);
      expect(sqs.calls()).toHaveLength(0);
    });

    it('answers no sooner than the floor, whether or not a letter left', async () => {
      for (const reminderGranted of [true, false]) {
        db.reset();
        sqs.reset();
        table({ reminderGranted });
        vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
        let done = false;
        const pending = invoke(route, { params, body: {} }).finally(() => (done = true));
        while (!done && vi.getTimerCount() === 0) await new Promise((r) => setImmediate(r));
        await vi.advanceTimersByTimeAsync(599);
        expect(done).toBe(false);
        await vi.advanceTimersByTimeAsync(1);
        expect((await pending).status).toBe(202);
        vi.useRealTimers();
      }
    });

    it('answers 429 with Retry-After to a client that asked too often, whatever the code, touching no dossier', async () => {
      table({ clientMayAsk: false });
      const answer = await invoke(route, { params, body: {} });
      expect(answer.status).toBe(429);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      const asked = updates()[0]!;
      expect(asked.Key?.PK).toMatch(/^PINREMINDER#/);
      expect(asked.ConditionExpression).toBe('attribute_not_exists(n) OR n < :max');
      expect(dossierUpdates()).toHaveLength(0);
      expect(sqs.calls()).toHaveLength(0);
    });
  });

  describe("{ confirmation }: the letter's one-time code", () => {
    const CONFIRMATION = '7K3QXM9P2D';
    const NEW = 'scrypt$new$pin';
    let pending: Record<string, unknown>;

    /** The dossier with its pending reminder (the letter was sent an hour ago); the confirming writes hold. */
    async function withReminder(reminder: Record<string, unknown> | null = pending) {
      db.on(GetCommand, { Key: { PK: `DOSSIER#${CODE}`, SK: 'META' } }).resolves({ Item: { PK: `DOSSIER#${CODE}`, SK: 'META', ...dossier, ...(reminder ? { pinReminder: reminder } : {}) } });
      db.on(UpdateCommand).resolves({});
      db.on(DeleteCommand).resolves({});
    }

    beforeEach(async () => {
      const { hashPin: real } = await vi.importActual<typeof import('../commons/pin')>('../commons/pin');
      pending = { requestedAt: Date.now() - 3600_000, issuedAt: Date.now() - 3600_000, pinHash: NEW, codeHash: await real(CONFIRMATION), tries: 0 };
    });

    it('makes the letter’s PIN the dossier’s, in one conditional write, and lifts the slow-down (200); dashes, spaces and case do not matter', async () => {
      await withReminder();
      const answer = await invoke(route, { params, body: { confirmation: ' 7k3qx-m9p2d ' } });
      expect(answer.status).toBe(200);
      expect(PinConfirmed.parse(answer.body).confirmed).toBe(true);
      const [set, ...more] = dossierUpdates();
      expect(more).toHaveLength(0);
      expect(set!.UpdateExpression).toBe('SET pinHash = pinReminder.pinHash REMOVE pinReminder');
      expect(set!.ConditionExpression).toBe('pinReminder.requestedAt = :r AND pinReminder.codeHash = :c');
      expect(set!.ExpressionAttributeValues).toEqual({ ':r': pending.requestedAt, ':c': pending.codeHash });
      expect(db.commandCalls(DeleteCommand)[0]!.args[0].input.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'PINGUARD' });
      expect(sqs.calls()).toHaveLength(0);
    });

    it('refuses a wrong code (400 naming confirmation), counting the try and keeping the PIN held', async () => {
      await withReminder();
      const answer = await invoke(route, { params, body: { confirmation: 'ZZZZZZZZZZ' }, headers: { 'accept-language': 'en' } });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'confirmation', code: 'wrong_confirmation', label: 'Confirmation code', message: 'The confirmation code is wrong, expired or already used.' }]);
      expect(answer.body.detail).toBe('The confirmation code is wrong, expired or already used.');
      const [counted, ...more] = dossierUpdates();
      expect(more).toHaveLength(0);
      expect(counted!.UpdateExpression).toBe('SET pinReminder.tries = :t');
      expect(counted!.ExpressionAttributeValues).toMatchObject({ ':t': 1 });
      expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
      // Vietnamese by default
      const vi = await invoke(route, { params, body: { confirmation: 'ZZZZZZZZZZ' } });
      expect(vi.status).toBe(400);
      expect(vi.body.errors).toEqual([{ field: 'confirmation', code: 'wrong_confirmation', label: 'Mã xác nhận', message: 'Mã xác nhận không đúng, đã hết hạn hoặc đã được dùng.' }]);
      expect(vi.body.detail).toBe('Mã xác nhận không đúng, đã hết hạn hoặc đã được dùng.');
    });

    it('refuses the right code once it expired, and any code for a dossier without a reminder or none at all, the same way (400)', async () => {
      const answers: Answer[] = [];
      for (const reminder of [{ ...pending, issuedAt: Date.now() - 25 * 3600_000 }, null]) {
        db.reset();
        await withReminder(reminder);
        answers.push(await invoke(route, { params, body: { confirmation: CONFIRMATION } }));
        expect(dossierUpdates().every((u) => !/SET pinHash/.test(String(u.UpdateExpression)))).toBe(true);
        expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
      }
      db.reset();
      db.on(GetCommand).resolves({});
      db.on(UpdateCommand).resolves({});
      answers.push(await invoke(route, { params: { code: 'TTHCC-261207-0999' }, body: { confirmation: CONFIRMATION } }));
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect({ ...answer.body, instance: undefined }).toEqual({ ...answers[0]!.body, instance: undefined });
      }
    });

    it('answers 429 to a client that tried too many codes, reading no dossier', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      const answer = await invoke(route, { params, body: { confirmation: CONFIRMATION } });
      expect(answer.status).toBe(429);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(db.commandCalls(GetCommand)).toHaveLength(0);
    });
  });
});
