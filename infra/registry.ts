/**
 * The one registry of functions, routes and state machines.
 * The CDK stack (infra/stack.ts) and the local runtime (infra/local/) both read it,
 * so what runs on AWS and what runs on one machine cannot drift.
 */

import { apiFunctions } from '../functions/api';
import { type Access, type AnyRoute, type Method, type TableAction, TABLE_ACCESS, tableActions } from '../functions/commons/route';
import type { Role, Scope } from '../functions/core/roles';

export type { Role, Scope } from '../functions/core/roles';
export { allScopes, resourceServer } from '../functions/core/roles';
export type { DocumentAccess, TableAction } from '../functions/commons/route';

export interface FunctionSpec {
  /** Logical name; also the folder under functions/. */
  name: string;
  /** Entry file relative to the project root; exports `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** What the function may touch: the stack grants exactly this (an API function: the union of its routes'). */
  access: Access;
}

/** An SQS queue and the function its event source mapping invokes (same shape on AWS and locally). */
export interface QueueSpec {
  name: string;
  consumer: string;
  /** Environment variable that gives functions the queue's URL. */
  urlEnv: string;
  batchSize: number;
  /** The event source mapping's maximum concurrency (also the number of senders sharing the rate). */
  maxConcurrency: number;
  visibilityTimeoutSeconds: number;
  /** Receives before a message goes to the dead-letter queue (waiting re-queues, it never counts). */
  maxReceiveCount: number;
  retentionDays: number;
}

export interface RouteSpec {
  method: Method;
  /** HTTP API path with {params}. */
  path: string;
  function: string;
  /** Roles allowed; the handler narrows further (e.g. which agency). */
  roles: Role[];
  /**
   * Scopes an agency's system (client-credentials token) may call the route with; it then acts as
   * an officer of its agency (role `agency`). No scopes: officers only.
   */
  scopes?: Scope[];
}

export interface StateMachineSpec {
  name: string;
  definitionFile: string;
  /** `${Key}` in the ASL → the ARN of the named function. */
  functionSubstitutions: Record<string, string>;
}

/**
 * The citizen's routes check the code and PIN first (functions/commons/lookup.ts): the guard reads
 * its counters in one BatchGetItem, then updates or deletes them.
 */
const CITIZEN_READS: TableAction[] = ['GetItem', 'Query', 'BatchGetItem', 'UpdateItem', 'DeleteItem'];
/** …and writing ones record too, under an Idempotency-Key (PutItem, as `read-write`). */
const CITIZEN_WRITES: TableAction[] = [...TABLE_ACCESS['read-write'], 'BatchGetItem'];

const fn = (
  name: string,
  description: string,
  access: FunctionSpec['access'],
  timeoutSeconds = 10,
): FunctionSpec => ({
  name,
  entry: `functions/${name}/handler.ts`,
  description,
  timeoutSeconds,
  memoryMb: 256,
  access,
});

