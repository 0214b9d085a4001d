import { DynamoDBDocumentClient, GetCommand, PutCommand } from '../commons/aws/dynamodb';
import { S3Client } from '../commons/aws/s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { declare, pdf } from '../../test/support/documents';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { Upload } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const file = pdf(2500);

const CODE = 'TTHCC-261207-0001';
const params = { code: CODE };
const step = (stepId: string, agency: string) => ({ stepId, agency, name: { vi: stepId, en: stepId }, budgetHours: 8 });
const dossier = {
  PK: `DOSSIER#${CODE}`,
  SK: 'META',
  code: CODE,
  status: 4,
  stageIndex: 0,
  procedure: { code: 'TP-LLTP', stages: [{ steps: [step('s1-stp', 'STP')] }, { steps: [step('return', 'TTHCC')] }] },
  pauses: {},
};
const supplementAsked = { ...dossier, status: 5, pauses: { 's1-stp-1': { stepId: 's1-stp', round: 1, agency: 'STP', from: '2026-12-07T02:00:00.000Z', missing: ['Ảnh'], reason: 'Thiếu ảnh' } } };

function stored(meta: Record<string, unknown> | undefined) {
  db.on(GetCommand).callsFake((input: { Key: { SK: string } }) => ({ Item: input.Key.SK === 'META' ? meta : undefined }));
}
const pendingItem = () => db.commandCalls(PutCommand)[0]?.args[0].input.Item;

describe('POST /dossiers/{code}/documents', () => {
  beforeAll(() => vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents'));
  afterAll(() => vi.unstubAllEnvs());
  beforeEach(() => {
    db.reset();
    s3.reset();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const answer = await invoke(route, { params, body: declare(file) });
    expect(answer.status).toBe(401);
  });

  it('refuses an operator (403): operators read documents, the desk and agencies upload them', async () => {
    const answer = await invoke(route, { as: operator, params, body: declare(file) });
    expect(answer.status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the wrong field of the declaration (400)', async () => {
    const answer = await invoke(route, { as: desk, params, body: declare(file, { size: 0 }) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['size']);
  });

  it('answers 404 for a dossier that does not exist, and to an agency off its route', async () => {
    stored(undefined);
    expect((await invoke(route, { as: desk, params, body: declare(file) })).status).toBe(404);
    stored(dossier);
    expect((await invoke(route, { as: officerOf('CATP'), params, body: declare(file) })).status).toBe(404);
    expect(pendingItem()).toBeUndefined();
  });

  it('answers 409 on a dossier no longer being processed, and to an agency when no supplement is asked', async () => {
    stored({ ...dossier, status: 7 });
    expect((await invoke(route, { as: desk, params, body: declare(file) })).status).toBe(409);
    stored(dossier);
    expect((await invoke(route, { as: officerOf('STP'), params, body: declare(file) })).status).toBe(409);
    expect(pendingItem()).toBeUndefined();
  });

  it('refuses the result file to an agency whose step of the last agency stage is not pending (403)', async () => {
    stored(dossier);
    const answer = await invoke(route, { as: officerOf('STP'), params, body: declare(file, { purpose: 'result' }) });
    expect(answer.status).toBe(403);
    expect(pendingItem()).toBeUndefined();
  });

  it("remembers the desk's upload on the dossier and answers the presigned POST with where to complete it (201)", async () => {
    stored(dossier);
    const answer = await invoke(route, { as: desk, params, body: declare(file) });
    expect(answer.status).toBe(201);
    expect(answer.headers['cache-control']).toBe('no-store');
    const ticket = Upload.parse(answer.body);
    expect(ticket.complete).toBe(`/dossiers/${CODE}/documents/${ticket.documentId}/complete`);
    expect(ticket.upload.fields).toMatchObject({ key: `uploads/${ticket.documentId}`, 'Content-Type': 'application/pdf' });
    expect(pendingItem()).toMatchObject({ PK: `UPLOAD#${ticket.documentId}`, SK: 'UPLOAD', dossierCode: CODE, by: 'desk-officer', kind: 'desk', stage: 'processing', objectKey: `uploads/${ticket.documentId}` });
  });

  it('lets the agency that asked for a supplement upload into its round (201)', async () => {
    stored(supplementAsked);
    const answer = await invoke(route, { as: officerOf('STP'), params, body: declare(file) });
    expect(answer.status).toBe(201);
    Upload.parse(answer.body);
    expect(pendingItem()).toMatchObject({ kind: 'agency', agency: 'STP', round: 's1-stp-1', stage: 'supplement' });
  });
});
