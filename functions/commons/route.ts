import type { APIGatewayProxyEventV2WithLambdaAuthorizer, Context } from 'aws-lambda';
import type * as z from 'zod';
import type { Role, Scope } from '../core/roles';
import type { Dossier } from '../core/dossier';
import type { Citizen } from '../core/citizen';
import type { Caller } from './access';
import type { AuthorizerContext } from './authorizer';
import type { Once } from './idempotency';

/** What the API's functions receive: the claims of the Lambda authorizer (functions/authorizer, `requestContext.authorizer.lambda`). */
export type ApiEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<AuthorizerContext>;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a document-handling route may do in the documents bucket:
 * - `sign-upload`: s3:PutObject on uploads/* and drafts/* (the credentials behind a presigned POST);
 * - `verify`: s3:GetObject on uploads/* and drafts/* (HeadObject, hashing) and s3:PutObject on
 *   dossiers/* (the copy of a verified upload);
 * - `read`: s3:GetObject and s3:GetObjectTagging on dossiers/* (the scan tag, then a presigned GET);
 * - `delete`: list and delete every version under dossiers/* (anonymisation).
 */
export type DocumentAccess = 'sign-upload' | 'verify' | 'read' | 'delete';

/** The DynamoDB actions code sends to the table (lib-dynamodb's Get → GetItem, Put → PutItem, …). */
export type TableAction = 'GetItem' | 'Query' | 'BatchGetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem' | 'TransactWriteItems';

/**
 * The table's shorthands: `read` is GetItem and Query (every reader); `read-write` adds PutItem,
 * UpdateItem and DeleteItem (what most writers send, and what an Idempotency-Key's record needs:
 * functions/commons/idempotency.ts). Code that sends something else lists its actions: the role
 * is granted exactly these, and test/infra/iam-calls.test.ts checks them against the bundle.
 */
export const TABLE_ACCESS: Record<'read' | 'read-write', readonly TableAction[]> = {
  read: ['GetItem', 'Query'],
  'read-write': ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
};

/** The DynamoDB actions an access grants on the table. */
/**
 * The citizen's routes check the code and PIN first (functions/commons/lookup.ts): the guard reads
 * its counters in one BatchGetItem, then updates or deletes them.
 */
export const CITIZEN_READS: readonly TableAction[] = ['GetItem', 'Query', 'BatchGetItem', 'UpdateItem', 'DeleteItem'];
/** …and writing ones record too, under an Idempotency-Key (PutItem, as `read-write`). */
export const CITIZEN_WRITES: readonly TableAction[] = [...TABLE_ACCESS['read-write'], 'BatchGetItem'];

export const tableActions = (access: Pick<Access, 'table'>): readonly TableAction[] =>
  typeof access.table === 'string' ? TABLE_ACCESS[access.table] : access.table;

/** Whether an access writes the table (its key then also encrypts). */
export const writesTable = (access: Pick<Access, 'table'>): boolean =>
  tableActions(access).some((a) => !['GetItem', 'Query', 'BatchGetItem'].includes(a));

/** What code may touch. A route declares its own; a function is granted the union of its routes'. */
export interface Access {
  /** A shorthand (TABLE_ACCESS), or exactly the DynamoDB actions the code sends. */
  table: 'read' | 'read-write' | readonly TableAction[];
  /** StartExecution (a dossier's workflow). */
  startExecution?: boolean;
  /** DescribeExecution (read the dossiers' executions). */
  describeExecution?: boolean;
  /** ListExecutions on the dossier state machine (its stopped executions, by status). */
  listExecutions?: boolean;
  sendTaskResult?: boolean;
  sendEmail?: boolean;
  /** cognito-idp:CreateGroup on the user pool (USER_POOL_ID set): an agency's group `agency-<CODE>`. */
  agencyGroups?: boolean;
  /** May put messages on the email queue. */
  emailQueue?: boolean;
  /** The documents bucket (infra/constructs/documents.ts grants exactly these). */
  documents?: DocumentAccess[];
  /**
   * secretsmanager:GetSecretValue on the one secret the centre's `citizenSignIn.clientSecretName`
   * names (the national sign-in's client secret; functions/commons/secrets.ts).
   */
  citizenSignInSecret?: boolean;
  /** secretsmanager:GetSecretValue on the national portal's account (config/<centre>/national-portal.json's secretName), and its config as NATIONAL_PORTAL. */
  nationalPortalSecret?: boolean;
  /**
   * The payment hub (the centre's `paymentHub`: docs/fees.md): its address (PAYHUB_URL) and
   * secretsmanager:GetSecretValue on its shared secret (PAYHUB_SECRET_NAME).
   */
  paymentHubSecret?: boolean;
}

