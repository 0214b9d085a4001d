import { DescribeExecutionCommand, StartExecutionCommand } from './aws/sfn';
import { DeleteCommand, PutCommand } from './aws/dynamodb';
import { documentClient, stepFunctions, tableName } from './aws';
import { openShardOf } from './open-index';
import { logger, reportWorkflowStartFailed } from './powertools';
import { getDossier, keys, updateIf } from './store';

const machineArn = () => {
  const arn = process.env.STATE_MACHINE_ARN;
  if (!arn) throw new Error('STATE_MACHINE_ARN is not set');
  return arn;
};
const executionArn = (name: string) => `${machineArn().replace(':stateMachine:', ':execution:')}:${name}`;

/**
 * The executions named on a dossier and not known to be started (GET /ops/dossiers?state=failed's
 * "never started", read without asking Step Functions about every open dossier): one item per
 * (dossier, execution name), beside the dossier's partition,
 *   WORKFLOW#<code> / UNSTARTED#<name>   GSI1 UNSTARTED#<n> / <code>#<name>   (n: the open index's shard)
 * written BEFORE the write that names the execution on the dossier (an intake, the desk's check of
 * an online dossier, a resume's claim) and deleted once StartExecution answered (started, or
 * already there). A crash between leaves an item whose execution exists or whose dossier does not
 * name it: the reader checks both and skips it; never a named, unstarted execution without one.
 * Ids only: no personal data.
 */
export const unstartedKeys = (code: string, name: string) => ({ PK: `WORKFLOW#${code}`, SK: `UNSTARTED#${name}` });
export const UNSTARTED_PREFIX = 'UNSTARTED#';
export const unstartedShardKeys = () => Array.from({ length: 16 }, (_, n) => `${UNSTARTED_PREFIX}${n}`);

export async function markUnstarted(code: string, name = code): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...unstartedKeys(code, name), GSI1PK: `${UNSTARTED_PREFIX}${openShardOf(code)}`, GSI1SK: `${code}#${name}`, code, execution: name },
    }),
  );
}

const unmarkUnstarted = (code: string, name: string) => documentClient().send(new DeleteCommand({ TableName: tableName(), Key: unstartedKeys(code, name) }));

/**
 * Start the dossier's workflow under a given execution name. The input is the dossier code
 * only: never personal data. A failure is not fatal: the dossier stays open, its "unstarted" item
 * (markUnstarted, written before) lists it for the operators, and the next resume starts it.
 */
export async function startDossierWorkflow(code: string, name = code): Promise<boolean> {
  let started: boolean;
  try {
    await stepFunctions().send(new StartExecutionCommand({ stateMachineArn: machineArn(), name, input: JSON.stringify({ dossierCode: code }) }));
    started = true;
  } catch (error) {
    if ((error as Error).name !== 'ExecutionAlreadyExists') {
      logger.warn('workflow start deferred to the next resume', { dossierCode: code, error: (error as Error).name });
      reportWorkflowStartFailed((error as Error).name);
      return false;
    }
    started = false;
  }
  // started (or already): the item goes; left by a failure here, the reader finds the execution and skips it
  try {
    await unmarkUnstarted(code, name);
  } catch (error) {
    logger.warn('unstarted item left', { dossierCode: code, error: (error as Error).name });
  }
  return started;
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
  await markUnstarted(code, next);
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
