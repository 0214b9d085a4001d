import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import * as z from 'zod';
import { legacyRoutes as routes } from '../../infra/legacy-routes';
import { callerOf, hasRole, hasScopeFor, type Caller } from './access';
import { HttpProblem, parse, problem, type ApiResult } from './http';
import type { Once } from './idempotency';
import { idempotencyKeyOf } from './idempotency-key';
import { dossierCode } from './params';
import { logger, reportMissingCalendar } from './powertools';
import type { Dossier } from '../core/dossier';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export interface ApiContext {
  /** The signed-in caller; on the citizen's public routes, an anonymous one (`sub` = 'public'). */
  caller: Caller;
  lambda: Context;
  /** On the citizen's routes (option `citizen`): the dossier whose code and PIN were checked. */
  dossier?: Dossier;
}

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
 * Wrap a legacy route handler: the route's roles come from the registry's legacy routes (one place), the caller is
 * taken from the verified JWT, and every error leaves as problem+json.
 */
export function apiHandler(
  routeKey: string,
  fn: (event: ApiEvent, ctx: ApiContext) => Promise<ApiResult>,
  options: {
    /** POST routes pass `once` from ./idempotency (kept out of the GET functions' bundles). */
    idempotency?: Once;
    /** The route handles its Idempotency-Key itself (POST /dossiers). */
    ownIdempotency?: boolean;
    /**
     * The citizen's routes pass `dossierForCitizen` from ./lookup: the code and PIN are checked
     * (and counted) before anything else, a replayed Idempotency-Key included.
     */
    citizen?: (event: ApiEvent, code: string) => Promise<Dossier>;
  } = {},
) {
  const route = routes.find((r) => `${r.method} ${r.path}` === routeKey);
  if (!route) throw new Error(`Route ${routeKey} is not in the registry`);
  // Just before the function's own timeout, answer 503 with Retry-After rather than dying with a 500.
  const tooSlow = () =>
    problem(new HttpProblem(503, 'Service Unavailable', 'The request took too long; retry later', undefined, { 'retry-after': '1' }));
  const handler = middy<ApiEvent, ApiResult>({ timeoutEarlyInMillis: 500, timeoutEarlyResponse: tooSlow })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      try {
        if ((event.body?.length ?? 0) > MAX_BODY_BYTES) {
          throw new HttpProblem(413, 'Content Too Large', `The body is over ${MAX_BODY_BYTES / 1024} KB`, [{ field: 'body', message: 'Too large' }]);
        }
        let caller = PUBLIC_CALLER;
        if (!route.roles.includes('public')) {
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
        // The PIN is checked on every request, a replay too: a replay is no free guess.
        const dossier = options.citizen
          ? await options.citizen(event, parse(CitizenPath, event.pathParameters, 'path').code)
          : undefined;
        // Every POST honours an Idempotency-Key: a retry gets the first answer and changes nothing.
        const key = options.idempotency ? idempotencyKeyOf(event.headers) : undefined;
        if (!key) return await fn(event, { caller, lambda: context, dossier });
        const request = { path: event.pathParameters ?? {}, body: event.body ?? '' };
        return await options.idempotency!(routeKey, caller.sub === 'public' ? `public:${event.pathParameters?.code ?? ''}` : caller.sub, key, request, context, () =>
          fn(event, { caller, lambda: context, dossier }),
        );
      } catch (error) {
        const p = toProblem(error);
        if (p.status >= 500) logger.error('request failed', { route: routeKey, error: error as Error });
        else logger.info('request refused', { route: routeKey, status: p.status });
        return problem(p, event.rawPath);
      }
    });
  // every POST route must honour an Idempotency-Key: test/unit... checks this marker
  return Object.assign(handler, { honoursIdempotencyKey: Boolean(options.idempotency || options.ownIdempotency) });
}
