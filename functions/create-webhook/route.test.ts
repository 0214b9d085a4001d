import { DynamoDBDocumentClient, PutCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf } from '../../test/support/route-unit';
import { route, WebhookCreated } from './route';

const db = mockClient(DynamoDBDocumentClient);
const params = { agencyCode: 'STP' };

describe('POST /agencies/{agencyCode}/webhooks', () => {
  beforeEach(() => {
    db.reset();
    db.on(PutCommand).resolves({});
  });
  afterEach(() => vi.unstubAllEnvs());

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params, body: { url: 'https://203.0.113.5/hook' } })).status).toBe(401);
  });

  it('refuses another agency (403) and the desk', async () => {
    expect((await invoke(route, { as: officerOf('CATP'), params, body: { url: 'https://203.0.113.5/hook' } })).status).toBe(403);
    expect((await invoke(route, { as: desk, params, body: { url: 'https://203.0.113.5/hook' } })).status).toBe(403);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it.each([
    ['http://203.0.113.5/hook', 'https only'],
    ['https://127.0.0.1/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'private'],
    ['https://10.0.0.8/hook', 'private'],
    ['https://[::1]/hook', 'private'],
  ])('refuses %s on AWS, naming the url (400)', async (url, why) => {
    const answer = await invoke(route, { as: officerOf('STP'), params, body: { url } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('url');
    expect(answer.body.errors[0].message).toContain(why);
  });

  it('allows a loopback receiver locally only', async () => {
    vi.stubEnv('WEBHOOK_ALLOW_LOOPBACK', '1');
    expect((await invoke(route, { as: officerOf('STP'), params, body: { url: 'http://127.0.0.1:9999/hook' } })).status).toBe(201);
  });

  it('answers the id and the signing secret once, and stores the subscription (201)', async () => {
    const answer = await invoke(route, { as: officerOf('STP'), params, body: { url: 'https://203.0.113.5/hook', events: ['step-assigned'] } });
    expect(answer.status).toBe(201);
    const body = WebhookCreated.parse(answer.body);
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const item = db.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(item).toMatchObject({ PK: 'WEBHOOK#STP', SK: `SUB#${body.id}`, url: 'https://203.0.113.5/hook', events: ['step-assigned'], secret: body.secret });
  });
});
