import { HeadObjectCommand, S3Client } from '../commons/aws/s3';
import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeTable, lan, minh, signedIn, storedApplication, storedDraft, uploaded } from '../../test/support/online-unit';
import { invoke } from '../../test/support/route-unit';
import { Application } from '../contracts/online';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const ID = 'a'.repeat(24);
const FILE = 'c'.repeat(32);
const params = { id: ID, documentId: FILE };

describe('POST /public/applications/{id}/documents/{documentId}/complete', () => {
  let table: ReturnType<typeof fakeTable>;
  beforeEach(() => {
    db.reset();
    s3.reset();
    vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents');
    table = fakeTable(db, [lan], [storedApplication(), storedDraft(FILE)]);
    uploaded(s3);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('records the file on the draft for its requirement once the object matches (201); again: 200, the same', async () => {
    const answer = await invoke(route, { as: signedIn(lan), params });
    expect(answer.status).toBe(201);
    expect(Application.parse(answer.body).documents).toEqual([{ requirement: 'can-cuoc', documentId: FILE, name: 'Căn cước.pdf', contentType: 'application/pdf', size: 2048 }]);
    const again = await invoke(route, { as: signedIn(lan), params });
    expect(again.status).toBe(200);
    expect(again.body.documents).toHaveLength(1);
  });

  it('refuses an object that does not match what was declared (422 naming the size), or is not there (409)', async () => {
    uploaded(s3, { ContentLength: 9999 });
    const bad = await invoke(route, { as: signedIn(lan), params });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('size');
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error('Not Found'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    expect((await invoke(route, { as: signedIn(lan), params })).status).toBe(409);
    expect(table.get(`APPLICATION#${ID}|APPLICATION`)!.files).toEqual({});
  });

  it("answers 404 to another citizen, and for another application's upload", async () => {
    expect((await invoke(route, { as: signedIn(minh), params })).status).toBe(404);
    table.set(`DRAFT#${FILE}|DRAFT`, storedDraft(FILE, { applicationId: 'b'.repeat(24) }));
    expect((await invoke(route, { as: signedIn(lan), params })).status).toBe(404);
  });
});
