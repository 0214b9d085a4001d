import { SendTaskSuccessCommand } from './aws/sfn';
import { stepFunctions } from './aws';
import { logger } from './powertools';

const GONE = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * Wake a waiting execution: it then asks CheckStep what changed. A token that has expired or
 * belongs to an execution that is gone is not an error — the change is already stored, and the
 * next check of any execution finds it. Tokens are never logged nor returned.
 */
export async function wake(taskToken: string | undefined, stepId: string): Promise<boolean> {
  if (!taskToken) return false;
  try {
    await stepFunctions().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ stepId }) }));
    return true;
  } catch (error) {
    if (GONE.has((error as Error).name)) {
      logger.info('waiting task already gone; the change is kept', { stepId });
      return false;
    }
    throw error;
  }
}
