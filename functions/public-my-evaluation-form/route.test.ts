import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { citizenSessionKey, invoke, sessionItem } from '../../test/support/route-unit';
import { evaluationTable, returnedA } from '../../test/support/evaluation-table';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const binh = { identityNumber: '001099012345', name: 'Nguyễn Thị Bình' };
const other = { identityNumber: '001099099999', name: 'Trần Văn Khác' };
const mine = { ...returnedA, applicant: { ...returnedA.applicant, idNumber: binh.identityNumber } };
const session = (c: typeof binh) => (key: { PK: string; SK: string }) => (key.PK === citizenSessionKey().PK ? sessionItem(c) : undefined);
const params = { code: returnedA.code };

describe('GET /public/me/dossiers/{code}/evaluation', () => {
  beforeEach(() => db.reset());

  it('answers the form for the signed-in citizen’s returned dossier', async () => {
    evaluationTable(db, mine, session(binh));
    const answer = await invoke(route, { as: { citizen: binh }, params });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ dossierCode: returnedA.code, given: false, canEvaluate: true });
  });

  it("another citizen's dossier: 404; not signed in: 401", async () => {
    evaluationTable(db, mine, session(other));
    expect((await invoke(route, { as: { citizen: other }, params })).status).toBe(404);
    expect((await invoke(route, { params })).status).toBe(401);
  });
});
