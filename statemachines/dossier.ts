/**
 * The dossier workflow, written as data: `npm run asl` (statemachines/build.ts) writes it to
 * statemachines/dossier.asl.json, the file AWS (infra/constructs/workflow.ts) and the local runtime
 * (infra/local/stepfunctions.ts) both read. Edit this file, then run `npm run asl`: a unit test
 * (functions/core/workflow-contract.test.ts) fails when the committed JSON is not this file's output.
 *
 * Every task invokes the one workflow function (`${WorkflowFunctionArn}`, functions/workflow/) with
 * its `task` and ids only; the task names and the values the Choices branch on are the typed
 * contract's (functions/core/workflow-contract.ts).
 */
import { WORKFLOW_ERRORS, type StageNext, type StepNextValue, type WorkflowTask } from '../functions/core/workflow-contract';

type Json = { [key: string]: unknown };

// ---------------------------------------------------------------------------------------------
// Retry policies: each defined once, named by the tasks that use it.
// ---------------------------------------------------------------------------------------------

/** The errors Lambda's own service raises around an invocation (throttles, service faults). */
const LAMBDA_SERVICE_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'];

/**
 * Every workflow task. Each is safe to repeat (conditional writes on deterministic keys, `SET` of
 * derived values, the letter `EMAIL#<eventKey>` put once), so a failure of the task itself
 * (`States.TaskFailed`: DynamoDB or SQS unreachable, a throttle, a crash) is retried like Lambda's
 * service errors: 10 attempts from 2 s, doubling, at most 60 s apart (~6 min before jitter), with
 * FULL jitter so that dossiers failing together do not retry together. Minutes, not seconds: an
 * outage of a few minutes must not fail executions (an execution that does fail raises the
 * ExecutionsFailed alarm and waits for an operator's resume).
 */
const RETRY_TASK: Json = {
  ErrorEquals: ['States.TaskFailed', ...LAMBDA_SERVICE_ERRORS],
  IntervalSeconds: 2,
  MaxAttempts: 10,
  BackoffRate: 2,
  MaxDelaySeconds: 60,
  JitterStrategy: 'FULL',
};

/**
 * A callback task's timeout is the end of its wait (the warning or due time, or the 30-day
 * bound), never an error to retry: it is caught and goes back to CheckStep. The explicit 0 comes
 * first, so that no later retrier (States.TaskFailed does not match it, but a States.ALL would)
 * ever retries a wait.
 */
const NO_RETRY_ON_TIMEOUT: Json = { ErrorEquals: ['States.Timeout'], MaxAttempts: 0 };

/**
 * Starting the successor at a hand-over (states:startExecution, an AWS SDK integration, not a
 * Lambda): Step Functions' own throttles and faults, retried as long as a task. The successor
 * already existing is no error (a retry of a start that succeeded): caught, not retried.
 */
const RETRY_START_EXECUTION: Json = {
  ErrorEquals: [
    'StepFunctions.ExecutionLimitExceededException',
    'StepFunctions.SdkClientException',
    'StepFunctions.AWSStepFunctionsException',
    'States.TaskFailed',
  ],
  IntervalSeconds: 2,
  MaxAttempts: 10,
  BackoffRate: 2,
  MaxDelaySeconds: 60,
  JitterStrategy: 'FULL',
};

// ---------------------------------------------------------------------------------------------
// State builders
// ---------------------------------------------------------------------------------------------

const FUNCTION = '${WorkflowFunctionArn}';
const TASK_TIMEOUT_SECONDS = 60;

interface TaskOptions {
  comment?: string;
  /** Payload fields besides `task` (`.$` keys are paths). */
  payload?: Json;
  /** Where the result goes; `null` keeps the input as it was (the default). */
  resultPath?: string | null;
  resultSelector?: Json;
  next: string;
}

