import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { evaluationTable, goodAnswers, returnedA, updates } from '../../test/support/evaluation-table';
import { evaluation } from '../../test/support/figures-fixture';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const params = { code: returnedA.code };
const body = { answers: goodAnswers };

describe('POST /dossiers/{code}/evaluation (the desk kiosk)', () => {
  beforeEach(() => db.reset());

  it('records the citizen’s evaluation at the desk that handed the dossier back (201, via kiosk)', async () => {
    evaluationTable(db, returnedA);
    const answer = await invoke(route, { as: desk, params, body });
    expect(answer.status).toBe(201);
    expect(updates(db)[0]!.args[0].input.ExpressionAttributeValues![':e']).toMatchObject({ via: 'kiosk', officers: evaluation.officers });
  });

  it('refuses an agency officer and an operator (403), and another desk (a branch officer: 403)', async () => {
    evaluationTable(db, returnedA);
    expect((await invoke(route, { as: officerOf('STP'), params, body })).status).toBe(403);
    expect((await invoke(route, { as: operator, params, body })).status).toBe(403);
    expect((await invoke(route, { as: { sub: 'desk-bdh', groups: ['desk', 'branch-BDH'] }, params, body })).status).toBe(403);
    expect(updates(db)).toHaveLength(0);
  });

  it('twice: 409; before the return: 409; not signed in: 401', async () => {
    evaluationTable(db, { ...returnedA, evaluation });
    expect((await invoke(route, { as: desk, params, body })).status).toBe(409);
    db.reset();
    evaluationTable(db, { ...returnedA, status: 9 });
    expect((await invoke(route, { as: desk, params, body })).status).toBe(409);
    expect((await invoke(route, { params, body })).status).toBe(401);
  });
});
