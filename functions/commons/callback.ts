import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { stepFunctions } from './aws';
import { logger } from './powertools';

const GONE = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * Report a step's decision to the execution waiting on it. A token that has expired or belongs
 * to an execution that is gone is not an error: the decision is already on the step item, and
 * the next AwaitAgency task of any execution finds it there. Tokens are never logged.
 */
export async function reportDecision(taskToken: string, output: { stepId: string; outcome: string }): Promise<boolean> {
  try {
    await stepFunctions().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return true;
  } catch (error) {
    if (GONE.has((error as Error).name)) {
      logger.info('waiting task already gone; decision kept on the step', { stepId: output.stepId });
      return false;
    }
    throw error;
  }
}
