/**
 * The one registry of functions, routes and state machines.
 * The CDK stack (infra/stack.ts) and the local runtime (infra/local/) both read it,
 * so what runs on AWS and what runs on one machine cannot drift.
 */

import { apiFunctions } from '../functions/api';
import { type Access, type AnyRoute, type Method, type TableAction, TABLE_ACCESS, tableActions } from '../functions/commons/route';
import type { Role, Scope } from '../functions/core/roles';
import { legacyRoutes } from './legacy-routes';

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

/** Functions that serve one legacy route each, or a task (moving to route modules: functions/api/). */
const legacyFunctions: FunctionSpec[] = [
  fn('create-dossier', 'Receive a dossier at the one-stop desk', { table: 'read-write', startExecution: true, documents: ['verify'] }),
  fn('get-dossier', 'Read a dossier with its steps', { table: 'read' }),
  fn('put-procedure', 'Publish a new version of a procedure', { table: ['GetItem', 'Query', 'PutItem'] }),
  fn('list-agency-tasks', "An agency's queue of pending steps", { table: 'read' }),
  fn('get-control-sheet', 'The control sheet (form 06) of a dossier', { table: 'read' }),
  fn('get-logbook', "An agency's logbook (form 07) for a day", { table: 'read' }),
  fn('get-timeliness-report', 'Operator: early / on time / late steps and dossiers over a period', { table: 'read' }, 29),
  fn('report-delay', 'An agency reports a delay before its due time', { table: 'read-write', sendTaskResult: true }),
  fn('supply-documents', 'The desk records a supplement', { table: 'read-write', sendTaskResult: true }),
  fn('resume-dossier', 'Operator: resume the workflow of a dossier', { table: 'read-write', startExecution: true, describeExecution: true }),
  fn('list-dossiers', 'Operator: the open dossiers whose workflow failed', { table: 'read', describeExecution: true }, 29),
  fn('public-lookup', 'Citizen: look a dossier up with code and PIN', { table: CITIZEN_READS }),
  fn('public-supplement', 'Citizen: send a supplement with code and PIN', { table: CITIZEN_WRITES, sendTaskResult: true }),
  fn('public-rating', 'Citizen: rate the service once, after the result', { table: CITIZEN_WRITES }),
  fn('get-calendar', "Read a year's working calendar", { table: 'read' }),
  fn('put-calendar', "Replace a year's working calendar", { table: ['GetItem', 'Query', 'PutItem'] }),
  fn('workflow-stage', 'Workflow task: open the next stage / close the current one', { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] }),
  fn('workflow-step', 'Workflow task: wait for an agency step, record lapses', {
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
    sendTaskResult: true,
  }),
  fn('notify-citizen', 'Workflow task: record and queue one email per (dossier, event)', { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], emailQueue: true }, 30),
  fn('anonymise-closed', 'Scheduled: anonymise closed dossiers past their retention', { table: ['GetItem', 'Query', 'UpdateItem', 'DeleteItem'], documents: ['delete'] }, 60),
  fn('export-applicant', 'Operator: everything held about one applicant', { table: 'read' }),
  // documents (functions/core/documents.ts): presigned POST → complete (verified, recorded) → presigned GET
  fn('draft-document', 'Desk: a presigned POST for a document before the dossier exists', { table: 'read-write', documents: ['sign-upload'] }),
  fn('upload-document', 'Officers: a presigned POST for a document of a dossier', { table: 'read-write', documents: ['sign-upload'] }),
  fn('complete-document', 'Officers: verify an uploaded document and record it on the dossier', { table: 'read-write', documents: ['verify'] }, 29),
  fn('get-document', 'Officers: a short-lived presigned GET for a document scanned clean', { table: 'read', documents: ['read'] }),
  fn('public-upload-document', 'Citizen: a presigned POST for a supplement document', { table: CITIZEN_WRITES, documents: ['sign-upload'] }),
  fn('public-complete-document', "Citizen: verify an uploaded supplement document and record it", { table: CITIZEN_WRITES, documents: ['verify'] }, 29),
  fn('public-get-document', 'Citizen: a presigned GET for their own documents and the result', { table: CITIZEN_READS, documents: ['read'] }),
  fn('list-agencies', 'List the agencies of the catalogue', { table: 'read' }),
  fn('put-agency', 'Operator: add or change an agency (and create its Cognito group)', { table: ['GetItem', 'Query', 'PutItem'], agencyGroups: true }),
  fn('send-email', 'Email queue consumer: claim, send at the rate SES allows, record the message id', { table: ['GetItem', 'Query', 'UpdateItem'], sendEmail: true, emailQueue: true }, 30),
  fn('record-delivery', "SES events (EventBridge): record each letter's delivery", { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] }),
  fn('resend-email', 'Operator: send an email again', { table: 'read-write', emailQueue: true }),
  fn('list-contacts', 'The desk: citizens to call, whose letter did not arrive', { table: 'read' }),
  fn('search-dossiers', 'Desk, operators: search dossiers by code, applicant name or phone', { table: 'read' }),
  fn('public-centre', "Anyone: the public part of the centre's profile (the citizen's pages)", { table: 'read' }),
  fn('reissue-pin', "The desk reissues a dossier's lookup PIN, emailed to the applicant", { table: 'read-write', sendEmail: true }),
  fn('public-pin-reminder', 'Citizen: a new PIN emailed to the address on file (same answer for any code)', { table: 'read-write', sendEmail: true }),
  fn('list-emails', 'Operator: letters that did not reach the citizen (failed, bounced, complained)', { table: 'read' }),
  fn('get-timeliness-dossiers', 'Operator: the dossiers behind one figure of the timeliness report', { table: 'read' }),
  fn('list-overdue', 'Operator: overdue open dossiers with no activity for a while', { table: 'read' }),
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
    ...flag('sendTaskResult'),
    ...flag('sendEmail'),
    ...flag('agencyGroups'),
    ...flag('emailQueue'),
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

export const functions: FunctionSpec[] = [...apiFunctionSpecs, ...legacyFunctions];

export const routes: RouteSpec[] = [...apiFunctions.flatMap((f) => f.routes.map((r) => specOf(f.name, r))), ...legacyRoutes];

export const stateMachines: StateMachineSpec[] = [
  {
    name: 'dossier',
    definitionFile: 'statemachines/dossier.asl.json',
    functionSubstitutions: {
      StageFunctionArn: 'workflow-stage',
      StepFunctionArn: 'workflow-step',
      NotifyFunctionArn: 'notify-citizen',
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
    { name: 'GSI1', purpose: 'agency queues (QUEUE#<agency>) and open dossiers (OPEN)' },
    { name: 'GSI2', purpose: 'logbooks and reports (LOG#<agency>#<local yyyy-mm>)' },
  ],
} as const;

export function functionSpec(name: string): FunctionSpec {
  const spec = functions.find((f) => f.name === name);
  if (!spec) throw new Error(`Unknown function ${name}`);
  return spec;
}
