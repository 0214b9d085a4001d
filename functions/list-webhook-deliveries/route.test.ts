import { DynamoDBDocumentClient, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { invoke, officerOf, operator } from '../../test/support/route-unit';
import { route, WebhookDeliveries } from './route';

const db = mockClient(DynamoDBDocumentClient);
const ID = '5b2f1f9e-7c1a-4e0b-9a57-2f4f1d0c9a11';
const params = { agencyCode: 'STP', id: ID };
const sub = { PK: 'WEBHOOK#STP', SK: `SUB#${ID}`, id: ID, agency: 'STP', url: 'https://203.0.113.5/hook', secret: 'whsec_x', createdAt: '2026-12-07T02:00:00.000Z', createdBy: 'o' };
const attempt = { PK: `WEBHOOK#STP#${ID}`, SK: 'DELIVERY#…', at: '2026-12-07T02:01:00.000Z', eventId: 'TTHCC-261207-0001/step-assigned/s1-stp', code: 'TTHCC-261207-0001', seq: 2, kind: 'step-assigned', attempt: 1, ok: false, httpStatus: 500, error: 'HTTP 500', expiresAt: 1 };

describe('GET /agencies/{agencyCode}/webhooks/{id}/deliveries', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params })).status).toBe(401);
  });

  it('refuses another agency and operators (403)', async () => {
    expect((await invoke(route, { as: officerOf('CATP'), params })).status).toBe(403);
    expect((await invoke(route, { as: operator, params })).status).toBe(403);
  });

  it('answers 404 for a subscription of another agency or none', async () => {
    db.on(QueryCommand).resolves({ Items: [] });
    expect((await invoke(route, { as: officerOf('STP'), params })).status).toBe(404);
  });

  it('lists the attempts, newest first, in local time', async () => {
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'WEBHOOK#STP', ':s': 'SUB#' } }).resolves({ Items: [sub] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': `WEBHOOK#STP#${ID}` } }).resolves({ Items: [attempt] });
    const answer = await invoke(route, { as: officerOf('STP'), params });
    expect(answer.status).toBe(200);
    const body = WebhookDeliveries.parse(answer.body);
    expect(body.deliveries).toEqual([{ at: '2026-12-07T09:01:00+07:00', eventId: attempt.eventId, code: attempt.code, seq: 2, kind: 'step-assigned', attempt: 1, ok: false, httpStatus: 500, error: 'HTTP 500' }]);
    expect(JSON.stringify(body)).not.toContain('whsec_');
  });
});
