import { readFileSync } from 'node:fs';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke, type Answer, type Call } from '../../test/support/route-unit';
import { PinReminder } from '../contracts/responses';
import { REMINDER_ANSWER, route } from './route';

// scrypt costs a few hundred milliseconds on a busy machine: the new PIN's hash is a readable stand-in here
vi.mock('../commons/pin', async (original) => ({
  ...(await original<typeof import('../commons/pin')>()),
  hashPin: async (pin: string) => `scrypt$unit$${Buffer.from(pin).toString('base64')}`,
}));

const db = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);

const CODE = 'TTHCC-261207-0001';
const params = { code: CODE };
const profile = readFileSync(new URL('../../config/hanoi/centre.json', import.meta.url), 'utf8');
const dossier = {
  code: CODE,
  status: 4,
  applicant: { name: 'Nguyễn Văn A', email: 'a@example.vn' },
  procedure: { code: 'CAP-PHEP-XD', name: { vi: 'Cấp giấy phép xây dựng', en: 'Building permit' } },
  receivedAt: '2026-12-07T02:00:00.000Z',
  appointmentAt: '2026-12-14T02:00:00.000Z',
  pinHash: 'scrypt$new',
  pinIssues: 2,
};
const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
const updates = () => db.commandCalls(UpdateCommand).map((c) => c.args[0].input as UpdateCommandInput);

/** The table: this client's asks (PINREMINDER#…) and the dossier (META), each conditional update holding or not. */
function table({ clientMayAsk = true, dossierReplaced = true } = {}) {
  db.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
    if (String(input.Key?.PK).startsWith('PINREMINDER#')) {
      if (!clientMayAsk) throw conditionFailed();
      return {};
    }
    if (!dossierReplaced) throw conditionFailed();
    return { Attributes: dossier };
  });
  db.on(PutCommand).resolves({});
}

/**
 * Every answer waits for a floor of 600 ms (so that sending an email does not show through
 * timing): the clock is moved instead, once the route waits on it.
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
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    vi.stubEnv('CENTRE_PROFILE', profile);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('names a body that is not empty, and a code that is not a dossier code (400)', async () => {
    const extra = await invoke(route, { params, body: { pin: '12345678' } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field)).toEqual(['body']);
    const code = await invoke(route, { params: { code: 'x' }, body: {} });
    expect(code.status).toBe(400);
    expect(code.body.errors.map((e: { field: string }) => e.field)).toEqual(['code']);
    expect(db.calls()).toHaveLength(0);
  });

  it('replaces the PIN in one conditional write and emails the new one to the address on file (202)', async () => {
    table();
    const answer = await remind({ params, body: {} });
    expect(answer.status).toBe(202);
    expect(PinReminder.parse(answer.body)).toEqual(REMINDER_ANSWER);
    const replaced = updates().find((u) => u.Key?.SK === 'META')!;
    expect(replaced.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'META' });
    expect(replaced.ConditionExpression).toBe('attribute_exists(PK) AND (attribute_not_exists(pinRemindedAt) OR pinRemindedAt <= :before)');
    expect(replaced.UpdateExpression).toBe('SET pinHash = :h, pinRemindedAt = :at ADD pinIssues :one');
    // the PIN whose hash replaced the old one is the one emailed, and it is never in the answer
    const pin = Buffer.from(String(replaced.ExpressionAttributeValues?.[':h']).split('$')[2]!, 'base64').toString();
    expect(pin).toMatch(/^\d{8}$/);
    const sent = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(sent.Destination?.ToAddresses).toEqual(['a@example.vn']);
    expect(sent.Content?.Simple?.Body?.Text?.Data).toContain(pin);
    expect(JSON.stringify(answer.body)).not.toContain(pin);
    // the letter is recorded as sent, without the PIN
    const marker = db.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(marker).toMatchObject({ PK: `DOSSIER#${CODE}`, SK: 'EMAIL#pin-reissued-2', state: 'sent', cause: 'reminder', messageId: 'ses-1' });
  });

  it('answers an unknown code, or a dossier reminded less than ten minutes ago, exactly the same, sending nothing', async () => {
    table({ dossierReplaced: false });
    const answer = await remind({ params, body: {} });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual(REMINDER_ANSWER);
    expect(ses.calls()).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers no sooner than the floor, whether or not a letter left', async () => {
    table();
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    let done = false;
    const pending = invoke(route, { params, body: {} }).finally(() => (done = true));
    while (!done && vi.getTimerCount() === 0) await new Promise((r) => setImmediate(r));
    await vi.advanceTimersByTimeAsync(599);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(202);
  });

  it('still answers 202 when the letter cannot be sent (the failure is logged)', async () => {
    table();
    ses.on(SendEmailCommand).rejects(new Error('SES throttled'));
    const answer = await remind({ params, body: {} });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual(REMINDER_ANSWER);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 429 with Retry-After to a client that asked too often, whatever the code, touching no dossier', async () => {
    table({ clientMayAsk: false });
    const answer = await invoke(route, { params, body: {} });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    const asked = updates()[0]!;
    expect(asked.Key?.PK).toMatch(/^PINREMINDER#/);
    expect(asked.ConditionExpression).toBe('attribute_not_exists(n) OR n < :max');
    expect(updates().some((u) => u.Key?.SK === 'META')).toBe(false);
    expect(ses.calls()).toHaveLength(0);
  });
});
