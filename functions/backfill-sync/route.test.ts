import { DynamoDBClient } from '../commons/aws/dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const records = mockClient(DynamoDBClient);
const CODE = 'TTHCC-261207-0001';
let n = 0;
const headers = () => ({ 'idempotency-key': `backfill-key-${++n}` });
const meta = { PK: `DOSSIER#${CODE}`, SK: 'META', code: CODE, status: 2, channel: 'counter', receivedAt: '2026-12-07T02:00:00.000Z', appointmentAt: '2026-12-10T02:00:00.000Z', procedure: { code: 'TP-LLTP', version: 1, receivingAgency: 'TTHCC' }, pauses: {} };

describe('POST /ops/sync/backfill', () => {
  beforeEach(() => {
    db.reset();
    records.reset();
    records.resolves({});
    process.env.NATIONAL_PORTAL = JSON.stringify({ url: 'https://portal.example', secretName: 's', dstcode: 'H26', centreUnit: '000.00.00.H26', procedures: {}, units: {} });
  });
  afterEach(() => delete process.env.NATIONAL_PORTAL);

  it('answers 401 to a caller who is not signed in and refuses the desk (403), recording nothing', async () => {
    expect((await invoke(route, { as: 'nobody', headers: headers(), body: {} })).status).toBe(401);
    expect((await invoke(route, { as: desk, headers: headers(), body: {} })).status).toBe(403);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('names the missing end of a period, or one longer than a month (400)', async () => {
    const half = await invoke(route, { as: operator, headers: headers(), body: { from: '2026-12-01' } });
    expect(half.status).toBe(400);
    expect(half.body.errors[0].field).toBe('to');
    expect((await invoke(route, { as: operator, headers: headers(), body: { from: '2026-01-01', to: '2026-03-01' } })).status).toBe(400);
  });

  it("records an open dossier's events once, marked as backfill (history: not for agencies' webhooks)", async () => {
    db.on(QueryCommand, { IndexName: 'GSI1' }).resolves({ Items: [{ PK: `DOSSIER#${CODE}` }] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': `DOSSIER#${CODE}` } }).resolves({ Items: [meta] });
    db.on(UpdateCommand).resolves({ Attributes: { seq: 1 } });
    db.on(PutCommand).resolves({});
    const answer = await invoke(route, { as: operator, headers: headers(), body: {} });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ scope: 'open', dossiers: 1, recorded: 1 });
    const put = db.commandCalls(PutCommand).find((c) => String(c.args[0].input.Item?.SK).startsWith('EVENT#'))!;
    expect(put.args[0].input.Item).toMatchObject({ SK: `EVENT#${CODE}/received`, backfill: true, portalState: 'pending', GSI1PK: 'SYNC#pending' });
    expect(put.args[0].input.ConditionExpression).toBe('attribute_not_exists(PK)');
  });
});
