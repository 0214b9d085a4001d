import { isCitizenFacing } from '../core/roles';
import * as z from 'zod';
import { apiFunctions } from '../api';
import type { AnyRoute } from '../commons/route';

/** A route and the function that serves it (functions/api/). */
type RouteSpec = Pick<AnyRoute, 'method' | 'path' | 'roles'> & { function: string };
const routes: RouteSpec[] = apiFunctions.flatMap((f) => f.routes.map((r) => ({ method: r.method, path: r.path, roles: r.roles, function: f.name })));
import { Problem } from './responses';
import { pathParameters, routeContracts, type RouteContract } from './routes';

type Json = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: `errors` names each wrong field',
  401: 'Not signed in',
  403: 'Signed in, but not one of the roles (or not an officer of that agency)',
  404: 'No such resource (or not visible to the caller)',
  409: 'Conflicts with the current state (already decided, not paused, …)',
  413: 'Body over 256 KB',
  422: 'Well-formed but not acceptable (unknown procedure, too late, …)',
  429: 'Too many wrong PINs: locked for a while',
  500: 'Unexpected error',
  503: 'A dependency is unavailable, or the calendar year is missing; retry later',
};

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect); requests as the client sends them. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', reused: 'inline' }) as Json;
  delete out.$schema;
  return out;
}

const problemRef = { $ref: '#/components/schemas/Problem' };

function operation(route: RouteSpec, c: RouteContract): Json {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const query = c.query ? (schemaOf(c.query, 'input') as { properties?: Record<string, Json>; required?: string[] }) : undefined;
  const parameters = [
    ...names.map((name) => ({ name, in: 'path', required: true, schema: schemaOf(pathParameters[name] ?? z.string(), 'input') })),
    ...Object.entries(query?.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: query?.required?.includes(name) ?? false, schema })),
    ...(c.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: h.required, description: h.description, schema: { type: 'string' } })),
  ];
  const isPublic = isCitizenFacing(route.roles);
  const errors = [...new Set([400, ...c.errors, 500, 503])].sort((a, b) => a - b);
  return {
    operationId: c.operationId,
    summary: c.summary,
    tags: [route.path.split('/')[1]],
    'x-roles': route.roles,
    'x-function': route.function,
    security: route.roles.includes('citizen') ? [{ citizen: [] }] : isPublic ? [] : [{ officer: route.roles.filter((r) => r !== 'authenticated') }],
    ...(parameters.length ? { parameters } : {}),
    ...(c.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(c.body, 'input') } } } } : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(c.responses).map(([status, schema]) => [status, { description: 'Success', content: { 'application/json': { schema: schemaOf(schema, 'output') } } }]),
      ),
      ...Object.fromEntries(errors.map((s) => [String(s), { description: ERROR_TEXT[s] ?? 'Error', content: { 'application/problem+json': { schema: problemRef } } }])),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the API, made from the registry (paths, roles) and the zod
 * schemas (requests from the handlers, answers from ./responses). Served at /openapi.json
 * (written into web/dist by the web build; the local gateway and CloudFront serve it), read at /docs.
 */
export function openApiDocument(): Json {
  const paths: Record<string, Record<string, Json>> = {};
  // sorted, so that the document (and the web types made from it) does not depend on where a route is declared
  const sorted = [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  for (const route of sorted) {
    const key = `${route.method} ${route.path}`;
    const c = routeContracts[key];
    if (!c) throw new Error(`No contract for ${key} in functions/contracts/routes.ts`);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, c);
  }
  const problem = schemaOf(Problem, 'output');
  delete problem.id;
  return {
    openapi: '3.1.0',
    info: {
      title: 'motcua API',
      version: '1',
      description:
        'One-stop shop for administrative-procedure dossiers. Officers sign in (Cognito; locally POST /_local/tokens) and send `Authorization: Bearer <JWT>`; ' +
        'the `x-roles` of each operation say who may call it (`agency` = a member of a group agency-<CODE>, narrowed to that agency by the handler). ' +
        'Citizens use the /public routes with the dossier code and the PIN in `X-Lookup-Pin`. Every error is application/problem+json.',
    },
    servers: [{ url: '/api', description: 'Behind the same origin as the pages' }],
    paths,
    components: {
      schemas: { Problem: problem },
      securitySchemes: {
        officer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token; groups desk, operator, agency-<CODE>' },
        citizen: { type: 'http', scheme: 'bearer', description: "A citizen's session after the national sign-in (POST /public/sign-in): an opaque token" },
      },
    },
  };
}
