import { GetObjectTaggingCommand, S3Client } from '../commons/aws/s3';
import { SendTaskSuccessCommand, SFNClient } from '../commons/aws/sfn';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { citizenSessionKey, desk, invoke, sessionItem } from '../../test/support/route-unit';
import { citizenRef } from '../commons/citizen-session';
import { Download } from '../contracts/responses';
import type { Citizen } from '../core/citizen';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);

const CODE = 'TTHCC-261207-0001';
const ID = 'e'.repeat(32);
const params = { code: CODE };
const an: Citizen = { identityNumber: '001099012345', name: 'Nguyễn Văn An', email: 'an@example.vn' };
const binh: Citizen = { identityNumber: '001099099999', name: 'Trần Thị Bình' };
const meta = (status: number, level = 'fully') => ({ PK: `DOSSIER#${CODE}`, SK: 'META', code: CODE, status, online: { level, citizenRef: citizenRef(an) } });
const result = { PK: `DOSSIER#${CODE}`, SK: `DOCUMENT#${ID}`, documentId: ID, dossierCode: CODE, name: 'Kết quả.pdf', contentType: 'application/pdf', size: 2048, sha256: 'x'.repeat(43) + '=', purpose: 'result', stage: 'processing', by: 'officer-stp', kind: 'agency', agency: 'STP', objectKey: `dossiers/${CODE}/${ID}`, uploadedAt: '2026-12-07T02:00:00.000Z', recordedAt: '2026-12-07T02:00:00.000Z' };
const steps = [
  { SK: 'STEP#s1-stp', stepId: 's1-stp', state: 'approved', history: [{ outcome: 'approve', at: '2026-12-08T02:00:00.000Z', by: 'officer-stp', resultDocument: { documentId: ID } }] },
  { SK: 'STEP#s2-desk', code: CODE, stepId: 's2-desk', atDesk: true, state: 'pending', taskToken: 'token-1', history: [] },
];

function stored(status: number, level = 'fully', who: Citizen = an) {
  db.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: sessionItem(who) });
  db.on(GetCommand, { Key: { PK: `DOSSIER#${CODE}`, SK: `DOCUMENT#${ID}` } }).resolves({ Item: result });
  db.on(QueryCommand).resolves({ Items: [meta(status, level), ...steps] });
}

describe('GET /public/me/dossiers/{code}/result', () => {
  beforeEach(() => {
    db.reset();
    s3.reset();
    sfn.reset();
    vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents');
    s3.on(GetObjectTaggingCommand).resolves({ TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: 'NO_THREATS_FOUND' }] });
    db.on(UpdateCommand).callsFake((input) => (input.Key.SK === 'META' ? {} : { Attributes: { ...steps[1], state: 'approved' } }));
  });
  afterEach(() => vi.unstubAllEnvs());

  it('answers 401 without a session, and an officer token is no session (401)', async () => {
    expect((await invoke(route, { params })).status).toBe(401);
    expect((await invoke(route, { as: desk, params })).status).toBe(401);
  });

  it("answers another citizen's download with 404, changing nothing", async () => {
    stored(9, 'fully', binh);
    const answer = await invoke(route, { as: { citizen: binh }, params });
    expect(answer.status).toBe(404);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('a partly online result is collected at the desk (409)', async () => {
    stored(9, 'partly');
    expect((await invoke(route, { as: { citizen: an }, params })).status).toBe(409);
  });

  it('a result not ready yet: 409', async () => {
    stored(4);
    expect((await invoke(route, { as: { citizen: an }, params })).status).toBe(409);
  });

  it("the owner downloads the result: a link, and the desk's return step approved by the citizen (the workflow woken)", async () => {
    stored(9);
    const answer = await invoke(route, { as: { citizen: an }, params });
    expect(answer.status).toBe(200);
    expect(Download.parse(answer.body).url).toContain(ID);
    const [step, meta] = db.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(step!.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'STEP#s2-desk' });
    expect(step!.ConditionExpression).toContain('#state = :pending');
    expect(step!.ExpressionAttributeValues![':by']).toBe(citizenRef(an));
    expect(meta!.UpdateExpression).toContain('resultDownloadedAt');
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input.taskToken).toBe('token-1');
  });
});
