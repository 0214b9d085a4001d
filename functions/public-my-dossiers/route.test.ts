import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citizenSessionKey, desk, invoke, sessionItem } from '../../test/support/route-unit';
import { applicantIdPk } from '../commons/personal-data';
import { citizenRef } from '../commons/citizen-session';
import { MyDossiers } from '../contracts/responses';
import type { Citizen } from '../core/citizen';
import { route } from './route';

const ddb = mockClient(DynamoDBDocumentClient);
const lan: Citizen = { identityNumber: '001099012345', name: 'Nguyễn Thị Lan' };
const name = { vi: 'Cấp bản sao trích lục hộ tịch', en: 'Civil status extract copy' };
const item = (code: string, receivedAt: string | undefined, extra: Record<string, unknown> = {}) => ({
  code,
  procedure: { code: 'HT-01', name },
  status: 2,
  channel: 'counter',
  ...(receivedAt ? { receivedAt, appointmentAt: '2026-12-10T03:00:00.000Z' } : {}),
  applicant: { idNumber: lan.identityNumber },
  ...extra,
});

describe('GET /public/me/dossiers', () => {
  beforeEach(() => ddb.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: sessionItem(lan) }));
  afterEach(() => ddb.reset());

  it("lists every dossier of the citizen's identity number, newest first, each as the citizen may see it", async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ PK: applicantIdPk(lan.identityNumber), SK: 'TTHCC-261201-0001' }, { PK: 'x', SK: 'TTHCC-261203-0002' }, { PK: 'x', SK: 'TTHCC-261204-0003' }, { PK: 'x', SK: 'TTHCC-261205-0004' }] });
    ddb.on(BatchGetCommand).resolves({
      Responses: {
        'motcua-unit': [
          item('TTHCC-261201-0001', '2026-12-01T02:00:00.000Z'),
          item('TTHCC-261203-0002', '2026-12-03T02:00:00.000Z'),
          // applied online, still in status 1 (stored as submitted: receivedAt = the submission, a provisional appointment): no receipt nor appointment yet; found by the applicant's number
          item('TTHCC-261204-0003', '2026-12-04T02:00:00.000Z', { status: 1, channel: 'online', applicant: { idNumber: lan.identityNumber }, online: { citizenRef: citizenRef(lan), submittedAt: '2026-12-04T02:00:00.000Z' } }),
          // the applicant's number was corrected since: the lookup item is stale, the dossier not hers
          item('TTHCC-261205-0004', '2026-12-05T02:00:00.000Z', { applicant: { idNumber: '001099099999' } }),
        ],
      },
    });
    const answer = await invoke(route, { as: { citizen: lan } });
    expect(answer.status).toBe(200);
    const { dossiers } = MyDossiers.parse(answer.body);
    expect(dossiers.map((d) => d.code)).toEqual(['TTHCC-261204-0003', 'TTHCC-261203-0002', 'TTHCC-261201-0001']);
    expect(dossiers[1]).toEqual({
      code: 'TTHCC-261203-0002',
      procedure: { code: 'HT-01', name },
      status: 2,
      statusText: { vi: 'Đã tiếp nhận', en: 'Received' },
      channel: 'counter',
      receivedAt: '2026-12-03T09:00:00+07:00',
      appointmentAt: '2026-12-10T10:00:00+07:00',
    });
    expect(dossiers[0]).toMatchObject({ status: 1, channel: 'online', receivedAt: null, appointmentAt: null });
    // the lookup by the number's hash, then one BatchGetItem of the dossiers' META items (no applicant's data but the number read back)
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({ ':pk': applicantIdPk(lan.identityNumber) });
    const batch = ddb.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!['motcua-unit']!;
    expect(batch.Keys).toHaveLength(4);
    expect(batch.ProjectionExpression).not.toMatch(/applicant[,\s]/);
    expect(JSON.stringify(answer.body)).not.toContain(lan.identityNumber);
  });

  it('reads keys left unprocessed again, and batches by 100', async () => {
    const codes = Array.from({ length: 150 }, (_, i) => `TTHCC-261201-${String(i + 1).padStart(4, '0')}`);
    ddb.on(QueryCommand).resolves({ Items: codes.map((SK) => ({ SK })) });
    let first = true;
    ddb.on(BatchGetCommand).callsFake((input) => {
      const keys = input.RequestItems['motcua-unit'].Keys as { PK: string }[];
      const codesOf = keys.map((k) => k.PK.replace('DOSSIER#', ''));
      if (first) {
        first = false;
        return { Responses: { 'motcua-unit': codesOf.slice(10).map((c) => item(c, '2026-12-01T02:00:00.000Z')) }, UnprocessedKeys: { 'motcua-unit': { Keys: keys.slice(0, 10) } } };
      }
      return { Responses: { 'motcua-unit': codesOf.map((c) => item(c, '2026-12-01T02:00:00.000Z')) } };
    });
    const answer = await invoke(route, { as: { citizen: lan } });
    expect(answer.body.dossiers).toHaveLength(150);
    expect(ddb.commandCalls(BatchGetCommand).map((c) => c.args[0].input.RequestItems!['motcua-unit']!.Keys!.length)).toEqual([100, 10, 50]);
  });

  it('answers an empty list to a citizen with no dossier', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    const answer = await invoke(route, { as: { citizen: lan } });
    expect(answer.body).toEqual({ dossiers: [] });
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(0);
  });

  it('refuses (401) no token and an officer’s token, reading no dossier', async () => {
    expect((await invoke(route)).status).toBe(401);
    expect((await invoke(route, { as: desk })).status).toBe(401);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
