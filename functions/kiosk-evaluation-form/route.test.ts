import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf } from '../../test/support/route-unit';
import { evaluationTable, returnedA } from '../../test/support/evaluation-table';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const params = { code: returnedA.code };

describe('GET /dossiers/{code}/evaluation (the desk kiosk)', () => {
  beforeEach(() => {
    db.reset();
    evaluationTable(db, returnedA);
  });

  it('answers the form to the desk of the dossier', async () => {
    const answer = await invoke(route, { as: desk, params });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ canEvaluate: true, given: false });
  });

  it('refuses an agency officer, another desk (403), an unknown dossier (404)', async () => {
    expect((await invoke(route, { as: officerOf('STP'), params })).status).toBe(403);
    expect((await invoke(route, { as: { sub: 'desk-bdh', groups: ['desk', 'branch-BDH'] }, params })).status).toBe(403);
    expect((await invoke(route, { as: desk, params: { code: 'TTHCC-261201-0099' } })).status).toBe(404);
  });
});
