import * as z from 'zod';
import { taskHandler } from '../commons/task';
import type { WorkflowTask } from '../core/workflow-contract';
import { runStage, stageInputs } from './stage';
import { runStep, stepInputs } from './step';

/**
 * The dossier workflow's one Lambda function: every Task state of statemachines/dossier.asl.json
 * invokes it with its `task` (functions/core/workflow-contract.ts WORKFLOW_TASKS) and ids only.
 * The stage's tasks are in ./stage.ts, a step's in ./step.ts; the task that decides a letter
 * records and queues it (./notify.ts). Each is safe to repeat, and an error fails the task so that the state machine retries it.
 */
const Input = z.discriminatedUnion('task', [...stageInputs, ...stepInputs]);
/** Every task of the contract is served here, and nothing else. */
const tasksServed: z.infer<typeof Input>['task'] extends WorkflowTask ? (WorkflowTask extends z.infer<typeof Input>['task'] ? true : never) : never = true;
void tasksServed;

export const handler = taskHandler('workflow', Input, async (input) => {
  switch (input.task) {
    case 'OpenStage':
    case 'CloseStage':
    case 'CloseDossier':
    case 'HandOver':
    case 'RecordHandOver':
      return runStage(input);
    case 'CheckStep':
    case 'ActOnStep':
    case 'AwaitAgency':
    case 'AwaitSupplement':
      return runStep(input);
  }
});
