/**
 * The contract between the state machine (statemachines/dossier.asl.json) and its functions, in
 * one place: the actions each function takes, the `next` values its Choice states branch on, the
 * email events and event keys, and the error names the ASL raises or catches. The functions'
 * input schemas are built from these lists, and functions/core/workflow-contract.test.ts reads the ASL
 * against them: a state naming an action, a `next` value or an event no function knows fails a
 * test.
 */

/** `${Key}` of the ASL → the function it names (infra/registry.ts maps the keys to functions). */
export const WORKFLOW_FUNCTIONS = {
  WorkflowFunctionArn: 'workflow',
} as const;

/**
 * The tasks of the workflow function (functions/workflow/handler.ts), each named like the state
 * that asks for it; every Payload of the ASL carries one as `task`. The letters are no task of
 * their own: the task that decides one records and queues it (functions/workflow/notify.ts).
 * - the stage's tasks (functions/workflow/stage.ts);
 * - a step's tasks (functions/workflow/step.ts).
 */
export const STAGE_TASKS = ['OpenStage', 'CloseStage', 'CloseDossier', 'HandOver', 'RecordHandOver'] as const;
export type StageTask = (typeof STAGE_TASKS)[number];
export const STEP_TASKS = ['CheckStep', 'ActOnStep', 'AwaitAgency', 'AwaitSupplement'] as const;
export type StepTask = (typeof STEP_TASKS)[number];
export const WORKFLOW_TASKS = [...STAGE_TASKS, ...STEP_TASKS] as const;
export type WorkflowTask = (typeof WORKFLOW_TASKS)[number];

/** What OpenStage says comes next (the Choice `WhatNext?`: finish — returned or stopped — or wait for the steps). */
export const STAGE_NEXT = ['await', 'finish'] as const;
export type StageNext = (typeof STAGE_NEXT)[number];

/**
 * What CheckStep says a step needs next (the Choice `StepNext?`; `await` is its default). The
 * rules' `email` never leaves CheckStep: it records and queues the letter and looks again.
 */
export const STEP_NEXT = ['stop', 'done', 'act', 'await-supplement', 'await', 'hand-over'] as const;
export type StepNextValue = (typeof STEP_NEXT)[number];

/** The effects ActOnStep performs (functions/workflow/effects.ts), each safe to repeat. */
export const STEP_EFFECTS = ['stop-refused', 'record-delay', 'record-lapse', 'announce', 'open-pause', 'resume-step'] as const;
export type Effect = (typeof STEP_EFFECTS)[number];

/** Email events the workflow's letters take (`stopped` becomes a refusal or withdrawal letter). */
export const NOTIFY_EVENTS = [
  'receipt',
  'result-ready',
  'returned',
  'rating-invitation',
  'stopped',
  'apology',
  'supplement-request',
  'supplement-received',
  'agency-warning',
  'fees-due',
  'payment-receipt',
  'payment-refund',
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/** The letters a step's rules ask for (CheckStep queues them; the others are OpenStage's and CloseDossier's). */
export const STEP_EMAILS = ['apology', 'supplement-request', 'supplement-received', 'agency-warning'] as const;
export type StepEmail = (typeof STEP_EMAILS)[number];

/**
 * Event keys: one email per (dossier, key), never sent twice.
 * - `receipt`, `result-ready`, `returned`, `rating-invitation`, `stopped`: once per dossier;
 * - `apology-<n>`: the n-th apology LETTER of the dossier (not of a step): the lapses and delays
 *   recorded at one instant, every late agency named, the one new appointment (dossier.letters);
 * - `supplement-request-<stepId>-<round>`: form 02 for one step's round (its pause);
 * - `supplement-received-<n>`: the n-th supplement the dossier received (it may answer several
 *   requests at once: one letter);
 * - `warning-<stepId>-<extensions>`: the agency's due-time warning.
 * The `.ics` SEQUENCE of a letter is the dossier's `appointmentSequence` when the letter was
 * written: 0 at receipt, +1 for every letter that announces an appointment.
 */
export const eventKeys = {
  apologyLetter: (n: number) => `apology-${n}`,
  supplementRequest: (pauseKey: string) => `supplement-request-${pauseKey}`,
  supplementReceived: (n: number) => `supplement-received-${n}`,
  warning: (stepId: string, extensions: number) => `warning-${stepId}-${extensions}`,
} as const;
export const EVENT_KEY = /^[a-z0-9-]{1,80}$/;

/** Errors the ASL names: raised by a Fail state inside the Map, caught around it. */
export const WORKFLOW_ERRORS = {
  /** A refusal or withdrawal: the Map fails, caught to send the notice and close. */
  stopped: 'Dossier.Stopped',
  /** The execution is old or long: a fresh one carries the dossier on (functions/workflow/stage.ts, HandOver). */
  handOver: 'Dossier.HandOver',
} as const;

/**
 * The hand-over bounds: an execution hands the dossier to a fresh one (which resumes from the
 * stored truth) when a step of the current stage has looped this many times times the width of
 * the stage, or when the execution is this old. AWS ends an execution at 25,000 history events
 * or one year; one loop of a step is at most ~14 events (CheckStep, the Choice, one task), so a
 * stage stays under ~2,800 events and an execution under 200 days.
 */
export const HANDOVER = { loopsTimesWidth: 200, maxAgeDays: 200 } as const;
