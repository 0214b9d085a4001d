import { PutCommand, QueryCommand, UpdateCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { SendMessageCommand, SQSClient } from '../commons/aws/sqs';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setClockSource } from '../commons/clock';
import { handler } from './handler';

const db = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
const NOW = '2026-12-08T08:00:00.000Z'; // Tuesday 15:00 in Hà Nội
const context = { functionName: 'check-lapses', awsRequestId: 'unit', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
const online = (code: string, checkDueAt: string, extra: Record<string, unknown> = {}) => ({
  code,
  status: 1,
  procedure: { code: 'TP-LLTP', receivingAgency: 'TTHCC' },
  online: { level: 'partly', submittedAt: '2026-12-07T02:00:00.000Z', checkDueAt, ...extra },
});
const LAPSED = 'TTHCC-261207-0001';
const WARNED = 'TTHCC-261207-0002';
const ASKED = 'TTHCC-261207-0003';

describe('check-lapses', () => {
  beforeAll(() => {
    setClockSource(() => Date.parse(NOW));
    vi.stubEnv('EMAIL_QUEUE_URL', 'http://queue.unit/emails');
    vi.stubEnv('TABLE_NAME', 'motcua-unit');
  });
  afterAll(() => {
    setClockSource(() => Date.now());
    vi.unstubAllEnvs();
  });
  beforeEach(() => {
    db.reset();
    sqs.reset();
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => {
      const v = input.ExpressionAttributeValues;
      if (v[':pk'] === 'CATALOGUE') return { Items: v[':p'] === 'AGENCY#' ? [{ code: 'TTHCC', kind: 'desk', email: 'desk@example.vn' }] : [] };
      if (v[':pk'] === 'CHECK#TTHCC') {
        // read up to now only
        expect(v[':b']).toBe(`${NOW}#~`);
        return {
          Items: [
            online(LAPSED, '2026-12-08T02:00:00.000Z'),
            online(WARNED, '2026-12-08T02:00:00.000Z', { lapseWarnedAt: '2026-12-08T03:00:00.000Z' }),
            online(ASKED, '2026-12-08T02:00:00.000Z', { completions: [{ askedAt: 'x', by: 'o', missing: ['a'], reason: 'r' }] }),
          ],
        };
      }
      return { Items: [] };
    });
    db.on(PutCommand).resolves({});
    db.on(UpdateCommand).resolves({ Attributes: {} });
  });

  it('warns the desk once for a lapsed check: the letter recorded and queued (ids only), then lapseWarnedAt under the period seen', async () => {
    const out = await handler({}, context);
    expect(out).toMatchObject({ lapsed: 2, warned: 1, returned: 0 });
    const put = db.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(put).toHaveLength(1);
    expect(put[0]!.Item).toMatchObject({ PK: `DOSSIER#${LAPSED}`, SK: 'EMAIL#check-lapse-0', event: 'check-lapse' });
    expect(JSON.parse(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageBody!)).toEqual({ dossierCode: LAPSED, eventKey: 'check-lapse-0' });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.ConditionExpression).toContain('attribute_not_exists(#online.lapseWarnedAt)');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':due': '2026-12-08T02:00:00.000Z', ':submitted': 1 });
  });
});
