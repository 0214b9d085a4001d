import { GetObjectTaggingCommand, S3Client } from '../commons/aws/s3';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { Download } from '../contracts/responses';
import { route } from './route';

// The citizen's PIN check itself is tested with the table mocked in functions/public-lookup/route.test.ts.
vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);

const CODE = 'TTHCC-261207-0001';
const PIN = '20261207';
const ID = 'd'.repeat(32);
const params = { code: CODE, documentId: ID };
const headers = { 'x-lookup-pin': PIN };
const meta = (status: number) => ({ PK: `DOSSIER#${CODE}`, SK: 'META', code: CODE, status });
const doc = (over: Record<string, unknown> = {}) => ({
  PK: `DOSSIER#${CODE}`, SK: `DOCUMENT#${ID}`, documentId: ID, dossierCode: CODE, name: 'Giấy phép.pdf', contentType: 'application/pdf', size: 2048,
  sha256: 'x'.repeat(43) + '=', purpose: 'dossier', stage: 'intake', by: 'desk-officer', kind: 'desk', objectKey: `dossiers/${CODE}/${ID}`,
  uploadedAt: '2026-12-07T02:00:00.000Z', recordedAt: '2026-12-07T02:00:00.000Z', ...over,
});
const approvedWith = (documentId: string) => ({ PK: `DOSSIER#${CODE}`, SK: 'STEP#s1-xd', stepId: 's1-xd', history: [{ outcome: 'approve', at: '2026-12-09T02:00:00.000Z', by: 'officer-xd', resultDocument: { documentId } }] });

function stored(status: number, document: Record<string, unknown> | undefined, steps: Record<string, unknown>[] = []) {
  db.on(QueryCommand).resolves({ Items: [meta(status), ...steps] });
  db.on(GetCommand).resolves({ Item: document });
}
const scanned = (verdict?: string) => s3.on(GetObjectTaggingCommand).resolves({ TagSet: verdict ? [{ Key: 'GuardDutyMalwareScanStatus', Value: verdict }] : [] });

describe('GET /public/dossiers/{code}/documents/{documentId}', () => {
  beforeEach(() => {
    db.reset();
    s3.reset();
    vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents');
    vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
      if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
      return meta(4) as never;
    });
  });
  afterEach(() => vi.unstubAllEnvs());

  it('refuses a wrong PIN with the same 404 whatever the document id, reading nothing', async () => {
    for (const documentId of [ID, 'not-an-id']) {
      const answer = await invoke(route, { params: { code: CODE, documentId }, headers: { 'x-lookup-pin': '11111111' } });
      expect(answer.status).toBe(404);
      expect(answer.body.detail).toBe('No dossier with this code and PIN');
    }
    expect(db.calls()).toHaveLength(0);
  });

  it('names a malformed document id (400) once the PIN is right', async () => {
    const answer = await invoke(route, { params: { code: CODE, documentId: 'ABC' }, headers });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['documentId']);
  });

  it('answers 404 for an unknown document, a result before the return, or a result no decision attached', async () => {
    for (const [status, document, steps] of [
      [4, undefined, []],
      [9, doc({ purpose: 'result', stage: 'result', kind: 'agency' }), [approvedWith(ID)]],
      [10, doc({ purpose: 'result', stage: 'result', kind: 'agency' }), [approvedWith('e'.repeat(32))]],
    ] as const) {
      stored(status, document, [...steps]);
      const answer = await invoke(route, { params, headers });
      expect(answer.status).toBe(404);
    }
    expect(s3.calls()).toHaveLength(0);
  });

  it('answers 409 with Retry-After while the file is being scanned, and 423 once quarantined', async () => {
    stored(4, doc());
    scanned(undefined);
    const scanning = await invoke(route, { params, headers });
    expect(scanning.status).toBe(409);
    expect(scanning.headers['retry-after']).toBe('10');
    scanned('THREATS_FOUND');
    const quarantined = await invoke(route, { params, headers });
    expect(quarantined.status).toBe(423);
  });

  it('signs a short-lived link to a clean file the citizen handed in (200)', async () => {
    stored(4, doc());
    scanned('NO_THREATS_FOUND');
    const answer = await invoke(route, { params, headers });
    expect(answer.status).toBe(200);
    const link = Download.parse(answer.body);
    expect(link.documentId).toBe(ID);
    expect(link.url).toContain(`dossiers/${CODE}/${ID}`);
    expect(link.url).toContain('X-Amz-Signature=');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(s3.commandCalls(GetObjectTaggingCommand)[0]!.args[0].input).toEqual({ Bucket: 'motcua-unit-documents', Key: `dossiers/${CODE}/${ID}` });
  });

  it('signs the result attached to the decision once the dossier is returned (200)', async () => {
    stored(10, doc({ purpose: 'result', stage: 'result', kind: 'agency', agency: 'XD', by: 'officer-xd' }), [approvedWith(ID)]);
    scanned('NO_THREATS_FOUND');
    const answer = await invoke(route, { params, headers });
    expect(answer.status).toBe(200);
    expect(Download.parse(answer.body).documentId).toBe(ID);
  });
});
