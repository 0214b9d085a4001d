import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { GetObjectTaggingCommand, S3Client } from '../commons/aws/s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { Download } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);

const CODE = 'TTHCC-261207-0001';
const ID = 'b'.repeat(32);
const params = { code: CODE, documentId: ID };
const dossier = {
  PK: `DOSSIER#${CODE}`,
  SK: 'META',
  code: CODE,
  status: 4,
  procedure: { code: 'TP-LLTP', stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP' }] }, { steps: [{ stepId: 'return', agency: 'TTHCC' }] }] },
};
const document = {
  PK: `DOSSIER#${CODE}`,
  SK: `DOCUMENT#${ID}`,
  documentId: ID,
  dossierCode: CODE,
  name: 'Bản sao CCCD.pdf',
  contentType: 'application/pdf',
  size: 2500,
  sha256: 'x',
  purpose: 'dossier',
  stage: 'processing',
  by: 'desk-officer',
  kind: 'desk',
  objectKey: `dossiers/${CODE}/${ID}`,
  uploadedAt: '2026-12-07T02:00:00.000Z',
  recordedAt: '2026-12-07T02:05:00.000Z',
};

function stored(meta: object | undefined, doc: object | null = document) {
  db.on(GetCommand).callsFake((input: { Key: { SK: string } }) => ({ Item: input.Key.SK === 'META' ? meta : (doc ?? undefined) }));
}
const scanned = (value?: string) => s3.on(GetObjectTaggingCommand).resolves({ TagSet: value ? [{ Key: 'GuardDutyMalwareScanStatus', Value: value }] : [] });

describe('GET /dossiers/{code}/documents/{documentId}', () => {
  beforeAll(() => vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents'));
  afterAll(() => vi.unstubAllEnvs());
  beforeEach(() => {
    db.reset();
    s3.reset();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const answer = await invoke(route, { params });
    expect(answer.status).toBe(401);
  });

  it('refuses a signed-in caller with none of the roles, and an agency system (403: the route has no scopes)', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-stp', SK: 'AGENCY' } }).resolves({ Item: { agency: 'STP' } });
    expect((await invoke(route, { as: { sub: 'someone', groups: [] }, params })).status).toBe(403);
    expect((await invoke(route, { as: { clientId: 'client-stp', scopes: ['motcua/dossiers.read'] }, params })).status).toBe(403);
    expect(s3.calls()).toHaveLength(0);
  });

  it('names the wrong document id (400)', async () => {
    const answer = await invoke(route, { as: desk, params: { code: CODE, documentId: ID.toUpperCase() } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['documentId']);
  });

  it('answers 404 for a missing dossier, to an agency off its route, and for a missing document', async () => {
    stored(undefined);
    expect((await invoke(route, { as: desk, params })).status).toBe(404);
    stored(dossier);
    expect((await invoke(route, { as: officerOf('CATP'), params })).status).toBe(404);
    stored(dossier, null);
    expect((await invoke(route, { as: desk, params })).status).toBe(404);
    expect(s3.calls()).toHaveLength(0);
  });

  it('answers 409 with Retry-After while the file is being scanned', async () => {
    stored(dossier);
    scanned(undefined);
    const answer = await invoke(route, { as: desk, params });
    expect(answer.status).toBe(409);
    expect(answer.headers['retry-after']).toBe('10');
  });

  it('answers 423 to everybody when a threat was found, and 410 once the file was deleted', async () => {
    stored(dossier);
    scanned('THREATS_FOUND');
    expect((await invoke(route, { as: operator, params })).status).toBe(423);
    stored(dossier, { ...document, deletedAt: '2031-12-07T02:00:00.000Z' });
    expect((await invoke(route, { as: operator, params })).status).toBe(410);
  });

  it('answers a presigned GET valid five minutes for a clean file, to an agency on the route (200)', async () => {
    stored(dossier);
    scanned('NO_THREATS_FOUND');
    const answer = await invoke(route, { as: officerOf('STP'), params });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const link = Download.parse(answer.body);
    expect(link.documentId).toBe(ID);
    const url = new URL(link.url);
    expect(url.pathname).toContain(`dossiers/${CODE}/${ID}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-disposition')).toContain("filename*=UTF-8''B%E1%BA%A3n");
    expect(s3.commandCalls(GetObjectTaggingCommand)[0]!.args[0].input).toEqual({ Bucket: 'motcua-unit-documents', Key: `dossiers/${CODE}/${ID}` });
  });
});
