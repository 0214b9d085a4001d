import { DynamoDBDocumentClient, UpdateCommand, type UpdateCommandInput } from '../commons/aws/dynamodb';
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
const returned = { code: CODE, status: 10 };
/** The dossier the citizen's check answers (the stored one, see table()). */
let current: { status: number; rating?: unknown } = returned;
const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

describe('POST /public/dossiers/{code}/rating', () => {
  beforeEach(() => {
    db.reset();
    current = returned;
    vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
      if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
      return current as never;
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

  /**
   * The table holds the dossier as the citizen's check read it: the route's one conditional write
   * holds only when its condition, evaluated here, holds (no rating yet, the status it names).
   */
  function table(stored: { status: number; rating?: unknown }) {
    current = stored;
    db.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
      const values = input.ExpressionAttributeValues ?? {};
      const condition = String(input.ConditionExpression);
      const statusOk = condition.includes('#status = :returned') ? stored.status === values[':returned'] : false;
      if (!condition.includes('attribute_not_exists(rating)') || stored.rating !== undefined || !statusOk) throw conditionFailed();
      return {};
    });
  }

  it('records the rating once the result is handed back (status 10), in one conditional write (201)', async () => {
    table(returned);
    const answer = await invoke(route, { params, headers, body: { score: 4, comment: 'Nhanh, chu đáo' } });
    expect(answer.status).toBe(201);
    expect(Rated.parse(answer.body)).toEqual({ dossierCode: CODE, score: 4 });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'META' });
    expect(update.ConditionExpression).toBe('attribute_not_exists(rating) AND #status = :returned');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':returned': 10, ':r': { score: 4, comment: 'Nhanh, chu đáo' } });
    expect(update.ExpressionAttributeValues?.[':r'].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('answers 409 before the result is handed back, even once it is decided (status 9 and earlier)', async () => {
    for (const status of [4, 9]) {
      db.reset();
      table({ code: CODE, status } as never);
      const answer = await invoke(route, { params, headers: { ...headers, 'accept-language': 'en' }, body: { score: 3 } });
      expect(answer.status).toBe(409);
      expect(answer.body.detail).toBe('A rating is taken once the result has been handed back');
    }
  });

  it('answers 409 to a second rating', async () => {
    table({ ...returned, rating: { score: 5, at: '2026-12-20T03:00:00.000Z' } });
    const answer = await invoke(route, { params, headers: { ...headers, 'accept-language': 'en' }, body: { score: 1 } });
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toBe('This dossier has already been rated: a rating is taken once');
  });

  it('answers 429 with Retry-After when the PIN budget is spent, and writes nothing', async () => {
    vi.mocked(dossierForCitizen).mockRejectedValue(new HttpProblem(429, 'Too Many Requests', 'Too many PINs tried', undefined, { 'retry-after': '60' }));
    const answer = await invoke(route, { params, headers, body: { score: 5 } });
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('60');
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
