import { QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { DescribeExecutionCommand, SFNClient } from '../commons/aws/sfn';
import { openIndexKeys, openShardKeys } from '../commons/open-index';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { FailedDossiers } from '../contracts/responses';
import { route } from './route';

vi.stubEnv('STATE_MACHINE_ARN', 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:dossier');

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const open = (code: string, extra: Record<string, unknown> = {}) => ({ PK: `DOSSIER#${code}`, SK: 'META', code, status: 4, ...extra });
const executions: Record<string, { status?: string; error?: string; stopDate?: Date } | 'missing'> = {};

describe('GET /ops/dossiers', () => {
  beforeEach(() => {
    db.reset();
    sfn.reset();
    sfn.on(DescribeExecutionCommand).callsFake(({ executionArn }: { executionArn: string }) => {
      const e = executions[executionArn.split(':').at(-1)!];
      if (!e || e === 'missing') throw Object.assign(new Error('none'), { name: 'ExecutionDoesNotExist' });
      return e;
    });
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { query: { state: 'failed' } })).status).toBe(401);
  });

  it('refuses the desk (403)', async () => {
    expect((await invoke(route, { as: desk, query: { state: 'failed' } })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names state when it is missing or not failed (400)', async () => {
    for (const query of [{}, { state: 'running' }] as Record<string, string>[]) {
      const answer = await invoke(route, { as: operator, query, headers: { 'accept-language': 'en' } });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]).toEqual({ field: 'state', code: 'invalid_option', message: 'state=failed' });
    }
  });

  it('lists the open dossiers whose execution stopped or never started, by code, with the error name only', async () => {
    Object.assign(executions, {
      'TTHCC-261207-0003': { status: 'FAILED', error: 'States.TaskFailed', stopDate: new Date('2026-12-07T03:00:00Z') },
      'TTHCC-261207-0001-r1': { status: 'RUNNING' },
      'TTHCC-261207-0002': 'missing',
      'TTHCC-261207-0004': { status: 'TIMED_OUT' },
    });
    const items = [
      open('TTHCC-261207-0003'),
      open('TTHCC-261207-0001', { executionName: 'TTHCC-261207-0001-r1' }),
      open('TTHCC-261207-0002', { status: 2 }),
      open('TTHCC-261207-0004', { closedAt: '2026-12-07T04:00:00.000Z' }),
    ];
    // the open index's shards (OPEN#<n>, by a hash of the code)
    db.on(QueryCommand).callsFake((input) => ({ Items: items.filter((i) => openIndexKeys(String(i.code)).GSI1PK === input.ExpressionAttributeValues[':pk']) }));
    const answer = await invoke(route, { as: operator, query: { state: 'failed' } });
    expect(answer.status).toBe(200);
    const body = FailedDossiers.parse(answer.body);
    expect(body.dossiers).toEqual([
      { dossierCode: 'TTHCC-261207-0002', status: 2, execution: 'TTHCC-261207-0002', executionStatus: 'NOT_STARTED' },
      { dossierCode: 'TTHCC-261207-0003', status: 4, execution: 'TTHCC-261207-0003', executionStatus: 'FAILED', error: 'States.TaskFailed', stoppedAt: '2026-12-07T10:00:00+07:00' },
    ]);
    expect(db.commandCalls(QueryCommand).map((c) => c.args[0].input.ExpressionAttributeValues![':pk']).sort()).toEqual(openShardKeys().sort());
    expect(db.commandCalls(QueryCommand).every((c) => c.args[0].input.IndexName === 'GSI1')).toBe(true);
    // a closed dossier is not asked about
    expect(sfn.commandCalls(DescribeExecutionCommand).map((c) => c.args[0].input.executionArn)).not.toContainEqual(expect.stringContaining('0004'));
  });

  it('answers an empty list when every workflow runs', async () => {
    db.on(QueryCommand).resolves({ Items: [] });
    const answer = await invoke(route, { as: operator, query: { state: 'failed' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ state: 'failed', dossiers: [] });
  });
});
