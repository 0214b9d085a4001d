import { DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { SendTaskSuccessCommand, SFNClient } from '../commons/aws/sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { DelayAccepted } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const CODE = 'TTHCC-261207-0001';
const PK = `DOSSIER#${CODE}`;
const params = { code: CODE, stepId: 's1-ca' };
const name = { vi: 'Thẩm định', en: 'Review' };
const procedure = {
  code: 'DL-LHND', version: 1, name, legalHours: 40, receivingAgency: 'TTHCC',
  stages: [{ steps: [{ stepId: 's1-ca', agency: 'CA', name, budgetHours: 24 }, { stepId: 's1-stp', agency: 'STP', name, budgetHours: 24 }] }],
};
const meta = { PK, SK: 'META', code: CODE, status: 4, procedure, pauses: {} };
// due Thu 10/12/2026 09:00 local; now (the clock below) Tue 8/12 10:00 local
const DUE = '2026-12-10T02:00:00.000Z';
const pending = { PK, SK: 'STEP#s1-ca', code: CODE, stepId: 's1-ca', agency: 'CA', atDesk: false, state: 'pending', dueAt: DUE, taskToken: 'token-ca', history: [] };
const body = { reason: 'Chờ kết quả xác minh', newDueAt: '2026-12-11T09:00:00+07:00' };

function stored(step: Record<string, unknown> | undefined, dossier: Record<string, unknown> | undefined = meta) {
  db.on(GetCommand).callsFake((input: { Key: { SK: string } }) => ({ Item: input.Key.SK === 'META' ? dossier : step }));
  db.on(QueryCommand).resolves({ Items: [] }); // the CALENDAR partition: the bundled years
}
const fieldsOf = (answer: { body: { errors: { field: string }[] } }) => answer.body.errors.map((e) => e.field);

describe('POST /dossiers/{code}/steps/{stepId}/delay', () => {
  beforeAll(() => setClockSource(() => Date.parse('2026-12-08T03:00:00.000Z')));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    db.reset();
    sfn.reset();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params, body })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses the desk (403): a delay is reported by the agency', async () => {
    expect((await invoke(route, { as: desk, params, body })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses an agency system without the steps.decide scope (403)', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    const answer = await invoke(route, { as: { clientId: 'client-ca', scopes: ['motcua/tasks.read'] }, params, body });
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toContain('motcua/steps.decide');
  });

  it.each([
    ['no reason', { newDueAt: body.newDueAt }, 'reason'],
    ['a new due time without its offset', { ...body, newDueAt: '2026-12-11T09:00:00' }, 'newDueAt'],
    // an unknown key is named by itself (issue 20, 3)
    ['an unknown field', { ...body, hours: 8 }, 'hours'],
  ])('names the wrong field for %s (400)', async (_, sent, field) => {
    const answer = await invoke(route, { as: officerOf('CA'), params, body: sent });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer)).toContain(field);
  });

  it('answers 404 for a step that does not exist, and 403 to another agency on the route', async () => {
    stored(undefined);
    expect((await invoke(route, { as: officerOf('CA'), params, body })).status).toBe(404);
    stored(pending);
    expect((await invoke(route, { as: officerOf('STP'), params, body })).status).toBe(403);
  });

  it('answers 409 when the step is decided, a delay is being recorded, or the dossier is paused', async () => {
    for (const step of [{ ...pending, state: 'approved' }, { ...pending, pendingDelay: { reason: 'x' } }, { ...pending, dueAt: null }]) {
      stored(step);
      expect((await invoke(route, { as: officerOf('CA'), params, body })).status).toBe(409);
    }
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 422 once the due time has passed: the step is already late', async () => {
    stored({ ...pending, dueAt: '2026-12-08T02:00:00.000Z' });
    const answer = await invoke(route, { as: officerOf('CA'), params, body });
    expect(answer.status).toBe(422);
    expect(fieldsOf(answer)).toEqual(['newDueAt']);
  });

  it('refuses a new due time not after the current one, or beyond the legal time again (400 naming newDueAt)', async () => {
    stored(pending);
    const early = await invoke(route, { as: officerOf('CA'), params, body: { ...body, newDueAt: '2026-12-10T09:00:00+07:00' }, headers: { 'accept-language': 'en' } });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([{ field: 'newDueAt', code: 'invalid', label: 'New date', message: 'After 2026-12-10T09:00:00+07:00' }]);
    const far = await invoke(route, { as: officerOf('CA'), params, body: { ...body, newDueAt: '2026-12-31T09:00:00+07:00' } });
    expect(far.status).toBe(400);
    expect(far.body.errors[0]).toMatchObject({ field: 'newDueAt', message: expect.stringMatching(/^At most 2026-12-17T09:00:00\+07:00$/) });
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('records the delay on the step in one conditional write, then wakes the execution (202)', async () => {
    stored(pending);
    db.on(UpdateCommand).resolves({ Attributes: { ...pending, pendingDelay: {} } });
    const answer = await invoke(route, { as: officerOf('CA'), params, body });
    expect(answer.status).toBe(202);
    expect(DelayAccepted.parse(answer.body)).toEqual({ dossierCode: CODE, stepId: 's1-ca', dueAt: '2026-12-10T09:00:00+07:00', requestedDueAt: '2026-12-11T09:00:00+07:00' });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ PK, SK: 'STEP#s1-ca' });
    expect(update.ConditionExpression).toBe('#state = :pending AND attribute_not_exists(pendingDelay) AND dueAt = :due');
    expect(update.ExpressionAttributeValues).toMatchObject({
      ':due': DUE,
      ':d': { reason: body.reason, newDueAt: '2026-12-11T02:00:00.000Z', at: '2026-12-08T03:00:00.000Z', by: 'officer-ca' },
    });
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input.taskToken).toBe('token-ca');
    expect(JSON.stringify(answer.body)).not.toContain('token-ca');
  });

  it('answers 409 when the step changed between the read and the write', async () => {
    stored(pending);
    db.on(UpdateCommand).rejects(Object.assign(new Error('changed'), { name: 'ConditionalCheckFailedException' }));
    const answer = await invoke(route, { as: officerOf('CA'), params, body });
    expect(answer.status).toBe(409);
    expect(sfn.calls()).toHaveLength(0);
  });
});
