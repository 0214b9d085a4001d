import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { SignJWT, type CryptoKey, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetClients } from '../commons/agency-clients';
import { forgetOptions, handler } from './handler';

/**
 * The API's Lambda authorizer, as API Gateway invokes it: the user pool's keys served as a JWKS
 * (a local HTTP server stands for Cognito's /.well-known/jwks.json), the table mocked.
 */
process.env.TABLE_NAME ??= 'motcua-unit';
process.env.AWS_REGION ??= 'ap-southeast-1';
process.env.AWS_ACCESS_KEY_ID ??= 'unit';
process.env.AWS_SECRET_ACCESS_KEY ??= 'unit';

const db = mockClient(DynamoDBDocumentClient);
const WEB = 'web-client-id';
const TERMINAL = 'terminal-client-id';
const AGENCY_CLIENT = 'stp-system-client';

let server: Server;
let issuer: string;
let poolKey: CryptoKey;
let otherKey: CryptoKey;
let jwksFetches = 0;

beforeAll(async () => {
  const pool = await generateKeyPair('RS256', { extractable: true });
  poolKey = pool.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwks = { keys: [{ ...(await exportJWK(pool.publicKey)), kid: 'pool-1', alg: 'RS256', use: 'sig' }] };
  server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) {
      jwksFetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(jwks));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ap-southeast-1_unit`;
  process.env.AUTH_ISSUER = issuer;
  process.env.AUTH_USER_CLIENTS = `${WEB},${TERMINAL}`;
  forgetOptions();
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

beforeEach(() => {
  db.reset();
  forgetClients();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { PK: `CLIENT#${AGENCY_CLIENT}`, SK: 'AGENCY' } }).resolves({ Item: { clientId: AGENCY_CLIENT, agency: 'STP' } });
});

interface Sign {
  claims: Record<string, unknown>;
  sub?: string;
  iss?: string;
  exp?: number;
  key?: CryptoKey;
  kid?: string;
}
const now = () => Math.floor(Date.now() / 1000);
const sign = ({ claims, sub = 'officer-sub', iss = issuer, exp = now() + 3600, key = poolKey, kid = 'pool-1' }: Sign) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setSubject(sub).setIssuer(iss).setIssuedAt().setExpirationTime(exp).sign(key);

/** A Cognito id token of the web app's officers (what the pages send). */
const idToken = (over: Partial<Sign> = {}) =>
  sign({ claims: { aud: WEB, token_use: 'id', 'cognito:groups': ['agency-STP', 'desk'], 'cognito:username': 'u-1', email: 'officer@example.gov.vn' }, ...over });
/** A client-credentials access token: sub = client_id, scopes, no user. */
const clientToken = (clientId: string, over: Partial<Sign> = {}) =>
  sign({ claims: { client_id: clientId, token_use: 'access', scope: 'motcua/tasks.read motcua/steps.decide' }, sub: clientId, ...over });

const event = (authorization?: string): APIGatewayRequestAuthorizerEventV2 =>
  ({
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:ap-southeast-1:123456789012:api/$default/GET/agencies/STP/tasks',
    identitySource: authorization ? [authorization] : [],
    routeKey: 'GET /agencies/{agencyCode}/tasks',
    rawPath: '/agencies/STP/tasks',
    rawQueryString: '',
    headers: authorization ? { authorization } : {},
    requestContext: {} as APIGatewayRequestAuthorizerEventV2['requestContext'],
  }) as APIGatewayRequestAuthorizerEventV2;

const decide = async (authorization?: string) => handler(event(authorization));

