import { SendMessageCommand, SQSClient } from '../commons/aws/sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../commons/compose-email', async (actual) => ({ ...(await actual<typeof import('../commons/compose-email')>()), compose: vi.fn() }));
const { compose, UnwritableLetter } = await import('../commons/compose-email');
const { notify } = await import('./notify');

process.env.TABLE_NAME = 'motcua-test';
process.env.EMAIL_QUEUE_URL = 'https://sqs.local/000000000000/emails';
const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
const letter = { dossierCode: 'TTHCC-2612-000001', event: 'apology', eventKey: 'apology-1', stepId: 's1-sdl' } as const;
const conditionFailed = Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

/** Issue 18: the letter is recorded and queued inline by the task that decides it. */
describe('notify (the letter, recorded and queued by the workflow task that decides it)', () => {
  beforeEach(() => {
    ddb.reset();
    sqs.reset();
    vi.mocked(compose).mockReset();
    ddb.on(UpdateCommand).resolves({});
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
  });

  it('records a new letter once (conditional put on EMAIL#<eventKey>), queues its ids and marks the step', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    vi.mocked(compose).mockResolvedValue({ event: 'apology', to: 'x@example.vn', data: {} as never });
    expect(await notify(letter)).toEqual({ queued: true });
    const put = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.Item).toMatchObject({ PK: `DOSSIER#${letter.dossierCode}`, SK: 'EMAIL#apology-1', state: 'queued' });
    expect(put.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(JSON.parse(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageBody!)).toEqual({ dossierCode: letter.dossierCode, eventKey: 'apology-1' });
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input.Key).toEqual({ PK: `DOSSIER#${letter.dossierCode}`, SK: 'STEP#s1-sdl' });
  });

  it('asked again (a retry), writes nothing new and re-queues only a letter still waiting for its first message', async () => {
    ddb.on(GetCommand).resolves({ Item: { eventKey: 'apology-1', event: 'apology', state: 'sent' } });
    expect(await notify(letter)).toEqual({ queued: false });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
    expect(compose).not.toHaveBeenCalled();

    ddb.on(GetCommand).resolves({ Item: { eventKey: 'apology-1', event: 'apology', state: 'queued' } });
    expect(await notify(letter)).toEqual({ queued: true });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
  });

  it('a put that loses the race reads the letter written first: one letter per (dossier, event)', async () => {
    ddb.on(GetCommand).resolvesOnce({}).resolves({ Item: { eventKey: 'apology-1', event: 'apology', state: 'claimed' } });
    ddb.on(PutCommand).rejects(conditionFailed);
    vi.mocked(compose).mockResolvedValue({ event: 'apology', to: 'x@example.vn', data: {} as never });
    expect(await notify(letter)).toEqual({ queued: false });
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('fails the task when the queue cannot be reached (the state machine retries it)', async () => {
    ddb.on(GetCommand).resolves({ Item: { eventKey: 'apology-1', event: 'apology', state: 'queued' } });
    sqs.on(SendMessageCommand).rejects(new Error('connect ECONNREFUSED'));
    await expect(notify(letter)).rejects.toThrow('ECONNREFUSED');
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0); // the step is not marked: the retry asks again
  });

  it('records a letter the facts cannot write as failed on the dossier and the step, and goes on', async () => {
    ddb.on(GetCommand).resolves({});
    vi.mocked(compose).mockRejectedValue(new UnwritableLetter('No address for the agency of s1-sdl'));
    expect(await notify({ ...letter, event: 'agency-warning', eventKey: 'warning-s1-sdl-0' })).toEqual({ queued: false });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
    const [dossier, step] = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(dossier!.UpdateExpression).toBe('SET emailFailures.#k = :f');
    expect(step!.ExpressionAttributeValues).toEqual({ ':failed': 'failed' });
  });

  it('fails the task on any other error while composing (a read that failed is retried)', async () => {
    ddb.on(GetCommand).resolves({});
    vi.mocked(compose).mockRejectedValue(new Error('ProvisionedThroughputExceededException'));
    await expect(notify(letter)).rejects.toThrow('ProvisionedThroughput');
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
