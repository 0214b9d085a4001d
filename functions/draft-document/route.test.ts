import { DynamoDBDocumentClient, PutCommand } from '../commons/aws/dynamodb';
import { S3Client } from '../commons/aws/s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { declare, pdf } from '../../test/support/documents';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { Draft } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const file = pdf(3000);

describe('POST /documents/drafts', () => {
  // the presigned POST names the bucket (set on the function by the stack and the local runtime)
  beforeAll(() => vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents'));
  afterAll(() => vi.unstubAllEnvs());
  beforeEach(() => {
    db.reset();
    s3.reset();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const answer = await invoke(route, { body: declare(file) });
    expect(answer.status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it("refuses an agency's officer and an operator (403): drafts are the desk's, before intake", async () => {
    for (const as of [officerOf('STP'), operator]) {
      const answer = await invoke(route, { as, body: declare(file) });
      expect(answer.status).toBe(403);
    }
    expect(db.calls()).toHaveLength(0);
  });

  it('names each wrong field of the declaration (400)', async () => {
    const answer = await invoke(route, { as: desk, body: declare(file, { contentType: 'text/html', sha256: 'abc' }) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contentType', 'sha256']);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses a result file as a draft (422): a draft is handed in at intake', async () => {
    const answer = await invoke(route, { as: desk, body: declare(file, { purpose: 'result' }), headers: { 'accept-language': 'en' } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ field: 'purpose', code: 'invalid', message: 'Must be dossier' }]);
    expect(db.calls()).toHaveLength(0);
  });

  it('remembers the declaration for a day and answers a presigned POST for exactly that file (201)', async () => {
    const answer = await invoke(route, { as: desk, body: declare(file) });
    expect(answer.status).toBe(201);
    expect(answer.headers['cache-control']).toBe('no-store');
    const ticket = Draft.parse(answer.body);
    expect(ticket.draftId).toBe(ticket.documentId);
    expect(ticket.complete, 'a draft is claimed at intake, not completed').toBeUndefined();
    expect(ticket.upload.url).toContain('motcua-unit-documents');
    expect(ticket.upload.fields).toMatchObject({ key: `drafts/${ticket.documentId}`, 'Content-Type': 'application/pdf', 'x-amz-checksum-sha256': declare(file).sha256 });

    const item = db.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(item).toMatchObject({ PK: `DRAFT#${ticket.documentId}`, SK: 'DRAFT', by: 'desk-officer', kind: 'desk', stage: 'intake', objectKey: `drafts/${ticket.documentId}`, size: 3000, purpose: 'dossier' });
    expect(item.dossierCode).toBeUndefined();
    expect(item.expiresAt).toBeGreaterThan(Date.now() / 1000 + 23 * 3600);
  });
});