/** A request header the route reads (documented in OpenAPI). */
export interface HeaderSpec {
  name: string;
  required: boolean;
  description: string;
}
export const IDEMPOTENCY_HEADER: HeaderSpec = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key and body gets the first answer and changes nothing',
};
export const PIN_HEADER: HeaderSpec = { name: 'X-Lookup-Pin', required: true, description: 'The PIN printed on the receipt (never in the URL)' };
/** Officers' routes answer these when the caller is not signed in, or not allowed. */
export const OFFICER_ERRORS = [401, 403];

export type Responses = Record<number, z.ZodType>;

/** A handler's answer: one of the route's declared statuses with a body of that status's schema. */
export type Reply<R extends Responses> = {
  [K in keyof R & number]: { status: K; body: z.input<R[K]>; headers?: Record<string, string> };
}[keyof R & number];

/** An answer: `reply(202, body)` keeps the status a literal, so it is checked against the route's responses. */
export const reply = <S extends number, T>(status: S, body: T, headers?: Record<string, string>) => ({ status, body, ...(headers ? { headers } : {}) });

export interface RouteRequest<P, Q, B> {
  event: ApiEvent;
  /** The signed-in caller; on the citizen's public routes, an anonymous one (`sub` = 'public'). */
  caller: Caller;
  lambda: Context;
  /** On the citizen's routes (`citizen`): the dossier whose code and PIN were checked. */
  dossier?: Dossier;
  /** On the signed-in citizen's routes (role `citizen`): who the session's national sign-in vouched for. */
  citizen?: Citizen;
  /** Path parameters, parsed with `params`. */
  params: P;
  /** Query string, parsed with `query`. */
  query: Q;
  /** JSON body, parsed with `body` (an absent body is parsed as `{}`). */
  body: B;
}

/**
 * One route, declared once: the registry, the API Gateway routes, the local gateway, the access
 * matrix, `/openapi.json` and the web client's types are all derived from these declarations.
 */
export interface Route<P = unknown, Q = unknown, B = unknown, R extends Responses = Responses> {
  method: Method;
  /** HTTP API path with {params}. */
  path: string;
  summary: string;
  operationId: string;
  /** Roles allowed; the handler narrows further (e.g. which agency). */
  roles: Role[];
  /**
   * Scopes an agency's system (client-credentials token) may call the route with; it then acts as
   * an officer of its agency (role `agency`). No scopes: officers only.
   */
  scopes?: Scope[];
  /** What the handler touches: its function is granted the union of its routes' access. */
  access: Access;
  /** Seconds the route may take (the function's timeout is the largest of its routes'). */
  timeoutSeconds?: number;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Success status → schema of the JSON answer. */
  responses: R;
  /** Error statuses answered with problem+json, besides 400 (input) and 500/503. */
  errors: number[];
  /** Headers the route reads (documented). */
  headers?: HeaderSpec[];
  /** POST routes pass `once` from ./idempotency (kept out of bundles that need none). */
  idempotency?: Once;
  /** The route handles its Idempotency-Key itself (POST /dossiers). */
  ownIdempotency?: boolean;
  /**
   * The citizen's routes pass `dossierForCitizen` from ./lookup: the code and PIN are checked
   * (and counted) before anything else, a replayed Idempotency-Key included.
   */
  citizen?: (event: ApiEvent, code: string) => Promise<Dossier>;
  handler: (request: RouteRequest<P, Q, B>) => Promise<NoInfer<Reply<R>>>;
}

/** Any route, for tables of routes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = Route<any, any, any, any>;

/** Declare a route; types flow from its schemas into its handler and its answers. */
export function defineRoute<P = undefined, Q = undefined, B = undefined, R extends Responses = Responses>(route: Route<P, Q, B, R>): Route<P, Q, B, R> {
  return route;
}

export const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;
