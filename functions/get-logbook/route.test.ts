import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { Logbook } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const name = { vi: 'Thẩm định', en: 'Review' };
const agencies = [
  { PK: 'CATALOGUE', SK: 'AGENCY#TTHCC', code: 'TTHCC', kind: 'desk', name, email: 'tthcc@example.gov.vn' },
  { PK: 'CATALOGUE', SK: 'AGENCY#CA', code: 'CA', kind: 'department', name, email: 'ca@example.gov.vn' },
];
const procedure = {
  code: 'DL-LHND', version: 1, effectiveFrom: '2026-01-01', name: { vi: 'Thủ tục', en: 'Procedure' }, field: name, legalHours: 40, receivingAgency: 'TTHCC',
  stages: [{ steps: [{ stepId: 's1-ca', agency: 'CA', name, budgetHours: 24 }] }, { steps: [{ stepId: 's2-tthcc', agency: 'TTHCC', name, budgetHours: 8 }] }],
};
const dossier = (n: number, extra: Record<string, unknown> = {}) => ({
  code: `TTHCC-261207-000${n}`, procedure, status: 4, channel: 'counter', applicant: { name: `Nguyễn Văn ${n}`, email: `a${n}@example.com` }, documents: [],
  receivedAt: `2026-12-07T0${n}:00:00.000Z`, appointmentAt: '2026-12-11T02:00:00.000Z', stageIndex: 0, extensions: {}, pauses: {}, emailFailures: {},
  pinHash: 'scrypt$secret$hash', receivedBy: 'desk-officer', ...extra,
});
const step = (n: number) => ({
  PK: `DOSSIER#TTHCC-261207-000${n}`, SK: 'STEP#s1-ca', GSI2PK: 'LOG#CA#2026-12', GSI2SK: `2026-12-07T0${n}:00:00.000Z#TTHCC-261207-000${n}#s1-ca`,
  code: `TTHCC-261207-000${n}`, stepId: 's1-ca', stageIndex: 0, agency: 'CA', atDesk: false, name, budgetHours: 24,
  assignedAt: `2026-12-07T0${n}:00:00.000Z`, dueAt: `2026-12-10T0${n}:00:00.000Z`, state: 'pending', extensions: 0, extensionHours: 0, supplementRounds: 0, sent: {}, history: [],
  taskToken: 'secret-task-token',
});
/** A pause that ends before it starts: that dossier's facts cannot be computed. */
const badPause = { stepId: 's1-ca', round: 9, agency: 'CA', from: '2026-12-05T00:00:00.000Z', to: '2026-12-04T00:00:00.000Z', missing: [], reason: '' };
const isLog = { IndexName: 'GSI2' };

function stored(log: Record<string, unknown>[], dossiers: Record<string, unknown>[]) {
  db.on(QueryCommand, isLog).resolves({ Items: log });
  db.on(GetCommand).callsFake((input: { Key: { PK: string } }) => ({ Item: dossiers.find((d) => `DOSSIER#${d.code}` === input.Key.PK) }));
}

describe('GET /agencies/{agencyCode}/logbook', () => {
  beforeAll(() => setClockSource(() => Date.parse('2026-12-08T03:00:00.000Z')));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    db.reset();
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'CATALOGUE', ':p': 'AGENCY#' } }).resolves({ Items: agencies });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'CALENDAR' } }).resolves({ Items: [] });
  });
  const date = { date: '2026-12-07' };

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params: { agencyCode: 'CA' }, query: date })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses a caller with none of the roles, and an agency system without tasks.read (403)', async () => {
    expect((await invoke(route, { as: { sub: 'someone', groups: [] }, params: { agencyCode: 'CA' }, query: date })).status).toBe(403);
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    expect((await invoke(route, { as: { clientId: 'client-ca', scopes: ['motcua/dossiers.read'] }, params: { agencyCode: 'CA' }, query: date })).status).toBe(403);
  });

  it("refuses another agency's officer, and the desk on a department's logbook (403)", async () => {
    expect((await invoke(route, { as: officerOf('STP'), params: { agencyCode: 'CA' }, query: date })).status).toBe(403);
    expect((await invoke(route, { as: desk, params: { agencyCode: 'CA' }, query: date })).status).toBe(403);
    expect(db.commandCalls(QueryCommand, isLog)).toHaveLength(0);
  });

  it.each([
    ['no date', {}],
    ['a date that does not exist', { date: '2026-02-30' }],
    ['a date and time', { date: '2026-12-07T00:00' }],
  ])('names the date for %s (400)', async (_, query) => {
    const answer = await invoke(route, { as: officerOf('CA'), params: { agencyCode: 'CA' }, query });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['date']);
  });

  it('answers 404 for an agency that does not exist (an operator may ask for any)', async () => {
    const answer = await invoke(route, { as: operator, params: { agencyCode: 'ZZ' }, query: date });
    expect(answer.status).toBe(404);
  });

  it("lists a department's steps of the local day, read from its month's GSI2 partition, without the applicant's name (200)", async () => {
    stored([step(2), step(1)], [dossier(1), dossier(2)]);
    const answer = await invoke(route, { as: officerOf('CA'), params: { agencyCode: 'CA' }, query: date });
    expect(answer.status).toBe(200);
    const book = Logbook.parse(answer.body);
    expect(book).toMatchObject({ agency: 'CA', kind: 'department', date: '2026-12-07', skipped: [] });
    expect(book.entries.map((e) => e.dossierCode)).toEqual(['TTHCC-261207-0001', 'TTHCC-261207-0002']);
    expect(book.entries[0]).toMatchObject({ kind: 'step', stepId: 's1-ca', stage: 1, receivedAt: '2026-12-07T08:00:00+07:00', state: 'pending', timeliness: 'pending' });
    expect(book.entries[0]!.applicantName).toBeUndefined();
    expect(JSON.stringify(answer.body)).not.toContain('secret');
    expect(db.commandCalls(QueryCommand, isLog)[0]!.args[0].input).toMatchObject({
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': 'LOG#CA#2026-12', ':a': '2026-12-06T17:00:00.000Z', ':b': '2026-12-07T17:00:00.000Z' },
    });
  });

  it("shows the desk its dossiers with the applicant's name, and leaves out (and names) a dossier whose facts cannot be computed", async () => {
    const good = { PK: 'DOSSIER#TTHCC-261207-0001', SK: 'META', ...dossier(1) };
    const bad = { PK: 'DOSSIER#TTHCC-261207-0002', SK: 'META', ...dossier(2, { pauses: { 's1-ca-9': badPause } }) };
    stored([good, bad], []);
    const answer = await invoke(route, { as: desk, params: { agencyCode: 'TTHCC' }, query: date });
    expect(answer.status).toBe(200);
    const book = Logbook.parse(answer.body);
    expect(book.kind).toBe('desk');
    expect(book.entries).toEqual([expect.objectContaining({ kind: 'dossier', dossierCode: 'TTHCC-261207-0001', applicantName: 'Nguyễn Văn 1', channel: 'counter' })]);
    expect(book.skipped).toEqual([{ code: 'TTHCC-261207-0002', reason: expect.stringContaining('ends before it starts') }]);
  });
});
