import { BatchGetCommand, QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '../commons/aws/sfn';
import { openShardOf } from '../commons/open-index';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { unstartedShardKeys } from '../commons/workflow';
import { FailedDossiers } from '../contracts/responses';
import { route } from './route';

vi.stubEnv('STATE_MACHINE_ARN', 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:dossier');

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

type Execution = { status: string; error?: string; stopDate?: Date };
/** The state machine's executions by name (as Step Functions keeps them). */
let executions: Record<string, Execution>;
/** The dossiers by code (as the table keeps them). */
let dossiers: Record<string, Record<string, unknown>>;
/** The unstarted items (commons/workflow.ts): code and execution name. */
let unstarted: { code: string; execution: string }[];

const open = (code: string, extra: Record<string, unknown> = {}) => ({ code, status: 4, ...extra });

describe('GET /ops/dossiers', () => {
  beforeEach(() => {
    db.reset();
    sfn.reset();
    executions = {};
    dossiers = {};
    unstarted = [];
    sfn.on(DescribeExecutionCommand).callsFake(({ executionArn }: { executionArn: string }) => {
      const e = executions[executionArn.split(':').at(-1)!];
      if (!e) throw Object.assign(new Error('none'), { name: 'ExecutionDoesNotExist' });
      return e;
    });
    // newest first, pages of maxResults with a nextToken, as AWS
    sfn.on(ListExecutionsCommand).callsFake(({ statusFilter, maxResults, nextToken }: { statusFilter: string; maxResults: number; nextToken?: string }) => {
      const all = Object.entries(executions).filter(([, e]) => e.status === statusFilter);
      const from = Number(nextToken ?? 0);
      const page = all.slice(from, from + maxResults);
      return {
        executions: page.map(([name, e]) => ({ name, status: e.status, stopDate: e.stopDate, executionArn: `x:${name}`, stateMachineArn: 'x', startDate: new Date() })),
        ...(from + maxResults < all.length ? { nextToken: String(from + maxResults) } : {}),
      };
    });
    db.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { PK: string }[] }> }) => {
      const [table, { Keys }] = Object.entries(input.RequestItems)[0]!;
      return { Responses: { [table]: Keys.map((k) => dossiers[k.PK.slice('DOSSIER#'.length)]).filter(Boolean) } };
    });
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: { ':pk': string } }) => ({
      Items: unstarted.filter((u) => `UNSTARTED#${openShardOf(u.code)}` === input.ExpressionAttributeValues[':pk']),
    }));
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { query: { state: 'failed' } })).status).toBe(401);
  });

  it('refuses the desk (403)', async () => {
    expect((await invoke(route, { as: desk, query: { state: 'failed' } })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });

  it('names state when it is missing or not failed (400)', async () => {
    for (const query of [{}, { state: 'running' }] as Record<string, string>[]) {
      const answer = await invoke(route, { as: operator, query, headers: { 'accept-language': 'en' } });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]).toEqual({ field: 'state', code: 'invalid_option', message: 'state=failed' });
    }
  });

  it('lists the open dossiers whose current execution stopped or never started, by code, with the error name only', async () => {
    Object.assign(executions, {
      'TTHCC-261207-0003': { status: 'FAILED', error: 'States.TaskFailed', stopDate: new Date('2026-12-07T03:00:00Z') },
      'TTHCC-261207-0001': { status: 'FAILED', error: 'States.TaskFailed' }, // resumed since: its current one runs
      'TTHCC-261207-0001-r1': { status: 'RUNNING' },
      'TTHCC-261207-0004': { status: 'TIMED_OUT' }, // closed since
      'TTHCC-261207-0005-r2': { status: 'ABORTED', stopDate: new Date('2026-12-07T05:00:00Z') },
      'TTHCC-261207-0006': { status: 'RUNNING' }, // an unstarted item left by a crash after the start
      'TTHCC-261207-0009': { status: 'FAILED' }, // an execution whose dossier is not in the table
    });
    Object.assign(dossiers, {
      'TTHCC-261207-0003': open('TTHCC-261207-0003'),
      'TTHCC-261207-0001': open('TTHCC-261207-0001', { executionName: 'TTHCC-261207-0001-r1' }),
      'TTHCC-261207-0002': open('TTHCC-261207-0002', { status: 2 }),
      'TTHCC-261207-0004': open('TTHCC-261207-0004', { closedAt: '2026-12-07T04:00:00.000Z' }),
      'TTHCC-261207-0005': open('TTHCC-261207-0005', { executionName: 'TTHCC-261207-0005-r2' }),
      'TTHCC-261207-0006': open('TTHCC-261207-0006'),
      'TTHCC-261207-0007': open('TTHCC-261207-0007', { executionName: 'TTHCC-261207-0007-r1' }),
    });
    unstarted.push(
      { code: 'TTHCC-261207-0002', execution: 'TTHCC-261207-0002' },
      { code: 'TTHCC-261207-0006', execution: 'TTHCC-261207-0006' },
      { code: 'TTHCC-261207-0007', execution: 'TTHCC-261207-0007' }, // a resume's claim lost: the dossier names -r1
      { code: 'TTHCC-261207-0008', execution: 'TTHCC-261207-0008' }, // written before a dossier that never came
    );
    const answer = await invoke(route, { as: operator, query: { state: 'failed' } });
    expect(answer.status).toBe(200);
    const body = FailedDossiers.parse(answer.body);
    expect(body.dossiers).toEqual([
      { dossierCode: 'TTHCC-261207-0002', status: 2, execution: 'TTHCC-261207-0002', executionStatus: 'NOT_STARTED' },
      { dossierCode: 'TTHCC-261207-0003', status: 4, execution: 'TTHCC-261207-0003', executionStatus: 'FAILED', error: 'States.TaskFailed', stoppedAt: '2026-12-07T10:00:00+07:00' },
      { dossierCode: 'TTHCC-261207-0005', status: 4, execution: 'TTHCC-261207-0005-r2', executionStatus: 'ABORTED', stoppedAt: '2026-12-07T12:00:00+07:00' },
    ]);
    expect(sfn.commandCalls(ListExecutionsCommand).map((c) => c.args[0].input.statusFilter).sort()).toEqual(['ABORTED', 'FAILED', 'TIMED_OUT']);
    // the unstarted items' shards, never the open index
    expect(db.commandCalls(QueryCommand).map((c) => c.args[0].input.ExpressionAttributeValues![':pk']).sort()).toEqual(unstartedShardKeys().sort());
    // only the current executions of open dossiers are described
    expect(sfn.commandCalls(DescribeExecutionCommand).map((c) => c.args[0].input.executionArn!.split(':').at(-1)).sort()).toEqual([
      'TTHCC-261207-0002', 'TTHCC-261207-0003', 'TTHCC-261207-0005-r2', 'TTHCC-261207-0006',
    ]);
  });

  it('asks Step Functions about the stopped executions, not about every open dossier: its calls do not grow with the open set', async () => {
    // 3,000 open dossiers, all running; 2,500 executions failed (pages of 1,000), 2 of them still current
    for (let n = 1; n <= 3000; n++) {
      const code = `TTHCC-261207-${String(n).padStart(4, '0')}`;
      dossiers[code] = open(code, n <= 2500 && n > 2 ? { executionName: `${code}-r1` } : {});
      executions[n <= 2500 && n > 2 ? `${code}-r1` : code] = { status: 'RUNNING' };
      if (n <= 2500) executions[code] = { status: 'FAILED', error: 'Lambda.Unknown' };
    }
    const answer = await invoke(route, { as: operator, query: { state: 'failed' } });
    expect(answer.status).toBe(200);
    expect(answer.body.dossiers.map((d: { dossierCode: string }) => d.dossierCode)).toEqual(['TTHCC-261207-0001', 'TTHCC-261207-0002']);
    expect(sfn.commandCalls(ListExecutionsCommand)).toHaveLength(3 + 2); // FAILED in 3 pages, the two others in one
    expect(sfn.commandCalls(DescribeExecutionCommand)).toHaveLength(2);
    expect(db.commandCalls(BatchGetCommand)).toHaveLength(25); // the 2,500 failed executions' dossiers, 100 a call
  });

  it('answers an empty list when every workflow runs', async () => {
    const answer = await invoke(route, { as: operator, query: { state: 'failed' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ state: 'failed', dossiers: [] });
    expect(sfn.commandCalls(DescribeExecutionCommand)).toHaveLength(0);
  });
});
