/**
 * Unit tests of route modules: a route runs behind the same checks as in its function (roles,
 * scopes, the citizen's PIN, schemas, problem+json) with an HTTP API v2 event built here, and the
 * AWS SDK clients mocked (aws-sdk-client-mock), so a route's statuses and refusals are tested in
 * milliseconds. What only the emulators can prove (the workflow, races, crashes, pages) stays in
 * test/integration, test/e2e and test/web.
 */
import type { Context } from 'aws-lambda';
import { contextOf } from '../../functions/commons/authorizer';
import { serveRoute } from '../../functions/commons/router';
import type { AnyRoute, ApiEvent } from '../../functions/commons/route';
import type { Citizen } from '../../functions/core/citizen';
import { sessionKey } from '../../functions/commons/citizen-session';

process.env.TABLE_NAME ??= 'motcua-unit';
process.env.AWS_REGION ??= 'ap-southeast-1';
process.env.AWS_ACCESS_KEY_ID ??= 'unit';
process.env.AWS_SECRET_ACCESS_KEY ??= 'unit';

/** Who calls: an officer with groups, an agency system (client credentials), or nobody (public). */
export type As = { sub?: string; groups: string[] } | { clientId: string; scopes: string[] } | { citizen: Citizen } | 'public' | 'nobody';

export const desk: As = { sub: 'desk-officer', groups: ['desk'] };
export const operator: As = { sub: 'operator-1', groups: ['operator'] };
export const officerOf = (agency: string, sub = `officer-${agency.toLowerCase()}`): As => ({ sub, groups: [`agency-${agency}`] });

export interface Call {
  as?: As;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A value is sent as JSON; a string as it is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Answer<T = any> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

const context = {
  functionName: 'motcua-unit',
  awsRequestId: 'unit-request',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

/** The session token a `{ citizen }` caller sends; answer its GetItem with `sessionItem(citizen)`. */
export const CITIZEN_TOKEN = 'unit-citizen-session-token-0000000000000000';
export const citizenSessionKey = () => sessionKey(CITIZEN_TOKEN);
/** The stored session of a citizen (valid for a day from now): `ddb.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: sessionItem(c) })`. */
export const sessionItem = (citizen: Citizen) => ({
  ...sessionKey(CITIZEN_TOKEN),
  citizen,
  createdAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 86400_000).toISOString(),
});

/** Build the event API Gateway would send for this route and call. */
export function eventFor(route: AnyRoute, call: Call = {}): ApiEvent {
  const params = call.params ?? {};
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const as = call.as ?? 'public';
  const claims =
    as === 'public' || as === 'nobody' || 'citizen' in as
      ? undefined
      : 'clientId' in as
        ? { sub: as.clientId, client_id: as.clientId, scope: as.scopes.join(' '), token_use: 'access' }
        : { sub: as.sub ?? 'officer', 'cognito:groups': as.groups, token_use: 'id' };
  const body = call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath,
    rawQueryString: new URLSearchParams(call.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...(typeof as === 'object' && 'citizen' in as ? { authorization: `Bearer ${CITIZEN_TOKEN}` } : {}), ...(call.headers ?? {}) },
    queryStringParameters: call.query,
    pathParameters: Object.keys(params).length ? params : undefined,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'unit',
      domainName: 'unit.local',
      domainPrefix: 'unit',
      http: { method: route.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'unit' },
      requestId: 'unit-request',
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: '07/Dec/2026:09:00:00 +0000',
      timeEpoch: 0,
      // as the API's Lambda authorizer passes the verified claims on (functions/commons/authorizer.ts)
      authorizer: claims ? { lambda: contextOf(claims) } : undefined,
    },
  } as unknown as ApiEvent;
}

/** Call a route as its function would serve it; the answer's JSON body parsed. */
export async function invoke<T = any>(route: AnyRoute, call: Call = {}): Promise<Answer<T>> {
  const result = await serveRoute(route)(eventFor(route, call), context);
  return {
    status: result.statusCode ?? 200,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: result.body ? JSON.parse(result.body) : undefined,
  };
}
