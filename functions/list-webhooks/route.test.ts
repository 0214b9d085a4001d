import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { invoke, officerOf, operator } from '../../test/support/route-unit';
import { storedSubscription, WEBHOOK_ID } from '../../test/support/webhook-unit';
import { route, WebhookList } from './route';

const db = mockClient(DynamoDBDocumentClient);
const params = { agencyCode: 'STP' };

describe('GET /agencies/{agencyCode}/webhooks', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in; refuses another agency and operators (403)', async () => {
    expect((await invoke(route, { params })).status).toBe(401);
    expect((await invoke(route, { as: officerOf('CATP'), params })).status).toBe(403);
    expect((await invoke(route, { as: operator, params })).status).toBe(403);
  });

  it("lists the agency's subscriptions and their state, never a secret, the agency's system included", async () => {
    db.on(GetCommand).resolves({ Item: { agency: 'STP' } }); // the system's client is STP's
    db.on(QueryCommand).resolves({ Items: [storedSubscription({ disabledAt: '2026-12-08T02:00:00.000Z', disabledReason: 'HTTP 500 after 30 attempts' })] });
    for (const as of [officerOf('STP'), { clientId: 'stp-system', scopes: ['motcua/tasks.read'] }]) {
      const answer = await invoke(route, { as, params });
      expect(answer.status).toBe(200);
      expect(WebhookList.parse(answer.body).webhooks).toEqual([
        { id: WEBHOOK_ID, agency: 'STP', url: 'https://203.0.113.5/hook', state: 'disabled', disabledAt: '2026-12-08T09:00:00+07:00', disabledReason: 'HTTP 500 after 30 attempts', createdAt: '2026-12-07T09:00:00+07:00' },
      ]);
      expect(JSON.stringify(answer.body)).not.toContain('whsec_');
    }
  });
});
