import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { ControlSheet } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const CODE = 'TTHCC-261207-0001';
const PK = `DOSSIER#${CODE}`;
const name = { vi: 'Bước', en: 'Step' };
const procedure = {
  code: 'DL-LHND', version: 1, effectiveFrom: '2026-01-01', name: { vi: 'Thủ tục', en: 'Procedure' }, field: name, legalHours: 40, receivingAgency: 'TTHCC',
  stages: [{ steps: [{ stepId: 's1-ca', agency: 'CA', name, budgetHours: 24 }] }, { steps: [{ stepId: 's2-tthcc', agency: 'TTHCC', name, budgetHours: 8 }] }],
};
// received Mon 7/12/2026 09:00 local; s1-ca (24 working hours) due Thu 10/12 09:00
const meta = {
  PK, SK: 'META', code: CODE, procedure, status: 4, channel: 'counter', applicant: { name: 'Nguyễn Văn An', email: 'an@example.com' }, documents: [],
  receivedAt: '2026-12-07T02:00:00.000Z', appointmentAt: '2026-12-11T02:00:00.000Z', stageIndex: 0, extensions: {}, pauses: {}, emailFailures: {},
  pinHash: 'scrypt$secret$hash', receivedBy: 'desk-officer',
};
const step = {
  PK, SK: 'STEP#s1-ca', code: CODE, stepId: 's1-ca', stageIndex: 0, agency: 'CA', atDesk: false, name, budgetHours: 24,
  assignedAt: '2026-12-07T02:00:00.000Z', dueAt: '2026-12-10T02:00:00.000Z', state: 'pending', extensions: 0, extensionHours: 0, supplementRounds: 0, sent: {}, history: [],
  taskToken: 'secret-task-token',
};
/** A pause that ends before it starts: the dossier's facts cannot be computed. */
const badPause = { stepId: 's1-ca', round: 9, agency: 'CA', from: '2026-12-05T00:00:00.000Z', to: '2026-12-04T00:00:00.000Z', missing: [], reason: '' };

function stored(items: Record<string, unknown>[]) {
  db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => ({
    Items: input.ExpressionAttributeValues[':pk'] === PK ? items : [], // the CALENDAR partition: the bundled years only
  }));
}

describe('GET /dossiers/{code}/control-sheet', () => {
  beforeAll(() => setClockSource(() => Date.parse('2026-12-08T03:00:00.000Z')));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params: { code: CODE } })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses a signed-in caller with none of the roles, and an agency system without dossiers.read (403)', async () => {
    expect((await invoke(route, { as: { sub: 'someone', groups: [] }, params: { code: CODE } })).status).toBe(403);
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    expect((await invoke(route, { as: { clientId: 'client-ca', scopes: ['motcua/steps.decide'] }, params: { code: CODE } })).status).toBe(403);
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('names the malformed code (400)', async () => {
    const answer = await invoke(route, { as: desk, params: { code: 'TTHCC-1' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('code');
  });

  it('answers 404 for a dossier that does not exist, and to an agency off its route', async () => {
    stored([]);
    expect((await invoke(route, { as: desk, params: { code: CODE } })).status).toBe(404);
    stored([meta, step]);
    expect((await invoke(route, { as: officerOf('STP'), params: { code: CODE } })).status).toBe(404);
  });

  it('shows form 06 to the desk, operators and an agency on the route (200)', async () => {
    stored([meta, step]);
    for (const as of [desk, operator, officerOf('CA')]) {
      const answer = await invoke(route, { as, params: { code: CODE } });
      expect(answer.status).toBe(200);
      const sheet = ControlSheet.parse(answer.body);
      expect(sheet).toMatchObject({ dossierCode: CODE, receivingAgency: 'TTHCC', receivedAt: '2026-12-07T09:00:00+07:00', timeliness: 'pending', skipped: [] });
      expect(sheet.handOvers).toEqual([expect.objectContaining({ kind: 'step', stepId: 's1-ca', from: 'TTHCC', to: 'CA', dueAt: '2026-12-10T09:00:00+07:00', timeliness: 'pending' })]);
      expect(JSON.stringify(answer.body)).not.toContain('secret');
    }
  });

  it('leaves out what cannot be computed and says so (200 with skipped), rather than a 500', async () => {
    stored([{ ...meta, pauses: { 's1-ca-9': badPause } }, step]);
    const answer = await invoke(route, { as: desk, params: { code: CODE } });
    expect(answer.status).toBe(200);
    expect(route.responses[200].parse(answer.body)).toMatchObject({
      dossierCode: CODE,
      procedure: { code: 'DL-LHND', version: 1 },
      status: 4,
      timeliness: null,
      appointment: { original: null, final: null },
      handOvers: [],
      skipped: [{ code: CODE, reason: expect.stringContaining('ends before it starts') }],
    });
  });
});
