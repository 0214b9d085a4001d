import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { type As, citizenSessionKey, desk, invoke, sessionItem } from '../../test/support/route-unit';
import { CitizenMe } from '../contracts/responses';
import type { Citizen } from '../core/citizen';
import { route } from './route';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const lan: Citizen = { identityNumber: '001099012345', name: 'Nguyễn Thị Lan', email: 'lan@example.vn', phone: '0912345678', address: 'Số 12 phố Hàng Bạc' };

describe('GET /public/me', () => {
  it('answers the signed-in citizen as the national sign-in vouched for them (for the pre-fill), not cached', async () => {
    ddb.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: sessionItem(lan) });
    const answer = await invoke(route, { as: { citizen: lan } });
    expect(answer.status).toBe(200);
    expect(CitizenMe.parse(answer.body)).toEqual({ citizen: lan });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('refuses (401) no token, an expired or unknown session, an officer’s token and an agency system’s', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: { ...sessionItem(lan), expiresAt: new Date(Date.now() - 120_000).toISOString() } });
    const callers: (As | undefined)[] = [undefined, { citizen: lan }, desk, { clientId: 'local-agency-STP', scopes: ['motcua/dossiers.read'] }];
    for (const as of callers) {
      const answer = await invoke(route, { as });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toContain('motcua-citizen');
    }
  });
});
