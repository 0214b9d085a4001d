import { DescribeExecutionCommand, ListExecutionsCommand, type ExecutionStatus } from '../commons/aws/sfn';
import { BatchGetCommand } from '../commons/aws/dynamodb';
import * as z from 'zod';
import { documentClient, stepFunctions, tableName } from '../commons/aws';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { keys, queryAll } from '../commons/store';
import { unstartedShardKeys } from '../commons/workflow';
import { FailedDossiers } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';

export const Query = z.object({ state: z.enum(['failed'], { error: 'state=failed' }) });
const STOPPED: ExecutionStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED'];

const machineArn = () => process.env.STATE_MACHINE_ARN!;
const executionArn = (name: string) => `${machineArn().replace(':stateMachine:', ':execution:')}:${name}`;
/** The dossier an execution is of: `<code>`, or `<code>-r<n>` after a resume or a hand-over. */
const codeOf = (name: string) => name.replace(/-r\d+$/, '');

type Candidate = { code: string; name: string; status: string; stoppedAt?: Date };

/** The state machine's executions in one stopped status, every page (1,000 a call). */
async function listStopped(statusFilter: ExecutionStatus): Promise<Candidate[]> {
  const found: Candidate[] = [];
  let nextToken: string | undefined;
  do {
    const out = await stepFunctions().send(new ListExecutionsCommand({ stateMachineArn: machineArn(), statusFilter, maxResults: 1000, nextToken }));
    for (const e of out.executions ?? []) if (e.name) found.push({ code: codeOf(e.name), name: e.name, status: e.status ?? statusFilter, stoppedAt: e.stopDate });
    nextToken = out.nextToken;
  } while (nextToken);
  return found;
}

/** The executions named on a dossier and not known to have started (commons/workflow.ts's items). */
async function listUnstarted(): Promise<Candidate[]> {
  const shards = await Promise.all(
    unstartedShardKeys().map((pk) =>
      queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ProjectionExpression: 'code, execution' }),
    ),
  );
  return shards.flat().map((i) => ({ code: String(i.code), name: String(i.execution), status: 'NOT_STARTED' }));
}

/** The candidates' dossiers (the fields the check needs), BatchGetItem 100 keys a call; missing ones left out. */
async function readDossiers(codes: string[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const all = [...new Set(codes)].map((c) => keys.dossier(c));
  for (let i = 0; i < all.length; i += 100) {
    let wanted: Record<string, unknown>[] = all.slice(i, i + 100);
    for (let attempt = 0; wanted.length; attempt++) {
      if (attempt) await new Promise((ok) => setTimeout(ok, Math.min(500, 25 * 2 ** attempt)));
      const out = await documentClient().send(
        new BatchGetCommand({
          RequestItems: { [tableName()]: { Keys: wanted, ProjectionExpression: 'code, #status, executionName, closedAt', ExpressionAttributeNames: { '#status': 'status' } } },
        }),
      );
      for (const d of out.Responses?.[tableName()] ?? []) found.set(String(d.code), d);
      wanted = out.UnprocessedKeys?.[tableName()]?.Keys ?? [];
    }
  }
  return found;
}

/** An execution's status and error name (ids only; no cause text, no input); NOT_STARTED when there is none. */
async function describe(name: string) {
  try {
    const out = await stepFunctions().send(new DescribeExecutionCommand({ executionArn: executionArn(name) }));
    return { status: out.status ?? 'UNKNOWN', error: out.error, stoppedAt: out.stopDate };
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') return { status: 'NOT_STARTED' };
    throw error;
  }
}

/**
 * GET /ops/dossiers?state=failed (operators): the open dossiers whose workflow is not running —
 * its execution failed, timed out or was aborted (or never started) — each with the error name,
 * so that an operator fixes the cause and resumes it (POST /ops/dossiers/{code}/resume).
 *
 * Read from what stopped, not from what is open: Step Functions' stopped executions of the state
 * machine (ListExecutions by status: AWS keeps a stopped execution 90 days) and the items of
 * executions named but never started; then only those dossiers, kept while open and naming that
 * execution as their current one (a dossier resumed since names its successor). Its calls grow
 * with the failures, never with the open dossiers (the old way asked about each of them).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/ops/dossiers',
  summary: 'The open dossiers whose workflow is not running (failed, timed out, aborted, never started)',
  operationId: 'listFailedDossiers',
  roles: ['operator'],
  access: { table: ['GetItem', 'Query', 'BatchGetItem'], describeExecution: true, listExecutions: true },
  timeoutSeconds: 29,
  query: Query,
  responses: { 200: FailedDossiers },
  errors: OFFICER_ERRORS,
  handler: async () => {
    const candidates = (await Promise.all([...STOPPED.map(listStopped), listUnstarted()])).flat();
    const dossiers = await readDossiers(candidates.map((c) => c.code));
    const current = candidates.filter((c) => {
      const d = dossiers.get(c.code);
      return d !== undefined && !d.closedAt && String(d.executionName ?? c.code) === c.name;
    });
    const rows = new Map<string, z.input<typeof FailedDossiers>['dossiers'][number]>();
    for (const c of current) {
      // the error's name (and an unstarted item's execution: started meanwhile, or stopped and listed above)
      const e = await describe(c.name);
      if (e.status !== 'NOT_STARTED' && !STOPPED.includes(e.status as ExecutionStatus)) continue;
      rows.set(c.code, {
        dossierCode: c.code,
        status: dossiers.get(c.code)!.status as number,
        execution: c.name,
        executionStatus: e.status,
        ...(e.error ? { error: e.error } : {}),
        ...(e.stoppedAt ? { stoppedAt: toLocalIso(e.stoppedAt) } : {}),
      });
    }
    const list = [...rows.values()].sort((a, b) => a.dossierCode.localeCompare(b.dossierCode));
    return reply(200, { state: 'failed' as const, dossiers: list });
  },
});