/** The functions that serve no route: the workflow's tasks, the email sender and recorder, the scheduled jobs, the API's authorizer. */
const taskFunctions: FunctionSpec[] = [
  // The dossier workflow's tasks (stage, step, letters) in one function: functions/workflow/handler.ts
  fn('workflow', 'Workflow tasks: open and close stages, check and wait for steps, record and queue letters', {
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    sendTaskResult: true,
    emailQueue: true,
  }, 30),
  // The outbox (docs/outbox.md): the table's stream and a 2-minute schedule; derives, records and sends events to the national portal
  fn('sync-outbox', "Outbox: record a dossier's events from its facts, send them to the National Public Service Portal in order", {
    table: ['Query', 'PutItem', 'UpdateItem'],
    nationalPortalSecret: true,
  }, 60),
  fn('anonymise-closed', 'Scheduled: anonymise closed dossiers past their retention', { table: ['GetItem', 'Query', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'], documents: ['delete'] }, 60),
  fn('check-lapses', 'Scheduled: warn the desk of lapsed online checks (once per check period); hand back fully online results not downloaded in time', { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], emailQueue: true, sendTaskResult: true }, 60),
  fn('send-email', 'Email queue consumer: claim, send at the rate SES allows, record the message id', { table: ['GetItem', 'Query', 'UpdateItem'], sendEmail: true, emailQueue: true }, 30),
  fn('record-delivery', "SES events (EventBridge): record each letter's delivery", { table: ['GetItem', 'PutItem', 'UpdateItem'] }),
  // The HTTP API's Lambda authorizer (infra/constructs/api.ts): verifies the user pool's JWTs and reads
  // whether an agency system's client is registered (CLIENT#<clientId>), nothing else.
  fn('authorizer', "API authorizer: verify the user pool's tokens; an agency system's client must be registered (CLIENT#<clientId>)", { table: ['GetItem'] }),
];

export const queues: QueueSpec[] = [
  {
    name: 'emails',
    consumer: 'send-email',
    urlEnv: 'EMAIL_QUEUE_URL',
    batchSize: 10,
    maxConcurrency: 2,
    // six times the consumer's timeout, as AWS advises for event source mappings
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    retentionDays: 14,
  },
];

const TABLE_ORDER: TableAction[] = ['GetItem', 'Query', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'];

/** The union of what routes need: a function is granted exactly what its routes declare. */
export function unionAccess(needs: readonly Access[]): Access {
  const documents = [...new Set(needs.flatMap((n) => n.documents ?? []))].sort();
  const flag = (k: Exclude<keyof Access, 'table' | 'documents'>) => (needs.some((n) => n[k]) ? { [k]: true } : {});
  const table = new Set(needs.flatMap((n) => tableActions(n)));
  const shorthand = (Object.keys(TABLE_ACCESS) as (keyof typeof TABLE_ACCESS)[]).find(
    (k) => TABLE_ACCESS[k].length === table.size && TABLE_ACCESS[k].every((a) => table.has(a)),
  );
  return {
    table: shorthand ?? TABLE_ORDER.filter((a) => table.has(a)),
    ...flag('startExecution'),
    ...flag('describeExecution'),
    ...flag('listExecutions'),
    ...flag('sendTaskResult'),
    ...flag('sendEmail'),
    ...flag('agencyGroups'),
    ...flag('emailQueue'),
    ...flag('citizenSignInSecret'),
    ...flag('nationalPortalSecret'),
    ...flag('paymentHubSecret'),
    ...(documents.length ? { documents } : {}),
  };
}

/** The API's functions by trust boundary (functions/api/), each granted the union of its routes' access. */
const apiFunctionSpecs: FunctionSpec[] = apiFunctions
  .filter((f) => f.routes.length > 0)
  .map((f) => ({
    name: f.name,
    entry: f.entry,
    description: f.description,
    timeoutSeconds: Math.max(10, ...f.routes.map((r) => r.timeoutSeconds ?? 10)),
    memoryMb: 256,
    access: unionAccess(f.routes.map((r) => r.access)),
  }));

const specOf = (fnName: string, r: AnyRoute): RouteSpec => ({
  method: r.method,
  path: r.path,
  function: fnName,
  roles: r.roles,
  ...(r.scopes ? { scopes: r.scopes } : {}),
});

export const functions: FunctionSpec[] = [...apiFunctionSpecs, ...taskFunctions];

/** Every route, with the function that serves it: derived from the route modules. */
export const routes: RouteSpec[] = apiFunctions.flatMap((f) => f.routes.map((r) => specOf(f.name, r)));

export const stateMachines: StateMachineSpec[] = [
  {
    name: 'dossier',
    definitionFile: 'statemachines/dossier.asl.json',
    functionSubstitutions: {
      WorkflowFunctionArn: 'workflow',
    },
  },
];

/**
 * The single table's key schema: `PK`/`SK`, string keys, and each index keyed `<name>PK` /
 * `<name>SK` projecting everything. The stack's table and the local one are both made from it.
 */
export const table = {
  ttlAttribute: 'expiresAt',
  indexes: [
    { name: 'GSI1', purpose: 'agency queues (QUEUE#<agency>), open dossiers (OPEN#<n>, 16 shards) and the desk search index (SEARCH#<hash>)' },
    { name: 'GSI2', purpose: 'logbooks and reports (LOG#<agency>#<local yyyy-mm>)' },
  ],
} as const;

export function functionSpec(name: string): FunctionSpec {
  const spec = functions.find((f) => f.name === name);
  if (!spec) throw new Error(`Unknown function ${name}`);
  return spec;
}
