import { DeleteCommand, DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { citizenSessionKey, desk, invoke, sessionItem } from '../../test/support/route-unit';
import type { Citizen } from '../core/citizen';
import { route } from './route';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const lan: Citizen = { identityNumber: '001099012345', name: 'Nguyễn Thị Lan', email: 'lan@example.vn' };

describe('POST /public/sign-out', () => {
  it("deletes the session's item (keyed by the token's hash): the token opens nothing after", async () => {
    ddb.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: sessionItem(lan) });
    ddb.on(DeleteCommand).resolves({});
    const answer = await invoke(route, { as: { citizen: lan } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ signedOut: true });
    expect(ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key)).toEqual([citizenSessionKey()]);
  });

  it('refuses (401) no token, an unknown session and an officer’s token, deleting nothing', async () => {
    ddb.on(GetCommand).resolves({});
    expect((await invoke(route)).status).toBe(401);
    expect((await invoke(route, { as: { citizen: lan } })).status).toBe(401); // the session is gone
    expect((await invoke(route, { as: desk })).status).toBe(401);
    expect(ddb.commandCalls(DeleteCommand)).toHaveLength(0);
  });
});
