import { CopyObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '../commons/aws/s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { StoredDocument } from '../contracts/responses';
import { route } from './route';

// The citizen's PIN check itself is tested with the table mocked in functions/public-lookup/route.test.ts.
vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);

const CODE = 'TTHCC-261207-0001';
const PIN = '20261207';
const ID = 'c'.repeat(32);
const params = { code: CODE, documentId: ID };
const headers = { 'x-lookup-pin': PIN };
const SHA = 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=';
const asked = { stepId: 's1-xd', round: 1, agency: 'XD', from: '2026-12-07T03:00:00.000Z', missing: ['Bản vẽ'], reason: 'Thiếu bản vẽ.' };
const paused = { code: CODE, status: 5, pauses: { 's1-xd-1': asked }, procedure: { stages: [] } };
const pending = {
  PK: `UPLOAD#${ID}`, SK: 'UPLOAD', documentId: ID, dossierCode: CODE, name: 'Bản vẽ.pdf', contentType: 'application/pdf', size: 2048, sha256: SHA,
  purpose: 'dossier', by: 'citizen', kind: 'citizen', round: 's1-xd-1', stage: 'supplement', objectKey: `uploads/${ID}`,
  requestedAt: '2026-12-07T05:00:00.000Z', expiresAt: Math.floor(Date.now() / 1000) + 3600,
};
const recorded = { ...pending, PK: `DOSSIER#${CODE}`, SK: `DOCUMENT#${ID}`, objectKey: `dossiers/${CODE}/${ID}`, uploadedAt: pending.requestedAt, recordedAt: '2026-12-07T05:01:00.000Z' };

function checked(dossier: Record<string, unknown>) {
  vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
    if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
    return dossier as never;
  });
}

/** The table: the pending upload (UPLOAD#id) and the dossier's document (DOCUMENT#id), if any. */
function stored(upload: Record<string, unknown> | undefined, document?: Record<string, unknown>) {
  db.on(GetCommand).callsFake((input: { Key: { SK: string } }) => ({ Item: input.Key.SK === 'UPLOAD' ? upload : document }));
}

/** The uploaded object: S3's own checksum and the first bytes of a PDF. */
function uploaded(head: Record<string, unknown> = {}) {
  s3.on(HeadObjectCommand).resolves({ ContentLength: 2048, ContentType: 'application/pdf', ChecksumSHA256: SHA, ...head });
  s3.on(GetObjectCommand).resolves({ Body: { transformToByteArray: async () => Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d]) } as never });
  s3.on(CopyObjectCommand).resolves({});
}

describe('POST /public/dossiers/{code}/documents/{documentId}/complete', () => {
  beforeEach(() => {
    db.reset();
    s3.reset();
    vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents');
    checked(paused);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('refuses a wrong PIN with the same 404 whatever the document id, reading nothing', async () => {
    for (const documentId of [ID, 'not-an-id']) {
      const answer = await invoke(route, { params: { code: CODE, documentId }, headers: { 'x-lookup-pin': '11111111' } });
      expect(answer.status).toBe(404);
      expect(answer.body.detail).toBe('No dossier with this code and PIN');
    }
    expect(db.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  it('names a malformed document id (400) once the PIN is right', async () => {
    const answer = await invoke(route, { params: { code: CODE, documentId: 'not-an-id' }, headers });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['documentId']);
  });

  it('answers 404 for an upload this citizen did not ask for on this dossier', async () => {
    for (const upload of [undefined, { ...pending, by: 'desk-officer', kind: 'desk' }, { ...pending, dossierCode: 'TTHCC-261207-0002' }]) {
      stored(upload);
      const answer = await invoke(route, { params, headers });
      expect(answer.status).toBe(404);
    }
    expect(s3.calls()).toHaveLength(0);
  });

  it('answers 409 when the supplement round is no longer the one asked for', async () => {
    checked({ ...paused, status: 4, pauses: { 's1-xd-1': { ...asked, to: '2026-12-07T06:00:00.000Z' } } });
    stored(pending);
    const answer = await invoke(route, { params, headers });
    expect(answer.status).toBe(409);
    expect(s3.calls()).toHaveLength(0);
  });

  it('answers 409 when nothing was uploaded yet', async () => {
    stored(pending);
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error('Not Found'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    const answer = await invoke(route, { params, headers: { ...headers, 'accept-language': 'en' } });
    expect(answer.status).toBe(409);
    expect(answer.body.errors).toEqual([{ field: 'documentId', code: 'invalid', message: 'Not uploaded' }]);
  });

  it('answers 422 naming what differs from the declared file', async () => {
    stored(pending);
    uploaded({ ContentLength: 4096, ContentType: 'image/png' });
    const answer = await invoke(route, { params, headers });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['size', 'contentType']);
    expect(s3.commandCalls(CopyObjectCommand)).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('copies the verified file under the dossier and records it once (201)', async () => {
    stored(pending);
    uploaded();
    db.on(PutCommand).resolves({});
    const answer = await invoke(route, { params, headers });
    expect(answer.status).toBe(201);
    expect(StoredDocument.parse(answer.body)).toMatchObject({ documentId: ID, uploadedBy: 'citizen', uploaderKind: 'citizen', stage: 'supplement', round: 's1-xd-1' });
    expect(s3.commandCalls(CopyObjectCommand)[0]!.args[0].input).toMatchObject({ Key: `dossiers/${CODE}/${ID}`, CopySource: `motcua-unit-documents/uploads/${ID}` });
    const put = db.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(put.Item).toMatchObject({ PK: `DOSSIER#${CODE}`, SK: `DOCUMENT#${ID}`, kind: 'citizen', objectKey: `dossiers/${CODE}/${ID}` });
  });

  it('answers a retry after the record with the same document (200), touching nothing', async () => {
    stored(undefined, recorded);
    const answer = await invoke(route, { params, headers });
    expect(answer.status).toBe(200);
    expect(StoredDocument.parse(answer.body).documentId).toBe(ID);
    expect(s3.calls()).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });
});
