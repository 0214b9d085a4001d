import { DynamoDBDocumentClient, GetCommand, PutCommand } from '../commons/aws/dynamodb';
import { CopyObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '../commons/aws/s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { pdf, sha256 } from '../../test/support/documents';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { StoredDocument } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const file = pdf(2500);

const CODE = 'TTHCC-261207-0001';
const ID = 'a'.repeat(32);
const params = { code: CODE, documentId: ID };
const dossier = {
  PK: `DOSSIER#${CODE}`,
  SK: 'META',
  code: CODE,
  status: 4,
  stageIndex: 0,
  procedure: { code: 'TP-LLTP', stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP' }] }, { steps: [{ stepId: 'return', agency: 'TTHCC' }] }] },
  pauses: {},
};
const pending = {
  PK: `UPLOAD#${ID}`,
  SK: 'UPLOAD',
  documentId: ID,
  dossierCode: CODE,
  name: 'Bản sao CCCD.pdf',
  contentType: 'application/pdf',
  size: file.length,
  sha256: sha256(file),
  purpose: 'dossier',
  by: 'desk-officer',
  kind: 'desk',
  stage: 'processing',
  objectKey: `uploads/${ID}`,
  requestedAt: '2026-12-07T02:00:00.000Z',
  expiresAt: Math.floor(Date.now() / 1000) + 3600,
};
const recorded = { ...pending, PK: `DOSSIER#${CODE}`, SK: `DOCUMENT#${ID}`, objectKey: `dossiers/${CODE}/${ID}`, uploadedAt: pending.requestedAt, recordedAt: '2026-12-07T02:05:00.000Z', expiresAt: undefined };

function stored(items: { meta?: object; document?: object; upload?: object }) {
  db.on(GetCommand).callsFake((input: { Key: { SK: string } }) => ({
    Item: input.Key.SK === 'META' ? items.meta : input.Key.SK === 'UPLOAD' ? items.upload : input.Key.SK.startsWith('DOCUMENT#') ? items.document : undefined,
  }));
}
/** The object as S3 holds it: its head (with S3's own checksum) and its first bytes. */
function uploaded(head: { ContentLength?: number; ContentType?: string; ChecksumSHA256?: string } = {}) {
  s3.on(HeadObjectCommand).resolves({ ContentLength: file.length, ContentType: 'application/pdf', ChecksumSHA256: sha256(file), ...head });
  s3.on(GetObjectCommand).resolves({ Body: { transformToByteArray: async () => new Uint8Array(file.subarray(0, 8)) } } as never);
}

describe('POST /dossiers/{code}/documents/{documentId}/complete', () => {
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

  it('refuses an operator (403): only the officer who asked for the upload completes it', async () => {
    const answer = await invoke(route, { as: operator, params });
    expect(answer.status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the wrong document id (400)', async () => {
    const answer = await invoke(route, { as: desk, params: { code: CODE, documentId: 'not-an-id' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['documentId']);
  });

  it('answers 404 for an upload another officer asked for, or none at all, touching no file', async () => {
    stored({ meta: dossier, upload: { ...pending, by: 'another-officer' } });
    expect((await invoke(route, { as: desk, params })).status).toBe(404);
    stored({ meta: dossier });
    expect((await invoke(route, { as: desk, params })).status).toBe(404);
    expect(s3.calls()).toHaveLength(0);
  });

  it('answers 409 while nothing was uploaded yet', async () => {
    stored({ meta: dossier, upload: pending });
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error('Not Found'), { name: 'NotFound' }));
    const answer = await invoke(route, { as: desk, params, headers: { 'accept-language': 'en' } });
    expect(answer.status).toBe(409);
    expect(answer.body.errors).toEqual([{ field: 'documentId', code: 'invalid', message: 'Not uploaded' }]);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 422 naming what differs from the declaration, recording nothing', async () => {
    stored({ meta: dossier, upload: pending });
    uploaded({ ContentLength: file.length + 1, ContentType: 'image/png' });
    const answer = await invoke(route, { as: desk, params });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['size', 'contentType']);
    expect(s3.commandCalls(CopyObjectCommand)).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('copies the verified file under the dossier and records it once (201)', async () => {
    stored({ meta: dossier, upload: pending });
    uploaded();
    const answer = await invoke(route, { as: desk, params });
    expect(answer.status).toBe(201);
    expect(StoredDocument.parse(answer.body)).toMatchObject({ documentId: ID, size: file.length, uploadedBy: 'desk-officer', uploaderKind: 'desk', stage: 'processing', uploadedAt: '2026-12-07T09:00:00+07:00' });
    const copy = s3.commandCalls(CopyObjectCommand)[0]!.args[0].input;
    expect(copy).toMatchObject({ Bucket: 'motcua-unit-documents', Key: `dossiers/${CODE}/${ID}`, CopySource: `motcua-unit-documents/uploads/${ID}`, TaggingDirective: 'REPLACE' });
    const put = db.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(put.Item).toMatchObject({ PK: `DOSSIER#${CODE}`, SK: `DOCUMENT#${ID}`, objectKey: `dossiers/${CODE}/${ID}`, by: 'desk-officer' });
    // the object key stays inside
    expect(JSON.stringify(answer.body)).not.toContain('uploads/');
  });

  it('answers 200 with the record when the same officer completes again, touching no file', async () => {
    stored({ meta: dossier, document: recorded });
    const answer = await invoke(route, { as: desk, params });
    expect(answer.status).toBe(200);
    expect(StoredDocument.parse(answer.body).recordedAt).toBe('2026-12-07T09:05:00+07:00');
    expect(s3.calls()).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 404 to an agency off the dossier\'s route', async () => {
    stored({ meta: dossier, upload: pending });
    const answer = await invoke(route, { as: officerOf('CATP'), params });
    expect(answer.status).toBe(404);
    expect(s3.calls()).toHaveLength(0);
  });
});
