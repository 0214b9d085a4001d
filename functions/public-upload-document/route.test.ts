import { DynamoDBDocumentClient, PutCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { Upload } from '../contracts/responses';
import { route } from './route';

// The citizen's PIN check itself is tested with the table mocked in functions/public-lookup/route.test.ts.
vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);

const CODE = 'TTHCC-261207-0001';
const PIN = '20261207';
const params = { code: CODE };
const headers = { 'x-lookup-pin': PIN };
const SHA = 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=';
const file = { name: 'Bản vẽ mặt bằng.pdf', contentType: 'application/pdf', size: 2048, sha256: SHA };
const asked = { stepId: 's1-xd', round: 1, agency: 'XD', from: '2026-12-07T03:00:00.000Z', missing: ['Bản vẽ'], reason: 'Thiếu bản vẽ.' };
const paused = { code: CODE, status: 5, pauses: { 's1-xd-1': asked }, procedure: { stages: [] } };

function checked(dossier: Record<string, unknown>) {
  vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
    if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
    return dossier as never;
  });
}

describe('POST /public/dossiers/{code}/documents', () => {
  beforeEach(() => {
    db.reset();
    db.on(PutCommand).resolves({});
    vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents');
    checked(paused);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('refuses a wrong PIN with 404 and asks for nothing', async () => {
    const answer = await invoke(route, { params, headers: { 'x-lookup-pin': '11111111' }, body: file });
    expect(answer.status).toBe(404);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the wrong fields of the declared file (400)', async () => {
    const answer = await invoke(route, { params, headers, body: { ...file, contentType: 'text/html', sha256: 'abc' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contentType', 'sha256']);
  });

  it('answers 422 to a citizen asking to upload the result', async () => {
    const answer = await invoke(route, { params, headers: { ...headers, 'accept-language': 'en' }, body: { ...file, purpose: 'result' } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ field: 'purpose', code: 'invalid', message: 'Must be dossier' }]);
    expect(db.calls()).toHaveLength(0);
  });

  it('answers 409 when no supplement is being asked for', async () => {
    checked({ ...paused, status: 4, pauses: { 's1-xd-1': { ...asked, to: '2026-12-07T04:00:00.000Z' } } });
    const answer = await invoke(route, { params, headers, body: file });
    expect(answer.status).toBe(409);
    expect(db.calls()).toHaveLength(0);
  });

  it('remembers the declared file in the open round and answers a presigned POST for exactly it (201)', async () => {
    const answer = await invoke(route, { params, headers, body: file });
    expect(answer.status).toBe(201);
    const ticket = Upload.parse(answer.body);
    expect(ticket.complete).toBe(`/public/dossiers/${CODE}/documents/${ticket.documentId}/complete`);
    expect(ticket.upload.url).toContain('motcua-unit-documents');
    expect(ticket.upload.fields).toMatchObject({ key: `uploads/${ticket.documentId}`, 'Content-Type': 'application/pdf', 'x-amz-checksum-sha256': SHA });
    expect(answer.headers['cache-control']).toBe('no-store');
    const item = db.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(item).toMatchObject({
      PK: `UPLOAD#${ticket.documentId}`,
      SK: 'UPLOAD',
      dossierCode: CODE,
      by: 'citizen',
      kind: 'citizen',
      round: 's1-xd-1',
      stage: 'supplement',
      purpose: 'dossier',
      size: 2048,
      objectKey: `uploads/${ticket.documentId}`,
    });
    expect(item.expiresAt).toBeTypeOf('number');
  });
});