/** A task of the workflow function (lambda:invoke): retried by RETRY_TASK. */
function task(name: WorkflowTask, o: TaskOptions): Json {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    ...(o.comment ? { Comment: o.comment } : {}),
    Parameters: { FunctionName: FUNCTION, Payload: { task: name, ...o.payload } },
    TimeoutSeconds: TASK_TIMEOUT_SECONDS,
    Retry: [RETRY_TASK],
    ...(o.resultSelector ? { ResultSelector: o.resultSelector } : {}),
    ResultPath: o.resultPath === undefined ? null : o.resultPath,
    Next: o.next,
  };
}

/**
 * A wait for a callback (lambda:invoke.waitForTaskToken): the task stores its token and returns;
 * the API's SendTaskSuccess (or the timeout, caught) goes back to `next`.
 */
function callback(name: WorkflowTask, o: { comment?: string; payload: Json; timeout: Json; next: string }): Json {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    ...(o.comment ? { Comment: o.comment } : {}),
    Parameters: { FunctionName: FUNCTION, Payload: { task: name, ...o.payload, 'taskToken.$': '$$.Task.Token' } },
    ...o.timeout,
    Retry: [NO_RETRY_ON_TIMEOUT, RETRY_TASK],
    Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: o.next }],
    ResultPath: null,
    Next: o.next,
  };
}

/** A Choice on one string field: `value → state`, and the default. */
function choice<V extends string>(variable: string, branches: [V, string][], otherwise: string): Json {
  return {
    Type: 'Choice',
    Choices: branches.map(([value, next]) => ({ Variable: variable, StringEquals: value, Next: next })),
    Default: otherwise,
  };
}

const dossierCode = { 'dossierCode.$': '$.dossierCode' };
const stepIds = { 'dossierCode.$': '$.dossierCode', 'stepId.$': '$.stepId' };

// ---------------------------------------------------------------------------------------------
// One step of a stage (the Map's item): ask what it needs, do it, ask again.
// ---------------------------------------------------------------------------------------------

const stepStates: Record<string, Json> = {
  CheckStep: task('CheckStep', {
    comment: 'What the step needs next (functions/core/step-rules.ts); a letter it needs is queued here, then it looks again.',
    payload: {
      ...stepIds,
      'loops.$': 'States.MathAdd($.check.loops, 1)',
      'width.$': '$.width',
      'startedAt.$': '$.startedAt',
    },
    resultSelector: {
      'next.$': '$.Payload.next',
      'timeoutSeconds.$': '$.Payload.timeoutSeconds',
      'paused.$': '$.Payload.paused',
      'loops.$': '$.Payload.loops',
    },
    resultPath: '$.check',
    next: 'StepNext?',
  }),
  'StepNext?': choice<StepNextValue>(
    '$.check.next',
    [
      ['stop', 'StepStopped'],
      ['done', 'StepDone'],
      ['act', 'ActOnStep'],
      ['await-supplement', 'AwaitSupplement'],
      ['hand-over', 'StepHandOver'],
    ],
    'AwaitAgency',
  ),
  ActOnStep: task('ActOnStep', { payload: stepIds, next: 'CheckStep' }),
  AwaitAgency: callback('AwaitAgency', {
    comment: "Waits for the agency's decision or delay (the API wakes it), or for the warning or due time.",
    payload: { ...stepIds, 'paused.$': '$.check.paused' },
    timeout: { TimeoutSecondsPath: '$.check.timeoutSeconds' },
    next: 'CheckStep',
  }),
  AwaitSupplement: callback('AwaitSupplement', {
    comment: 'Waits for the supplement (the API wakes it); the 30-day timeout only lets CheckStep consider a hand-over.',
    payload: stepIds,
    timeout: { TimeoutSeconds: 30 * 24 * 3600 },
    next: 'CheckStep',
  }),
  StepStopped: { Type: 'Fail', Error: WORKFLOW_ERRORS.stopped, Cause: 'The dossier was withdrawn or refused' },
  StepDone: { Type: 'Succeed' },
  StepHandOver: { Type: 'Fail', Error: WORKFLOW_ERRORS.handOver, Cause: 'This execution is old or long: a fresh one carries the dossier on' },
};

