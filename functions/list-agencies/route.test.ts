import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { invoke, officerOf, operator } from '../../test/support/route-unit';
import { AgencyList } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const agency = (code: string, kind: 'desk' | 'department') => ({
  PK: 'CATALOGUE',
  SK: `AGENCY#${code}`,
  code,
  name: { vi: `Cơ quan ${code}`, en: `Agency ${code}` },
  kind,
  email: `${code.toLowerCase()}@example.vn`,
  updatedBy: 'operator-1',
});

describe('GET /agencies', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in', async () => {
    const answer = await invoke(route, {});
    expect(answer.status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses an agency system (403): the route has no scopes, it is for officers only', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-stp', SK: 'AGENCY' } }).resolves({ Item: { agency: 'STP' } });
    const answer = await invoke(route, { as: { clientId: 'client-stp', scopes: ['motcua/tasks.read'] } });
    expect(answer.status).toBe(403);
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('lists the catalogue agencies by code, to any signed-in officer (200)', async () => {
    db.on(QueryCommand).resolves({ Items: [agency('TTHCC', 'desk'), agency('CATP', 'department'), agency('STP', 'department')] });
    const answer = await invoke(route, { as: officerOf('STP') });
    expect(answer.status).toBe(200);
    const body = AgencyList.parse(answer.body);
    expect(body.agencies.map((a) => a.code)).toEqual(['CATP', 'STP', 'TTHCC']);
    expect(body.agencies[2]).toEqual({ code: 'TTHCC', name: { vi: 'Cơ quan TTHCC', en: 'Agency TTHCC' }, kind: 'desk', email: 'tthcc@example.vn' });
    // only what the contract lists: no keys, no bookkeeping
    expect(JSON.stringify(answer.body)).not.toContain('updatedBy');
    const query = db.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(query.KeyConditionExpression).toBe('PK = :pk AND begins_with(SK, :p)');
    expect(query.ExpressionAttributeValues).toEqual({ ':pk': 'CATALOGUE', ':p': 'AGENCY#' });
  });

  it('answers an empty list when the catalogue holds no agency', async () => {
    db.on(QueryCommand).resolves({ Items: [] });
    const answer = await invoke(route, { as: operator });
    expect(answer.status).toBe(200);
    expect(AgencyList.parse(answer.body)).toEqual({ agencies: [] });
  });
});
