import { DescribeExecutionCommand, StartExecutionCommand } from './aws/sfn';
import { stepFunctions } from './aws';
import { logger, reportWorkflowStartFailed } from './powertools';
import { getDossier, keys, updateIf } from './store';

const machineArn = () => {
  const arn = process.env.STATE_MACHINE_ARN;
  if (!arn) throw new Error('STATE_MACHINE_ARN is not set');
  return arn;
};
const executionArn = (name: string) => `${machineArn().replace(':stateMachine:', ':execution:')}:${name}`;

/**
 * Start the dossier's workflow under a given execution name. The input is the dossier code
 * only: never personal data. A failure is not fatal: the dossier stays open and the next resume
 * starts it.
 */
export async function startDossierWorkflow(code: string, name = code): Promise<boolean> {
  try {
    await stepFunctions().send(new StartExecutionCommand({ stateMachineArn: machineArn(), name, input: JSON.stringify({ dossierCode: code }) }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ExecutionAlreadyExists') return false;
    logger.warn('workflow start deferred to the next resume', { dossierCode: code, error: (error as Error).name });
    reportWorkflowStartFailed((error as Error).name);
    return false;
  }
}

async function isRunning(name: string): Promise<boolean> {
  try {
    const out = await stepFunctions().send(new DescribeExecutionCommand({ executionArn: executionArn(name) }));
    return out.status === 'RUNNING';
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') return false;
    throw error;
  }
}

/** The next generation of a dossier's execution name: `<code>`, `<code>-r1`, `<code>-r2`… */
export const successorName = (code: string, current: string) => `${code}-r${Number(/-r(\d+)$/.exec(current)?.[1] ?? 0) + 1}`;

/**
 * Resume: a new execution that reads where the dossier stands and carries on. A dossier never has
 * two running executions: its current execution's name is on the dossier item, replaced by a
 * conditional write only when that execution is no longer running.
 */
export async function resumeDossier(code: string): Promise<'running' | 'resumed' | 'finished' | 'missing' | 'unreceived'> {
  const dossier = await getDossier(code);
  if (!dossier) return 'missing';
  if (dossier.closedAt) return 'finished';
  // applied online and not received yet (status 1): only the desk's check starts its workflow
  if (dossier.online && dossier.status === 1) return 'unreceived';
  const current = dossier.executionName ?? code;
  if (await isRunning(current)) return 'running';
  const next = successorName(code, current);
  const claimed = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: 'SET executionName = :next',
    ConditionExpression: 'attribute_not_exists(executionName) OR executionName = :current',
    ExpressionAttributeValues: { ':next': next, ':current': current },
  });
  if (!claimed) return 'running'; // someone else resumed it just now
  await startDossierWorkflow(code, next);
  logger.info('dossier resumed', { dossierCode: code, execution: next });
  return 'resumed';
}