// ---------------------------------------------------------------------------------------------
// The dossier: stage after stage, then close.
// ---------------------------------------------------------------------------------------------

export const dossierStateMachine: Json = {
  Comment:
    'motcua dossier workflow: one execution per dossier. DynamoDB holds the truth: every task reads where the dossier stands (CheckStep asks functions/core/step-rules.ts what comes next), so a new execution resumes any dossier at any point and no effect or letter happens twice. Payloads carry ids only, never personal data. Generated from statemachines/dossier.ts (npm run asl): edit that file, not this one.',
  StartAt: 'OpenStage',
  States: {
    OpenStage: task('OpenStage', {
      comment: "Opens the current stage's steps (the receipt before the first, 'the result is ready' with the desk's return stage), or says the dossier is finished.",
      payload: dossierCode,
      resultSelector: { 'next.$': '$.Payload.next', 'stageIndex.$': '$.Payload.stageIndex', 'stepIds.$': '$.Payload.stepIds' },
      resultPath: '$.stage',
      next: 'WhatNext?',
    }),
    'WhatNext?': choice<StageNext>('$.stage.next', [['finish', 'CloseDossier']], 'AwaitSteps'),
    AwaitSteps: {
      Type: 'Map',
      Comment: 'The stage’s steps wait together; a refusal or withdrawal fails the Map (Dossier.Stopped), as does a hand-over.',
      ItemsPath: '$.stage.stepIds',
      MaxConcurrency: 0,
      ItemSelector: {
        'dossierCode.$': '$.dossierCode',
        'stepId.$': '$$.Map.Item.Value',
        'width.$': 'States.ArrayLength($.stage.stepIds)',
        'startedAt.$': '$$.Execution.StartTime',
        check: { loops: 0 },
      },
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'CheckStep', States: stepStates },
      ResultPath: null,
      Catch: [
        { ErrorEquals: [WORKFLOW_ERRORS.stopped], ResultPath: null, Next: 'CloseDossier' },
        { ErrorEquals: [WORKFLOW_ERRORS.handOver], ResultPath: null, Next: 'HandOver' },
      ],
      Next: 'CloseStage',
    },
    CloseStage: task('CloseStage', { payload: { ...dossierCode, 'stageIndex.$': '$.stage.stageIndex' }, next: 'OpenStage' }),
    CloseDossier: task('CloseDossier', {
      comment: 'Tells the citizen how it ended (the refusal or withdrawal notice; or the result returned and the rating invitation), then closes the dossier.',
      payload: dossierCode,
      next: 'Finished',
    }),
    Finished: { Type: 'Succeed' },
    HandOver: task('HandOver', {
      comment: 'Hand the dossier to a fresh execution, which resumes from the stored truth: the successor’s name.',
      payload: { ...dossierCode, 'executionName.$': '$$.Execution.Name' },
      resultSelector: { 'name.$': '$.Payload.executionName' },
      resultPath: '$.successor',
      next: 'StartSuccessor',
    }),
    StartSuccessor: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution',
      Parameters: { 'StateMachineArn.$': '$$.StateMachine.Id', 'Name.$': '$.successor.name', Input: dossierCode },
      TimeoutSeconds: TASK_TIMEOUT_SECONDS,
      Retry: [RETRY_START_EXECUTION],
      Catch: [{ ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], ResultPath: null, Next: 'RecordHandOver' }],
      ResultPath: null,
      Next: 'RecordHandOver',
    },
    RecordHandOver: task('RecordHandOver', {
      comment: "The successor runs: the dossier's execution name becomes its name (only from this one's: resume never races it).",
      payload: { ...dossierCode, 'executionName.$': '$$.Execution.Name', 'successor.$': '$.successor.name' },
      next: 'HandedOver',
    }),
    HandedOver: { Type: 'Succeed' },
  },
};

/** The file's text: 2-space JSON and a final newline, the same on every run. */
export const aslText = (definition: Json) => `${JSON.stringify(definition, null, 2)}\n`;
