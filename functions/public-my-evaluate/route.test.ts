import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { citizenSessionKey, invoke, sessionItem } from '../../test/support/route-unit';
import { evaluationTable, goodAnswers, returnedA, updates } from '../../test/support/evaluation-table';
import { evaluation } from '../../test/support/figures-fixture';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const binh = { identityNumber: '001099012345', name: 'Nguyễn Thị Bình' };
const other = { identityNumber: '001099099999', name: 'Trần Văn Khác' };
const mine = { ...returnedA, applicant: { ...returnedA.applicant, idNumber: binh.identityNumber } };
const session = (c: typeof binh) => (key: { PK: string; SK: string }) => (key.PK === citizenSessionKey().PK ? sessionItem(c) : undefined);
const params = { code: returnedA.code };

describe('POST /public/me/dossiers/{code}/evaluation', () => {
  beforeEach(() => db.reset());

  it('not signed in: 401', async () => {
    evaluationTable(db, mine);
    expect((await invoke(route, { params, body: { answers: goodAnswers } })).status).toBe(401);
  });

  it('the signed-in citizen evaluates their returned dossier (201, via signed-in)', async () => {
    evaluationTable(db, mine, session(binh));
    const answer = await invoke(route, { as: { citizen: binh }, params, body: { answers: goodAnswers } });
    expect(answer.status).toBe(201);
    expect(updates(db)[0]!.args[0].input.ExpressionAttributeValues![':e']).toMatchObject({ via: 'signed-in' });
  });

  it("another citizen's dossier: 404, nothing written", async () => {
    evaluationTable(db, mine, session(other));
    expect((await invoke(route, { as: { citizen: other }, params, body: { answers: goodAnswers } })).status).toBe(404);
    expect(updates(db)).toHaveLength(0);
  });

  it('twice: 409; before the return: 409', async () => {
    evaluationTable(db, { ...mine, evaluation }, session(binh));
    expect((await invoke(route, { as: { citizen: binh }, params, body: { answers: goodAnswers } })).status).toBe(409);
    db.reset();
    evaluationTable(db, { ...mine, status: 6 }, session(binh));
    expect((await invoke(route, { as: { citizen: binh }, params, body: { answers: goodAnswers } })).status).toBe(409);
  });
});