describe('the API authorizer (functions/authorizer)', () => {
  it("allows an id token of the web app's client, passing its claims on (groups as JSON, no email)", async () => {
    const out = await decide(`Bearer ${await idToken()}`);
    expect(out.isAuthorized).toBe(true);
    expect(out.context).toMatchObject({ sub: 'officer-sub', aud: WEB, token_use: 'id', 'cognito:groups': '["agency-STP","desk"]', 'cognito:username': 'u-1' });
    expect(out.context).not.toHaveProperty('email');
    expect(db.commandCalls(GetCommand)).toHaveLength(0);
  });

  it("allows an access token of the terminal's client (npm run token)", async () => {
    const token = await sign({ claims: { client_id: TERMINAL, token_use: 'access', username: 'u-1', 'cognito:groups': ['desk'] } });
    expect((await decide(`Bearer ${token}`)).isAuthorized).toBe(true);
  });

  it('allows an access token of a client registered for an agency (its CLIENT# item), read with GetItem', async () => {
    const out = await decide(`Bearer ${await clientToken(AGENCY_CLIENT)}`);
    expect(out.isAuthorized).toBe(true);
    expect(out.context).toMatchObject({ sub: AGENCY_CLIENT, client_id: AGENCY_CLIENT, scope: 'motcua/tasks.read motcua/steps.decide', token_use: 'access' });
    const [get] = db.commandCalls(GetCommand);
    expect(get!.args[0].input.Key).toEqual({ PK: `CLIENT#${AGENCY_CLIENT}`, SK: 'AGENCY' });
  });

  it('refuses an access token of a client registered for no agency (a client of the pool made by hand, or removed)', async () => {
    const out = await decide(`Bearer ${await clientToken('unknown-client')}`);
    expect(out).toEqual({ isAuthorized: false, context: {} });
    expect(db.commandCalls(GetCommand).map((c) => c.args[0].input.Key)).toEqual([{ PK: 'CLIENT#unknown-client', SK: 'AGENCY' }]);
  });

  it('accepts a client registered just after a refusal at its next request (an unknown client is never cached)', async () => {
    const token = `Bearer ${await clientToken('late-client')}`;
    expect((await decide(token)).isAuthorized).toBe(false);
    db.on(GetCommand, { Key: { PK: 'CLIENT#late-client', SK: 'AGENCY' } }).resolves({ Item: { clientId: 'late-client', agency: 'SGD' } });
    expect((await decide(token)).isAuthorized).toBe(true);
  });

  it('refuses an id token issued to any other client (an agency client, or one of another pool)', async () => {
    expect((await decide(`Bearer ${await idToken({ claims: { aud: AGENCY_CLIENT, token_use: 'id' } })}`)).isAuthorized).toBe(false);
    expect((await decide(`Bearer ${await idToken({ claims: { aud: [WEB, 'other'], token_use: 'id' } })}`)).isAuthorized).toBe(false);
  });

  it('refuses an expired token, a token of another issuer, and one signed with another key', async () => {
    expect((await decide(`Bearer ${await idToken({ exp: now() - 60 })}`)).isAuthorized).toBe(false);
    expect((await decide(`Bearer ${await clientToken(AGENCY_CLIENT, { exp: now() - 60 })}`)).isAuthorized).toBe(false);
    expect((await decide(`Bearer ${await idToken({ iss: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_other' })}`)).isAuthorized).toBe(false);
    expect((await decide(`Bearer ${await idToken({ key: otherKey })}`)).isAuthorized).toBe(false);
    expect((await decide(`Bearer ${await clientToken(AGENCY_CLIENT, { key: otherKey })}`)).isAuthorized).toBe(false);
  });

  it('refuses a token without the RS256 signature (alg none, HS256), a token of another use, and a body edited after signing', async () => {
    const good = await clientToken(AGENCY_CLIENT);
    const [header, body] = good.split('.') as [string, string, string];
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    expect((await decide(`Bearer ${b64({ alg: 'none', kid: 'pool-1' })}.${body}.`)).isAuthorized).toBe(false);
    const hs = await new SignJWT({ client_id: AGENCY_CLIENT, token_use: 'access' }).setProtectedHeader({ alg: 'HS256', kid: 'pool-1' }).setSubject(AGENCY_CLIENT).setIssuer(issuer).setExpirationTime(now() + 60).sign(new TextEncoder().encode('x'.repeat(32)));
    expect((await decide(`Bearer ${hs}`)).isAuthorized).toBe(false);
    const edited = b64({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), client_id: WEB });
    expect((await decide(`Bearer ${header}.${edited}.${good.split('.')[2]}`)).isAuthorized).toBe(false);
    expect((await decide(`Bearer ${await sign({ claims: { client_id: WEB, token_use: 'refresh' } })}`)).isAuthorized).toBe(false);
  });

  it('refuses no header, an empty one, and one that is not a bearer JWT', async () => {
    expect(await decide()).toEqual({ isAuthorized: false, context: {} });
    expect((await decide('')).isAuthorized).toBe(false);
    expect((await decide(`Basic ${Buffer.from('a:b').toString('base64')}`)).isAuthorized).toBe(false);
    expect((await decide('Bearer not-a-jwt')).isAuthorized).toBe(false);
  });

  it("fetches the pool's keys once for many decisions", async () => {
    expect((await decide(`Bearer ${await idToken()}`)).isAuthorized).toBe(true); // the keys fetched, if no test did yet
    const before = jwksFetches;
    for (let i = 0; i < 5; i++) expect((await decide(`Bearer ${await idToken()}`)).isAuthorized).toBe(true);
    expect(jwksFetches - before).toBe(0);
  });
});
