import { GetCommand, UpdateCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { SendTaskSuccessCommand, SFNClient } from '../commons/aws/sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { DecisionAccepted } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const CODE = 'TTHCC-261207-0001';
const params = { code: CODE, stepId: 's1-ca' };
const pendingStep = { PK: `DOSSIER#${CODE}`, SK: 'STEP#s1-ca', code: CODE, stepId: 's1-ca', agency: 'CA', state: 'pending', taskToken: 'token-1', history: [] };
const dossier = { PK: `DOSSIER#${CODE}`, SK: 'META', code: CODE, status: 4, procedure: { stages: [] } };

function stored(step: Record<string, unknown> | undefined, meta: Record<string, unknown> | undefined = dossier) {
  db.on(GetCommand).callsFake((input: { Key: { SK: string } }) => ({ Item: input.Key.SK === 'META' ? meta : step }));
}

describe('POST /dossiers/{code}/steps/{stepId}/decision', () => {
  beforeEach(() => {
    db.reset();
    sfn.reset();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const answer = await invoke(route, { params, body: { outcome: 'approve' } });
    expect(answer.status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses an operator (403): deciding is for the agency and the desk', async () => {
    const answer = await invoke(route, { as: operator, params, body: { outcome: 'approve' } });
    expect(answer.status).toBe(403);
  });

  it('refuses an agency system without the steps.decide scope', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    const answer = await invoke(route, { as: { clientId: 'client-ca', scopes: ['motcua/tasks.read'] }, params, body: { outcome: 'approve' } });
    expect(answer.status).toBe(403);
  });

  it('names the wrong field of the body (400)', async () => {
    const answer = await invoke(route, { as: officerOf('CA'), params, body: { outcome: 'refuse' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
  });

  it('answers 404 for a step that does not exist, without saying more', async () => {
    stored(undefined);
    const answer = await invoke(route, { as: officerOf('CA'), params, body: { outcome: 'approve' } });
    expect(answer.status).toBe(404);
  });

  it("refuses another agency's officer on the dossier's route (403)", async () => {
    stored(pendingStep, { ...dossier, steps: [] });
    const answer = await invoke(route, { as: desk, params, body: { outcome: 'approve' } });
    expect(answer.status).toBe(403);
  });

  it('records the decision in one conditional write, then wakes the execution (202)', async () => {
    stored(pendingStep);
    db.on(UpdateCommand).resolves({ Attributes: { ...pendingStep, state: 'approved' } });
    const answer = await invoke(route, { as: officerOf('CA'), params, body: { outcome: 'approve', note: 'Đủ điều kiện' } });
    expect(answer.status).toBe(202);
    expect(DecisionAccepted.parse(answer.body)).toMatchObject({ dossierCode: CODE, stepId: 's1-ca', outcome: 'approve' });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.ConditionExpression).toContain('#state = :pending');
    expect(update.ExpressionAttributeValues?.[':next']).toBe('approved');
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input.taskToken).toBe('token-1');
    // the token never leaves the backend
    expect(JSON.stringify(answer.body)).not.toContain('token-1');
  });

  it('answers 409 when the step is already decided by someone else', async () => {
    stored({ ...pendingStep, state: 'approved', history: [{ outcome: 'approve', at: '2026-12-07T02:00:00.000Z', by: 'other' }] });
    const answer = await invoke(route, { as: officerOf('CA'), params, body: { outcome: 'approve' } });
    expect(answer.status).toBe(409);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers a retry of the same decision by the same officer like the first time', async () => {
    stored({ ...pendingStep, state: 'approved', history: [{ outcome: 'approve', at: '2026-12-07T02:00:00.000Z', by: 'officer-ca' }] });
    const answer = await invoke(route, { as: officerOf('CA'), params, body: { outcome: 'approve' } });
    expect(answer.status).toBe(202);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
  });

  it('lets the return step at the desk only be approved (422)', async () => {
    stored({ ...pendingStep, agency: 'TTHCC', atDesk: true });
    const answer = await invoke(route, { as: officerOf('TTHCC'), params, body: { outcome: 'refuse', reason: 'Không' } });
    expect(answer.status).toBe(422);
  });
  describe('the return step of a dossier received at a branch desk', () => {
    const BCODE = 'BDH-261207-0001';
    const bparams = { code: BCODE, stepId: 's2-tthcc' };
    const returnStep = { PK: `DOSSIER#${BCODE}`, SK: 'STEP#s2-tthcc', code: BCODE, stepId: 's2-tthcc', agency: 'TTHCC', atDesk: true, branch: 'BDH', state: 'pending', taskToken: 'token-2', history: [] };
    const meta = { ...dossier, PK: `DOSSIER#${BCODE}`, code: BCODE, branch: 'BDH' };
    const branchDesk = (code: string) => ({ sub: `desk-${code.toLowerCase()}`, groups: ['desk', `branch-${code}`] });

    it("is handed back by that branch's desk officers (202)", async () => {
      stored(returnStep, meta);
      db.on(UpdateCommand).resolves({ Attributes: { ...returnStep, state: 'approved' } });
      const answer = await invoke(route, { as: branchDesk('BDH'), params: bparams, body: { outcome: 'approve' } });
      expect(answer.status).toBe(202);
      expect(sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input.taskToken).toBe('token-2');
    });

    it("refuses another branch's desk officer, the main desk's and the desk agency's officers (403), writing nothing", async () => {
      stored(returnStep, meta);
      for (const as of [branchDesk('CGY'), desk, { sub: 'two', groups: ['desk', 'branch-CGY', 'agency-TTHCC'] }]) {
        const answer = await invoke(route, { as, params: bparams, body: { outcome: 'approve' } });
        expect(answer.status).toBe(403);
      }
      expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
      expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
    });

    it("refuses a branch's officer the main desk's return step (403)", async () => {
      stored({ ...returnStep, PK: `DOSSIER#${CODE}`, code: CODE, branch: undefined }, dossier);
      expect((await invoke(route, { as: branchDesk('BDH'), params: { code: CODE, stepId: 's2-tthcc' }, body: { outcome: 'approve' } })).status).toBe(403);
      expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    });
  });
});
