/**
 * The one registry of functions, routes and state machines.
 * The CDK stack (infra/stack.ts) and the local runtime (infra/local/) both read it,
 * so what runs on AWS and what runs on one machine cannot drift.
 */

/** Who may call a route. Enforced in functions/commons/access.ts, documented in the README. */
export type Role =
  | 'desk' // one-stop desk officer (Cognito group `desk`)
  | 'operator' // platform operator (group `operator`)
  | 'agency' // an officer of an agency (group `agency-<CODE>`); the handler checks which agency
  | 'authenticated' // any signed-in caller
  | 'public'; // no sign-in: the citizen, with the dossier code and PIN (checked by the handler)

export interface FunctionSpec {
  /** Logical name; also the folder under functions/. */
  name: string;
  /** Entry file relative to the project root; exports `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** What the function may touch: the stack grants exactly this. */
  access: {
    table: 'read' | 'read-write';
    startExecution?: boolean;
    /** DescribeExecution only (read the dossiers' executions). */
    describeExecution?: boolean;
    sendTaskResult?: boolean;
    sendEmail?: boolean;
    /** cognito-idp:CreateGroup on the user pool (USER_POOL_ID set): an agency's group `agency-<CODE>`. */
    agencyGroups?: boolean;
    /** May put messages on the email queue (`queues` below). */
    emailQueue?: boolean;
    /** The documents bucket (infra/constructs/documents.ts grants exactly these). */
    documents?: DocumentAccess[];
  };
}

/**
 * What a function may do in the documents bucket:
 * - `sign-upload`: s3:PutObject on uploads/* and drafts/* (the credentials behind a presigned POST);
 * - `verify`: s3:GetObject on uploads/* and drafts/* (HeadObject, hashing) and s3:PutObject on
 *   dossiers/* (the copy of a verified upload);
 * - `read`: s3:GetObject and s3:GetObjectTagging on dossiers/* (the scan tag, then a presigned GET);
 * - `delete`: list and delete every version under dossiers/* (anonymisation).
 */
export type DocumentAccess = 'sign-upload' | 'verify' | 'read' | 'delete';

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
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
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

/** The resource server of the user pool (identifier `motcua`) and its scopes for agency systems. */
export const resourceServer = {
  identifier: 'motcua',
  name: 'motcua API',
  scopes: [
    { name: 'tasks.read', description: "Read the agency's queue and logbook" },
    { name: 'dossiers.read', description: 'Read a dossier on the agency route' },
    { name: 'steps.decide', description: "Decide the agency's steps and report delays" },
  ],
} as const;
export type Scope = `motcua/${(typeof resourceServer.scopes)[number]['name']}`;
export const allScopes: Scope[] = resourceServer.scopes.map((s) => `${resourceServer.identifier}/${s.name}` as Scope);

export interface StateMachineSpec {
  name: string;
  definitionFile: string;
  /** `${Key}` in the ASL → the ARN of the named function. */
  functionSubstitutions: Record<string, string>;
}

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

