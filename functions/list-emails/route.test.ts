import { GetCommand, QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { EmailList, route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const A = 'TTHCC-261201-0001';
const B = 'TTHCC-261202-0002';
const index: Record<string, Record<string, unknown>[]> = {
  'EMAILS#failed': [
    { PK: `DOSSIER#${B}`, eventKey: 'receipt', failedAt: '2026-12-02T03:00:00.000Z' },
    { PK: `DOSSIER#${A}`, eventKey: 'receipt', failedAt: '2026-12-01T03:00:00.000Z' },
    { PK: `DOSSIER#${A}`, eventKey: 'decision', failedAt: '2026-12-01T04:00:00.000Z' },
  ],
  'CONTACT#TTHCC': [
    { code: A, eventKey: 'supplement', reason: 'bounced', at: '2026-12-03T01:00:00.000Z' },
    { code: B, eventKey: 'result', reason: 'complained', at: '2026-12-03T02:00:00.000Z' },
  ],
};
const letters: Record<string, Record<string, unknown>> = {
  [`DOSSIER#${A}|EMAIL#receipt`]: { event: 'receipt', state: 'failed', lastError: `MessageRejected: ${'x'.repeat(300)}`, request: { to: 'an@example.vn' } },
  [`DOSSIER#${B}|EMAIL#receipt`]: { event: 'receipt', state: 'failed' },
  // re-sent since: no longer failed
  [`DOSSIER#${A}|EMAIL#decision`]: { event: 'decision', state: 'queued' },
  [`DOSSIER#${A}|EMAIL#supplement`]: { event: 'supplement-requested', state: 'sent', delivery: 'bounced' },
  [`DOSSIER#${B}|EMAIL#result`]: { event: 'result', state: 'sent', delivery: 'delivered' },
};

describe('GET /ops/emails', () => {
  beforeEach(() => {
    db.reset();
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => {
      const v = input.ExpressionAttributeValues;
      if (v[':p'] === 'AGENCY#') return { Items: [{ SK: 'AGENCY#TTHCC', code: 'TTHCC', kind: 'desk' }, { SK: 'AGENCY#STP', code: 'STP', kind: 'department' }] };
      return { Items: index[v[':pk']!] ?? [] };
    });
    db.on(GetCommand).callsFake((input: { Key: { PK: string; SK: string } }) => ({ Item: letters[`${input.Key.PK}|${input.Key.SK}`] }));
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { query: { state: 'failed' } })).status).toBe(401);
  });

  it('refuses the desk (403): the desk has its own list of calls', async () => {
    expect((await invoke(route, { as: desk, query: { state: 'failed' } })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names state when it is not failed, bounced or complained (400)', async () => {
    const answer = await invoke(route, { as: operator, query: { state: 'sent' }, headers: { 'accept-language': 'en' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toEqual({ field: 'state', code: 'invalid_option', message: 'state=failed, bounced or complained' });
  });

  it('lists the failed letters oldest first, without those re-sent since, ids and a short error only', async () => {
    const answer = await invoke(route, { as: operator, query: { state: 'failed' } });
    expect(answer.status).toBe(200);
    const body = EmailList.parse(answer.body);
    expect(body.emails.map((e) => e.id)).toEqual([`${A}~receipt`, `${B}~receipt`]);
    expect(body.emails[0]).toMatchObject({ dossierCode: A, eventKey: 'receipt', event: 'receipt', state: 'failed', at: '2026-12-01T10:00:00+07:00' });
    expect(body.emails[0]!.error).toHaveLength(200);
    expect(body.emails[1]!.error).toBeUndefined();
    expect(JSON.stringify(answer.body)).not.toContain('an@example.vn');
    expect(db.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ IndexName: 'GSI1', ExpressionAttributeValues: { ':pk': 'EMAILS#failed' } });
  });

  it("lists the bounced letters from the desks' open calls", async () => {
    const answer = await invoke(route, { as: operator, query: { state: 'bounced' } });
    expect(answer.status).toBe(200);
    expect(EmailList.parse(answer.body)).toEqual({
      state: 'bounced',
      emails: [{ id: `${A}~supplement`, dossierCode: A, eventKey: 'supplement', event: 'supplement-requested', state: 'bounced', at: '2026-12-03T08:00:00+07:00' }],
    });
    // only the desks' calls are read
    const pks = db.commandCalls(QueryCommand).map((c) => c.args[0].input.ExpressionAttributeValues?.[':pk']);
    expect(pks).toContain('CONTACT#TTHCC');
    expect(pks).not.toContain('CONTACT#STP');
  });
});
