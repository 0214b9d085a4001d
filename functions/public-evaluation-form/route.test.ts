import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { evaluationTable, returnedA } from '../../test/support/evaluation-table';
import { evaluation, form } from '../../test/support/figures-fixture';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { EvaluationFormView } from '../contracts/evaluation';
import { route } from './route';

vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));
const db = mockClient(DynamoDBDocumentClient);
const PIN = '20261207';
let current: object = returnedA;

describe('GET /public/dossiers/{code}/evaluation', () => {
  beforeEach(() => {
    db.reset();
    evaluationTable(db, returnedA);
    vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
      if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
      return current as never;
    });
  });

  it("answers the centre's criteria, and that the returned dossier can be evaluated", async () => {
    current = returnedA;
    const answer = await invoke(route, { params: { code: returnedA.code }, headers: { 'x-lookup-pin': PIN } });
    expect(answer.status).toBe(200);
    const view = EvaluationFormView.parse(answer.body);
    expect(view.criteria.map((c) => c.id)).toEqual(form.criteria.map((c) => c.id));
    expect(view).toMatchObject({ given: false, canEvaluate: true });
  });

  it('once evaluated, or before the return: cannot be evaluated', async () => {
    for (const [stored, given] of [[{ ...returnedA, evaluation }, true], [{ ...returnedA, status: 9 }, false]] as const) {
      current = stored;
      const answer = await invoke(route, { params: { code: returnedA.code }, headers: { 'x-lookup-pin': PIN } });
      expect(answer.body).toMatchObject({ given, canEvaluate: false });
    }
  });

  it('a wrong PIN: 404', async () => {
    expect((await invoke(route, { params: { code: returnedA.code }, headers: { 'x-lookup-pin': '00000000' } })).status).toBe(404);
  });
});
