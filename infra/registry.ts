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
    sendTaskResult?: boolean;
    sendEmail?: boolean;
  };
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** HTTP API path with {params}. */
  path: string;
  function: string;
  /** Roles allowed; the handler narrows further (e.g. which agency). */
  roles: Role[];
}

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
  fn('create-dossier', 'Receive a dossier at the one-stop desk', { table: 'read-write', startExecution: true }),
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
  fn('notify-citizen', 'Workflow task: send one email per (dossier, event)', { table: 'read-write', sendEmail: true }, 30),
  fn('anonymise-closed', 'Scheduled: anonymise closed dossiers past their retention', { table: 'read-write' }, 60),
  fn('export-applicant', 'Operator: everything held about one applicant', { table: 'read' }),
  fn('reissue-pin', "The desk reissues a dossier's lookup PIN, emailed to the applicant", { table: 'read-write', sendEmail: true }),
  fn('public-pin-reminder', 'Citizen: a new PIN emailed to the address on file (same answer for any code)', { table: 'read-write', sendEmail: true }),
];

export const routes: RouteSpec[] = [
  { method: 'POST', path: '/dossiers', function: 'create-dossier', roles: ['desk'] },
  { method: 'GET', path: '/dossiers/{code}', function: 'get-dossier', roles: ['desk', 'operator', 'agency'] },
  {
    method: 'POST',
    path: '/dossiers/{code}/steps/{stepId}/decision',
    function: 'decide-step',
    roles: ['agency', 'desk'],
  },
  {
    method: 'POST',
    path: '/dossiers/{code}/steps/{stepId}/delay',
    function: 'report-delay',
    roles: ['agency'],
  },
  { method: 'POST', path: '/dossiers/{code}/supplement', function: 'supply-documents', roles: ['desk'] },
  { method: 'GET', path: '/agencies/{agencyCode}/tasks', function: 'list-agency-tasks', roles: ['agency', 'desk'] },
  { method: 'GET', path: '/dossiers/{code}/control-sheet', function: 'get-control-sheet', roles: ['desk', 'operator', 'agency'] },
  { method: 'GET', path: '/agencies/{agencyCode}/logbook', function: 'get-logbook', roles: ['agency', 'desk', 'operator'] },
  { method: 'GET', path: '/reports/timeliness', function: 'get-timeliness-report', roles: ['operator'] },
  { method: 'POST', path: '/ops/dossiers/{code}/resume', function: 'resume-dossier', roles: ['operator'] },
  { method: 'GET', path: '/ops/applicants/export', function: 'export-applicant', roles: ['operator'] },
  { method: 'GET', path: '/public/dossiers/{code}', function: 'public-lookup', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/supplement', function: 'public-supplement', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/withdraw', function: 'public-withdraw', roles: ['public'] },
  { method: 'POST', path: '/public/dossiers/{code}/rating', function: 'public-rating', roles: ['public'] },
  { method: 'GET', path: '/procedures', function: 'list-procedures', roles: ['authenticated'] },
  { method: 'PUT', path: '/procedures/{code}', function: 'put-procedure', roles: ['operator'] },
  { method: 'GET', path: '/calendars/{year}', function: 'get-calendar', roles: ['operator'] },
  { method: 'PUT', path: '/calendars/{year}', function: 'put-calendar', roles: ['operator'] },
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

/** Agencies of the seed data: each has a Cognito group `agency-<code>`. */
export { agencyCodes } from '../functions/core/seed';

export function functionSpec(name: string): FunctionSpec {
  const spec = functions.find((f) => f.name === name);
  if (!spec) throw new Error(`Unknown function ${name}`);
  return spec;
}
