import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { evaluationTable, goodAnswers, returnedA, updates } from '../../test/support/evaluation-table';
import { evaluation } from '../../test/support/figures-fixture';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { route } from './route';

vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));
const db = mockClient(DynamoDBDocumentClient);
const PIN = '20261207';
const params = { code: returnedA.code };
const headers = { 'x-lookup-pin': PIN, 'accept-language': 'en' };

describe('POST /public/dossiers/{code}/evaluation', () => {
  beforeEach(() => {
    db.reset();
    vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
      if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
      return returnedA as never;
    });
  });

  it('a wrong PIN: 404, nothing written', async () => {
    evaluationTable(db, returnedA);
    const answer = await invoke(route, { params, headers: { 'x-lookup-pin': '11111111' }, body: { answers: goodAnswers } });
    expect(answer.status).toBe(404);
    expect(updates(db)).toHaveLength(0);
  });

  it('records the evaluation once returned, attributed to the officers who handled the dossier (201)', async () => {
    evaluationTable(db, returnedA);
    const answer = await invoke(route, { params, headers, body: { answers: goodAnswers, comment: 'Tốt' } });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ dossierCode: returnedA.code, officers: 4 });
    const written = updates(db)[0]!.args[0].input.ExpressionAttributeValues![':e'];
    expect(written).toMatchObject({ answers: goodAnswers, comment: 'Tốt', via: 'pin', officers: evaluation.officers });
  });

  it('a second evaluation: 409', async () => {
    evaluationTable(db, { ...returnedA, evaluation });
    const answer = await invoke(route, { params, headers, body: { answers: goodAnswers } });
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toMatch(/already been evaluated/);
    expect(updates(db)).toHaveLength(0);
  });

  it('before the return: 409', async () => {
    evaluationTable(db, { ...returnedA, status: 9, returnedAt: undefined });
    const answer = await invoke(route, { params, headers, body: { answers: goodAnswers } });
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toMatch(/once the result has been handed back/);
  });

  it('an evaluation written meanwhile (the conditional write fails): 409', async () => {
    evaluationTable(db, { ...returnedA, status: 9 });
    vi.mocked(dossierForCitizen).mockResolvedValue(returnedA as never);
    // the read sees status 10, the write's condition does not hold
    db.on((await import('@aws-sdk/lib-dynamodb')).QueryCommand).resolves({ Items: [{ PK: 'x', SK: 'META', ...returnedA }] });
    expect((await invoke(route, { params, headers, body: { answers: goodAnswers } })).status).toBe(409);
  });

  it('names a missing or out-of-scale criterion (400), and writes nothing', async () => {
    evaluationTable(db, returnedA);
    const { attitude: _a, ...rest } = goodAnswers;
    const answer = await invoke(route, { params, headers, body: { answers: { ...rest, overall: 9 } } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['answers.attitude', 'answers.overall']);
    expect((await invoke(route, { params, headers, body: { answers: goodAnswers, officer: 'desk-1' } })).status).toBe(400);
    expect(updates(db)).toHaveLength(0);
  });
});
