import { timingSafeEqual } from 'node:crypto';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { callerOf, hasRole, hasScopeFor, type Caller } from './access';
import { HttpProblem, badRequest, json, localised, jsonBody, parse, problem, type ApiResult } from './http';
import { idempotencyKeyOf } from './idempotency-key';
import { dossierCode } from './params';
import { injectLambdaContext, logger, reportDirectCall, reportMissingCalendar } from './powertools';
import { routeKey, type AnyRoute, type ApiEvent } from './route';
import type { Dossier } from '../core/dossier';
import type { Citizen } from '../core/citizen';
import { isCitizenFacing } from '../core/roles';
import { citizenOf, citizenRef } from './citizen-session';

const CitizenPath = z.object({ code: dossierCode });

const PUBLIC_CALLER: Caller = { sub: 'public', groups: [] };

/** No request of this API needs more (API Gateway alone would take 10 MB). */
const MAX_BODY_BYTES = 256 * 1024;

const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'TimeoutError', 'ServiceUnavailable']);

/** A dependency that cannot be reached (DynamoDB, Step Functions), however deep in the causes. */
function isUnavailable(error: unknown, depth = 0): boolean {
  const e = error as { name?: string; code?: string; cause?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
  if (!e || depth > 4) return false;
  if (UNAVAILABLE.has(e.code ?? '') || UNAVAILABLE.has(e.name ?? '') || e.$metadata?.httpStatusCode === 503) return true;
  return isUnavailable(e.cause, depth + 1);
}

function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if ((error as Error)?.name === 'MissingCalendarYearError') {
    reportMissingCalendar(error as Error);
    return new HttpProblem(503, 'Service Unavailable', `${(error as Error).message}: an operator must PUT /calendars/{year}`);
  }
  if (isUnavailable(error)) {
    return new HttpProblem(503, 'Service Unavailable', 'A dependency is unavailable; retry later', undefined, {
      'retry-after': '5',
    });
  }
  return new HttpProblem(500, 'Internal Server Error', 'Unexpected error');
}

/**
 * The JSON body, parsed with the route's schema. An absent body is taken as `{}` (a body whose
 * fields are all optional may be left out); if `{}` is not enough, the answer names `body`.
 */
function parseBody<B>(schema: z.ZodType<B>, value: unknown): B {
  if (value !== undefined) return parse(schema, value);
  const empty = schema.safeParse({});
  if (empty.success) return empty.data;
  throw badRequest('The body is required', [{ field: 'body', code: 'required', message: 'Required' }]);
}

/** The header CloudFront adds to every request it sends the API (infra/constructs/web.ts). */
export const ORIGIN_HEADER = 'x-motcua-origin';

/**
 * On AWS the API answers only what came through the distribution (its WAF, its per-client
 * limits, the viewer's address it forwards for the PIN limits): CloudFront adds ORIGIN_HEADER
 * with the value the stack also gives the functions as ORIGIN_VERIFY. A direct call to the
 * execute-api URL lacks it. Locally (no ORIGIN_VERIFY) every request passes.
 */
function throughOrigin(event: ApiEvent): boolean {
  const expected = process.env.ORIGIN_VERIFY;
  if (!expected) return true;
  const got = Buffer.from(event.headers?.[ORIGIN_HEADER] ?? '');
  const want = Buffer.from(expected);
  return got.length === want.length && timingSafeEqual(got, want);
}

const queryOf = (event: ApiEvent) => event.queryStringParameters ?? {};

/**
 * One route behind its checks: the roles and scopes it declares, the citizen's PIN, the
 * Idempotency-Key, then its params, query and body parsed with its schemas; the handler's reply
 * becomes JSON and every error problem+json.
 */
