import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { DossierView } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const CODE = 'TTHCC-261207-0001';
const PK = `DOSSIER#${CODE}`;
const name = { vi: 'Bước', en: 'Step' };
const procedure = {
  code: 'DL-LHND', version: 1, effectiveFrom: '2026-01-01', name: { vi: 'Thủ tục', en: 'Procedure' }, field: name, legalHours: 40, receivingAgency: 'TTHCC',
  stages: [{ steps: [{ stepId: 's1-ca', agency: 'CA', name, budgetHours: 24 }] }, { steps: [{ stepId: 's2-tthcc', agency: 'TTHCC', name, budgetHours: 8 }] }],
};
const meta = {
  PK, SK: 'META', GSI1PK: 'OPEN#3', GSI1SK: CODE, code: CODE, procedure, status: 4, channel: 'counter',
  applicant: { name: 'Nguyễn Văn An', email: 'an@example.com' }, documents: [{ name: 'Tờ khai', ref: 'desk://1' }],
  receivedAt: '2026-12-07T02:00:00.000Z', appointmentAt: '2026-12-11T02:00:00.000Z', stageIndex: 0, extensions: {}, pauses: {}, emailFailures: {},
  pinHash: 'scrypt$secret$hash', receivedBy: 'desk-officer', executionName: CODE,
};
const step = {
  PK, SK: 'STEP#s1-ca', GSI1PK: 'QUEUE#CA', GSI1SK: 'x', code: CODE, stepId: 's1-ca', stageIndex: 0, agency: 'CA', atDesk: false, name, budgetHours: 24,
  assignedAt: '2026-12-07T02:00:00.000Z', dueAt: '2026-12-10T02:00:00.000Z', state: 'pending', extensions: 0, extensionHours: 0, supplementRounds: 0, sent: {}, history: [],
  taskToken: 'secret-task-token',
};
const email = { PK, SK: 'EMAIL#received', eventKey: 'received', event: 'received', state: 'sent', sentAt: '2026-12-07T02:01:00.000Z', delivery: 'delivered', attempts: 1 };
const file = {
  PK, SK: 'DOCUMENT#0123456789abcdef0123456789abcdef', documentId: '0123456789abcdef0123456789abcdef', dossierCode: CODE, name: 'to-khai.pdf', contentType: 'application/pdf',
  size: 1024, sha256: 'ab'.repeat(32), purpose: 'dossier', stage: 'intake', objectKey: `dossiers/${CODE}/x`, kind: 'desk', by: 'desk-officer',
  uploadedAt: '2026-12-07T01:59:00.000Z', recordedAt: '2026-12-07T02:00:00.000Z',
};

const stored = (items: Record<string, unknown>[]) => db.on(QueryCommand).resolves({ Items: items });

describe('GET /dossiers/{code}', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in, reading nothing', async () => {
    expect((await invoke(route, { params: { code: CODE } })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses a signed-in caller with none of the roles (403)', async () => {
    expect((await invoke(route, { as: { sub: 'someone', groups: [] }, params: { code: CODE } })).status).toBe(403);
  });

  it('refuses an agency system without the dossiers.read scope (403)', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca-1', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    const answer = await invoke(route, { as: { clientId: 'client-ca-1', scopes: ['motcua/tasks.read'] }, params: { code: CODE } });
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toContain('motcua/dossiers.read');
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('names the malformed code (400)', async () => {
    const answer = await invoke(route, { as: desk, params: { code: 'not-a-code' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['code']);
  });

  it('answers 404 for a dossier that does not exist', async () => {
    stored([]);
    expect((await invoke(route, { as: desk, params: { code: CODE } })).status).toBe(404);
  });

  it('answers 404 to an agency off the dossier route, as if it did not exist', async () => {
    stored([meta, step]);
    const answer = await invoke(route, { as: officerOf('STP'), params: { code: CODE } });
    expect(answer.status).toBe(404);
    expect(answer.body.detail).toBe(`No dossier ${CODE}`);
  });

  it('shows the desk the dossier, its steps, letters and files, never its PIN hash nor a task token (200)', async () => {
    stored([meta, step, email, file]);
    const answer = await invoke(route, { as: desk, params: { code: CODE } });
    expect(answer.status).toBe(200);
    const view = DossierView.parse(answer.body);
    expect(view).toMatchObject({ code: CODE, status: 4, stage: 1, receivedAt: '2026-12-07T09:00:00+07:00', steps: [{ stepId: 's1-ca', dueAt: '2026-12-10T09:00:00+07:00' }] });
    expect(view.emails).toEqual([expect.objectContaining({ id: `${CODE}~received`, state: 'delivered' })]);
    expect(view.files).toEqual([expect.objectContaining({ documentId: file.documentId, uploadedBy: 'desk-officer', recordedAt: '2026-12-07T09:00:00+07:00' })]);
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('objectKey');
    // one consistent read of the dossier's partition
    expect(db.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ ExpressionAttributeValues: { ':pk': PK }, ConsistentRead: true });
  });

  it('shows it to operators and to an agency on its route, its system included (scope dossiers.read)', async () => {
    stored([meta, step]);
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca-2', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    expect((await invoke(route, { as: operator, params: { code: CODE } })).status).toBe(200);
    expect((await invoke(route, { as: officerOf('CA'), params: { code: CODE } })).status).toBe(200);
    expect((await invoke(route, { as: { clientId: 'client-ca-2', scopes: ['motcua/dossiers.read'] }, params: { code: CODE } })).status).toBe(200);
  });
});
