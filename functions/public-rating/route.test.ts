import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { HttpProblem, notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { Rated } from '../contracts/responses';
import { route } from './route';

// The citizen's PIN check itself is tested with the table mocked in functions/public-lookup/route.test.ts.
vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);

const CODE = 'TTHCC-261207-0001';
const PIN = '20261207';
const params = { code: CODE };
const headers = { 'x-lookup-pin': PIN };
const decided = { code: CODE, status: 9 };
const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

describe('POST /public/dossiers/{code}/rating', () => {
  beforeEach(() => {
    db.reset();
    vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
      if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
      return decided as never;
    });
  });

  it('refuses a wrong PIN with 404 and writes nothing', async () => {
    const answer = await invoke(route, { params, headers: { 'x-lookup-pin': '11111111' }, body: { score: 5 } });
    expect(answer.status).toBe(404);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('names the wrong field: a score from 1 to 5 (400)', async () => {
    for (const score of [0, 6, 4.5]) {
      const answer = await invoke(route, { params, headers, body: { score } });
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['score']);
    }
    const extra = await invoke(route, { params, headers, body: { score: 5, officer: 'desk-1' } });
    expect(extra.status).toBe(400);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('records the rating once, after the result, in one conditional write (201)', async () => {
    db.on(UpdateCommand).resolves({});
    const answer = await invoke(route, { params, headers, body: { score: 4, comment: 'Nhanh, chu đáo' } });
    expect(answer.status).toBe(201);
    expect(Rated.parse(answer.body)).toEqual({ dossierCode: CODE, score: 4 });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'META' });
    expect(update.ConditionExpression).toBe('attribute_not_exists(rating) AND #status IN (:decided, :returned)');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':decided': 9, ':returned': 10, ':r': { score: 4, comment: 'Nhanh, chu đáo' } });
    expect(update.ExpressionAttributeValues?.[':r'].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('answers 409 to a second rating, or before the result (the condition refused the write)', async () => {
    db.on(UpdateCommand).rejects(conditionFailed());
    const answer = await invoke(route, { params, headers, body: { score: 3 } });
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toBe('A rating is taken once, after the result');
  });

  it('answers 429 with Retry-After when the PIN budget is spent, and writes nothing', async () => {
    vi.mocked(dossierForCitizen).mockRejectedValue(new HttpProblem(429, 'Too Many Requests', 'Too many PINs tried', undefined, { 'retry-after': '60' }));
    const answer = await invoke(route, { params, headers, body: { score: 5 } });
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('60');
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