export function serveRoute(route: AnyRoute): (event: ApiEvent, context: Context) => Promise<ApiResult> {
  const key = routeKey(route);
  const isPublic = isCitizenFacing(route.roles);
  const forCitizen = route.roles.includes('citizen');
  const run = async (event: ApiEvent, context: Context, caller: Caller, dossier: Dossier | undefined, citizen: Citizen | undefined) => {
    const params = route.params ? parse(route.params, event.pathParameters ?? {}, 'path') : event.pathParameters ?? {};
    const query = route.query ? parse(route.query, queryOf(event), 'query') : queryOf(event);
    const body = route.body ? parseBody(route.body, jsonBody(event)) : undefined;
    const reply = await route.handler({ event, caller, lambda: context, dossier, citizen, params, query, body });
    return json(reply.status, reply.body, reply.headers);
  };
  return async (event, context) => {
    try {
      if (!throughOrigin(event)) {
        reportDirectCall(key);
        throw new HttpProblem(403, 'Forbidden', "Hãy gọi API qua địa chỉ của trung tâm (<WebUrl>/api), không gọi thẳng địa chỉ của API Gateway / Call the API through the centre's address (<WebUrl>/api), not API Gateway's own");
      }
      if ((event.body?.length ?? 0) > MAX_BODY_BYTES) {
        throw new HttpProblem(413, 'Content Too Large', `The body is over ${MAX_BODY_BYTES / 1024} KB`, [{ field: 'body', message: 'Too large' }]);
      }
      let caller = PUBLIC_CALLER;
      if (!isPublic) {
        const signedIn = await callerOf(event);
        if (!signedIn) throw new HttpProblem(401, 'Unauthorized', 'Sign in first');
        if (!hasScopeFor(signedIn, route.scopes)) {
          throw new HttpProblem(403, 'Forbidden', `An agency system needs one of the scopes: ${route.scopes?.join(', ') || '(none: officers only)'}`);
        }
        if (!route.roles.some((role) => hasRole(signedIn, role))) {
          throw new HttpProblem(403, 'Forbidden', `This route is for: ${route.roles.join(', ')}`);
        }
        caller = signedIn;
      }
      // A signed-in citizen's route: the session first (an officer's token is no session).
      const citizen = forCitizen ? await citizenOf(event) : undefined;
      if (forCitizen && !citizen) {
        throw new HttpProblem(401, 'Unauthorized', 'Hãy đăng nhập bằng tài khoản định danh quốc gia / Sign in with the national identity first', undefined, {
          'www-authenticate': 'Bearer realm="motcua-citizen"',
        });
      }
      // The PIN is checked on every request, a replay too: a replay is no free guess.
      const dossier = route.citizen ? await route.citizen(event, parse(CitizenPath, event.pathParameters, 'path').code) : undefined;
      // Every POST honours an Idempotency-Key: a retry gets the first answer and changes nothing.
      const idempotencyKey = route.idempotency ? idempotencyKeyOf(event.headers) : undefined;
      if (!idempotencyKey) return await run(event, context, caller, dossier, citizen);
      const request = { path: event.pathParameters ?? {}, body: event.body ?? '' };
      const who = citizen ? citizenRef(citizen) : caller.sub === 'public' ? `public:${event.pathParameters?.code ?? ''}` : caller.sub;
      return await route.idempotency!(key, who, idempotencyKey, request, context, () => run(event, context, caller, dossier, citizen));
    } catch (error) {
      const p = toProblem(error);
      if (p.status >= 500) logger.error('request failed', { route: key, error: error as Error });
      else logger.info('request refused', { route: key, status: p.status });
      return problem(localised(p, event.headers), event.rawPath);
    }
  };
}

/**
 * One Lambda function serving a table of routes (Powertools' Router, middy's http-router): API
 * Gateway names the matched route in `event.routeKey`, and the function runs that route.
 */
export function apiRouter(routes: readonly AnyRoute[]) {
  const table = new Map<string, ReturnType<typeof serveRoute>>();
  for (const route of routes) {
    const key = routeKey(route);
    if (table.has(key)) throw new Error(`Route ${key} is declared twice`);
    table.set(key, serveRoute(route));
  }
  // Just before the function's own timeout, answer 503 with Retry-After rather than dying with a 500.
  const tooSlow = () =>
    problem(new HttpProblem(503, 'Service Unavailable', 'The request took too long; retry later', undefined, { 'retry-after': '1' }));
  const handler = middy<ApiEvent, ApiResult>({ timeoutEarlyInMillis: 500, timeoutEarlyResponse: tooSlow })
    .use(injectLambdaContext(logger))
    .handler(async (event, context) => {
      const serve = table.get(event.routeKey);
      if (!serve) return problem(new HttpProblem(404, 'Not Found', `No route ${event.routeKey} in this function`), event.rawPath);
      return serve(event, context);
    });
  return Object.assign(handler, { routes });
}