export const functions: FunctionSpec[] = [
  fn('create-dossier', 'Receive a dossier at the one-stop desk', { table: 'read-write', startExecution: true, documents: ['verify'] }),
  fn('get-dossier', 'Read a dossier with its steps', { table: 'read' }),
  fn('list-procedures', 'List the procedure catalogue', { table: 'read' }),
  fn('put-procedure', 'Publish a new version of a procedure', { table: 'read-write' }),
  fn('list-agency-tasks', "An agency's queue of pending steps", { table: 'read' }),
  fn('get-control-sheet', 'The control sheet (form 06) of a dossier', { table: 'read' }),
  fn('get-logbook', "An agency's logbook (form 07) for a day", { table: 'read' }),
  fn('get-timeliness-report', 'Operator: early / on time / late steps and dossiers over a period', { table: 'read' }, 29),
  fn('decide-step', 'Record an agency decision on a step', { table: 'read-write', sendTaskResult: true }),
  fn('report-delay', 'An agency reports a delay before its due time', { table: 'read-write', sendTaskResult: true }),
  fn('supply-documents', 'The desk records a supplement', { table: 'read-write', sendTaskResult: true }),
  fn('resume-dossier', 'Operator: resume the workflow of a dossier', { table: 'read-write', startExecution: true }),
  fn('list-dossiers', 'Operator: the open dossiers whose workflow failed', { table: 'read', describeExecution: true }, 29),
  fn('public-lookup', 'Citizen: look a dossier up with code and PIN', { table: 'read-write' }),
  fn('public-supplement', 'Citizen: send a supplement with code and PIN', { table: 'read-write', sendTaskResult: true }),
  fn('public-withdraw', 'Citizen: withdraw a dossier with code and PIN', { table: 'read-write', sendTaskResult: true }),
  fn('public-rating', 'Citizen: rate the service once, after the result', { table: 'read-write' }),
  fn('get-calendar', "Read a year's working calendar", { table: 'read' }),
  fn('put-calendar', "Replace a year's working calendar", { table: 'read-write' }),
  fn('workflow-stage', 'Workflow task: open the next stage / close the current one', { table: 'read-write' }),
  fn('workflow-step', 'Workflow task: wait for an agency step, record lapses', {
    table: 'read-write',
    sendTaskResult: true,
  }),
  fn('notify-citizen', 'Workflow task: record and queue one email per (dossier, event)', { table: 'read-write', emailQueue: true }, 30),
  fn('anonymise-closed', 'Scheduled: anonymise closed dossiers past their retention', { table: 'read-write', documents: ['delete'] }, 60),
  fn('export-applicant', 'Operator: everything held about one applicant', { table: 'read' }),
  // documents (functions/core/documents.ts): presigned POST → complete (verified, recorded) → presigned GET
  fn('draft-document', 'Desk: a presigned POST for a document before the dossier exists', { table: 'read-write', documents: ['sign-upload'] }),
  fn('upload-document', 'Officers: a presigned POST for a document of a dossier', { table: 'read-write', documents: ['sign-upload'] }),
  fn('complete-document', 'Officers: verify an uploaded document and record it on the dossier', { table: 'read-write', documents: ['verify'] }, 29),
  fn('get-document', 'Officers: a short-lived presigned GET for a document scanned clean', { table: 'read', documents: ['read'] }),
  fn('public-upload-document', 'Citizen: a presigned POST for a supplement document', { table: 'read-write', documents: ['sign-upload'] }),
  fn('public-complete-document', "Citizen: verify an uploaded supplement document and record it", { table: 'read-write', documents: ['verify'] }, 29),
  fn('public-get-document', 'Citizen: a presigned GET for their own documents and the result', { table: 'read-write', documents: ['read'] }),
  fn('list-agencies', 'List the agencies of the catalogue', { table: 'read' }),
  fn('put-agency', 'Operator: add or change an agency (and create its Cognito group)', { table: 'read-write', agencyGroups: true }),
  fn('send-email', 'Email queue consumer: claim, send at the rate SES allows, record the message id', { table: 'read-write', sendEmail: true, emailQueue: true }, 30),
  fn('record-delivery', "SES events (EventBridge): record each letter's delivery", { table: 'read-write' }),
  fn('resend-email', 'Operator: send an email again', { table: 'read-write', emailQueue: true }),
  fn('list-contacts', 'The desk: citizens to call, whose letter did not arrive', { table: 'read' }),
  fn('search-dossiers', 'Desk, operators: search dossiers by code, applicant name or phone', { table: 'read' }),
  fn('public-centre', "Anyone: the public part of the centre's profile (the citizen's pages)", { table: 'read' }),
  fn('reissue-pin', "The desk reissues a dossier's lookup PIN, emailed to the applicant through the email queue", { table: 'read-write', emailQueue: true }),
  fn('public-pin-reminder', 'Citizen: a new PIN and a one-time code emailed to the address on file through the email queue (same answer for any code); the code sets the new PIN', { table: 'read-write', emailQueue: true }),
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

export const routes: RouteSpec[] = [
  { method: 'POST', path: '/dossiers', function: 'create-dossier', roles: ['desk'] },
  { method: 'GET', path: '/dossiers/{code}', function: 'get-dossier', roles: ['desk', 'operator', 'agency'], scopes: ['motcua/dossiers.read'] },
  {
    method: 'POST',
    path: '/dossiers/{code}/steps/{stepId}/decision',
    function: 'decide-step',
    roles: ['agency', 'desk'],
    scopes: ['motcua/steps.decide'],
  },
  {
    method: 'POST',
    path: '/dossiers/{code}/steps/{stepId}/delay',
    function: 'report-delay',
    roles: ['agency'],
    scopes: ['motcua/steps.decide'],
  },
  { method: 'POST', path: '/dossiers/{code}/supplement', function: 'supply-documents', roles: ['desk'] },
  { method: 'GET', path: '/agencies/{agencyCode}/tasks', function: 'list-agency-tasks', roles: ['agency', 'desk'], scopes: ['motcua/tasks.read'] },
  { method: 'GET', path: '/dossiers/{code}/control-sheet', function: 'get-control-sheet', roles: ['desk', 'operator', 'agency'], scopes: ['motcua/dossiers.read'] },
  { method: 'GET', path: '/agencies/{agencyCode}/logbook', function: 'get-logbook', roles: ['agency', 'desk', 'operator'], scopes: ['motcua/tasks.read'] },
  { method: 'GET', path: '/reports/timeliness', function: 'get-timeliness-report', roles: ['operator'] },
  { method: 'POST', path: '/ops/dossiers/{code}/resume', function: 'resume-dossier', roles: ['operator'] },
  { method: 'GET', path: '/ops/dossiers', function: 'list-dossiers', roles: ['operator'] },
  { method: 'GET', path: '/ops/applicants/export', function: 'export-applicant', roles: ['operator'] },
  { method: 'GET', path: '/public/dossiers/{code}', function: 'public-lookup', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/supplement', function: 'public-supplement', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/withdraw', function: 'public-withdraw', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/rating', function: 'public-rating', roles: ['public'] },
  { method: 'GET', path: '/public/centre', function: 'public-centre', roles: ['public'] },
  { method: 'GET', path: '/procedures', function: 'list-procedures', roles: ['authenticated'] },
  { method: 'PUT', path: '/procedures/{code}', function: 'put-procedure', roles: ['operator'] },
  { method: 'GET', path: '/calendars/{year}', function: 'get-calendar', roles: ['operator', 'desk', 'agency'] },
  { method: 'PUT', path: '/calendars/{year}', function: 'put-calendar', roles: ['operator'] },
  { method: 'GET', path: '/agencies', function: 'list-agencies', roles: ['authenticated'] },
  { method: 'PUT', path: '/agencies/{code}', function: 'put-agency', roles: ['operator'] },
  { method: 'POST', path: '/ops/emails/{id}/resend', function: 'resend-email', roles: ['operator'] },
  { method: 'GET', path: '/agencies/{agencyCode}/contacts', function: 'list-contacts', roles: ['desk'] },
  { method: 'GET', path: '/ops/emails', function: 'list-emails', roles: ['operator'] },
  { method: 'GET', path: '/reports/timeliness/dossiers', function: 'get-timeliness-dossiers', roles: ['operator'] },
  { method: 'GET', path: '/ops/overdue', function: 'list-overdue', roles: ['operator'] },
  { method: 'GET', path: '/dossiers', function: 'search-dossiers', roles: ['desk', 'operator'] },
  { method: 'POST', path: '/documents/drafts', function: 'draft-document', roles: ['desk'] },
  { method: 'POST', path: '/dossiers/{code}/documents', function: 'upload-document', roles: ['desk', 'agency'] },
  { method: 'POST', path: '/dossiers/{code}/documents/{documentId}/complete', function: 'complete-document', roles: ['desk', 'agency'] },
  { method: 'GET', path: '/dossiers/{code}/documents/{documentId}', function: 'get-document', roles: ['desk', 'operator', 'agency'] },
  { method: 'POST', path: '/public/dossiers/{code}/documents', function: 'public-upload-document', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/documents/{documentId}/complete', function: 'public-complete-document', roles: ['public'] },
  { method: 'GET', path: '/public/dossiers/{code}/documents/{documentId}', function: 'public-get-document', roles: ['public'] },
  { method: 'POST', path: '/dossiers/{code}/pin', function: 'reissue-pin', roles: ['desk'] },
  { method: 'POST', path: '/public/dossiers/{code}/pin-reminder', function: 'public-pin-reminder', roles: ['public'] },
];

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
