import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { stepFunctions } from './aws';
import { logger } from './powertools';

/**
 * Start the dossier's workflow. The input is the dossier code only: never personal data.
 * A failure here is not fatal: the dossier stays open (GSI1 OPEN) and the next resume starts it.
 */
export async function startDossierWorkflow(code: string, name = code): Promise<string | undefined> {
  const arn = process.env.STATE_MACHINE_ARN;
  if (!arn) throw new Error('STATE_MACHINE_ARN is not set');
  try {
    const out = await stepFunctions().send(
      new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify({ dossierCode: code }) }),
    );
    return out.executionArn;
  } catch (error) {
    logger.warn('workflow start deferred to the next resume', { dossierCode: code, error: (error as Error).name });
    return undefined;
  }
}
