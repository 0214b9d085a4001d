import { DynamoDBDocumentClient, PutCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHA, fakeTable, lan, minh, signedIn, storedApplication } from '../../test/support/online-unit';
import { invoke } from '../../test/support/route-unit';
import { citizenRef } from '../commons/citizen-session';
import { Upload } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const ID = 'a'.repeat(24);
const file = { name: 'Căn cước.pdf', contentType: 'application/pdf', size: 2048, sha256: SHA, requirement: 'can-cuoc' };

describe('POST /public/applications/{id}/documents', () => {
  let table: ReturnType<typeof fakeTable>;
  beforeEach(() => {
    db.reset();
    vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents');
    table = fakeTable(db, [lan], [storedApplication()]);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('answers a presigned POST for exactly the declared file, remembered as a draft of this application (201)', async () => {
    const answer = await invoke(route, { as: signedIn(lan), params: { id: ID }, body: file });
    expect(answer.status).toBe(201);
    const ticket = Upload.parse(answer.body);
    expect(ticket.complete).toBe(`/public/applications/${ID}/documents/${ticket.documentId}/complete`);
    expect(ticket.upload.fields).toMatchObject({ key: `drafts/${ticket.documentId}`, 'Content-Type': 'application/pdf', 'x-amz-checksum-sha256': SHA });
    const draft = db.commandCalls(PutCommand).map((c) => c.args[0].input.Item!).find((i) => i.SK === 'DRAFT')!;
    expect(draft).toMatchObject({ applicationId: ID, requirement: 'can-cuoc', by: citizenRef(lan), kind: 'citizen', stage: 'intake' });
  });

  it('refuses a requirement the procedure does not have, or the result purpose (422)', async () => {
    const a = await invoke(route, { as: signedIn(lan), params: { id: ID }, body: { ...file, requirement: 'ho-chieu', purpose: 'result' } });
    expect(a.status).toBe(422);
    expect(a.body.errors.map((e: { field: string }) => e.field)).toEqual(['requirement', 'purpose']);
  });

  it('refuses a submitted application unless its desk asks for completion (409)', async () => {
    table.set(`APPLICATION#${ID}|APPLICATION`, storedApplication({ status: 'submitted', dossierCode: 'TTHCC-261207-0001' }));
    table.set('DOSSIER#TTHCC-261207-0001|META', { PK: 'DOSSIER#TTHCC-261207-0001', SK: 'META', code: 'TTHCC-261207-0001', status: 1, online: { completions: [] } });
    expect((await invoke(route, { as: signedIn(lan), params: { id: ID }, body: file })).status).toBe(409);
    table.set('DOSSIER#TTHCC-261207-0001|META', { PK: 'DOSSIER#TTHCC-261207-0001', SK: 'META', code: 'TTHCC-261207-0001', status: 1, online: { completions: [{ askedAt: 'x', by: 'd', missing: [], reason: 'r' }] } });
    const answer = await invoke(route, { as: signedIn(lan), params: { id: ID }, body: file });
    expect(answer.status).toBe(201);
  });

  it("answers another citizen's request 404 and signs nothing", async () => {
    expect((await invoke(route, { as: signedIn(minh), params: { id: ID }, body: file })).status).toBe(404);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });
});
