import { DynamoDBDocumentClient, GetCommand, PutCommand } from './aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import * as z from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { CITIZEN_TOKEN, citizenSessionKey, desk, invoke, sessionItem } from '../../test/support/route-unit';
import { citizenOf, citizenRef, openSession, sessionKey, sessionToken } from './citizen-session';
import { defineRoute, reply } from './route';
import type { Citizen } from '../core/citizen';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const lan: Citizen = { identityNumber: '001099012345', name: 'Nguyễn Thị Lan', email: 'lan@example.vn' };

/** A route only a signed-in citizen may call: it answers who the session says they are. */
const whoAmI = defineRoute({
  method: 'GET',
  path: '/public/me/unit',
  summary: 'unit',
  operationId: 'unitWhoAmI',
  roles: ['citizen'],
  access: { table: 'read' },
  responses: { 200: z.object({ name: z.string() }) },
  errors: [401],
  handler: async ({ citizen }) => reply(200, { name: citizen!.name }),
});

describe("the signed-in citizen's session", () => {
  it('stores only the hash of the token, and answers the citizen for the token until it expires', async () => {
    ddb.on(PutCommand).resolves({});
    const now = new Date('2026-12-07T02:00:00Z');
    const { token, expiresAt } = await openSession(lan, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe('2026-12-07T04:00:00.000Z');
    const put = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(JSON.stringify(put)).not.toContain(token);
    expect(put.Item).toMatchObject(sessionKey(token));

    ddb.on(GetCommand, { Key: sessionKey(token) }).resolves({ Item: put.Item });
    const event = { headers: { authorization: `Bearer ${token}` } };
    expect(await citizenOf(event, new Date('2026-12-07T03:59:00Z'))).toEqual(lan);
    expect(await citizenOf(event, new Date('2026-12-07T04:00:00Z'))).toBeUndefined();
  });

  it('reads no table for a header that is no session token (an officer JWT, garbage, nothing)', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZXNrIn0.c2ln';
    for (const authorization of [`Bearer ${jwt}`, 'Basic abc', '', `Bearer ${'a'.repeat(44)}`]) {
      expect(sessionToken({ headers: { authorization } })).toBeUndefined();
      expect(await citizenOf({ headers: { authorization } })).toBeUndefined();
    }
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
  });

  it("a citizen's route refuses (401) no session, an unknown session and an officer's token; serves the citizen's", async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: sessionItem(lan) });
    expect((await invoke(whoAmI)).status).toBe(401);
    expect((await invoke(whoAmI, { as: desk })).status).toBe(401);
    const unknown = await invoke(whoAmI, { headers: { authorization: `Bearer ${'b'.repeat(43)}` } });
    expect(unknown.status).toBe(401);
    expect(unknown.headers['www-authenticate']).toMatch(/Bearer/);
    const mine = await invoke(whoAmI, { as: { citizen: lan } });
    expect(mine).toMatchObject({ status: 200, body: { name: lan.name } });
    expect(CITIZEN_TOKEN).toHaveLength(43);
  });

  it('names a citizen in records by a hash, never the identity number', () => {
    expect(citizenRef(lan)).toMatch(/^citizen:[A-Za-z0-9_-]{22}$/);
    expect(citizenRef(lan)).not.toContain(lan.identityNumber);
    expect(citizenRef(lan)).toBe(citizenRef({ identityNumber: lan.identityNumber }));
  });
});
