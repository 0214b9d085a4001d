import { DynamoDBDocumentClient } from './aws/dynamodb';
import { DescribeExecutionCommand, SFNClient } from './aws/sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTable } from '../../test/support/fake-table';
import '../../test/support/route-unit';
import { migrateOpsIndex } from '../../scripts/migrate-ops-index';
import { openIndexKeys } from './open-index';
import { dueKeys, dueShardKeys, markDue, waitingDeskKey, waitingKeys } from './ops-index';
import { unstartedKeys } from './workflow';
import { workingCalendar } from './calendar';
import { appointmentAt } from '../core/deadlines';

vi.stubEnv('STATE_MACHINE_ARN', 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:dossier');

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
let table: FakeTable;
const code = (n: number) => `TTHCC-261207-${String(n).padStart(4, '0')}`;
const procedure = { code: 'TP-LLTP', stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP', name: { vi: 'B', en: 'S' }, budgetHours: 16 }] }] };
const meta = (n: number, extra: Record<string, unknown> = {}) => ({
  PK: `DOSSIER#${code(n)}`, SK: 'META', ...openIndexKeys(code(n)), code: code(n), status: 4, procedure, receivedAt: '2026-12-07T02:00:00.000Z', pauses: {}, extensions: {}, ...extra,
});

describe('the ops lists’ sparse items (commons/ops-index.ts)', () => {
  beforeEach(() => {
    db.reset();
    sfn.reset();
    table = new FakeTable().serve(db);
  });

  it('gives the open dossiers of a table written before them their DUE, WAITING and UNSTARTED items, once (scripts/migrate-ops-index.ts)', async () => {
    table.put(meta(1)); // running
    table.put(meta(2, { status: 5, branch: 'CN1', executionName: `${code(2)}-r1`, pauses: { 's1-stp-1': { stepId: 's1-stp', round: 1, agency: 'STP', from: '2026-12-07T04:00:00.000Z' } } }));
    table.put(meta(3, { status: 9, resultReadyAt: '2026-12-08T02:00:00.000Z' })); // result ready: not overdue any more
    const { GSI1PK: _, GSI1SK: __, ...closed } = meta(4, { closedAt: '2026-12-08T00:00:00.000Z' });
    table.put(closed);
    sfn.on(DescribeExecutionCommand).callsFake(({ executionArn }: { executionArn: string }) => {
      if (executionArn.endsWith(`:${code(2)}-r1`)) throw Object.assign(new Error('none'), { name: 'ExecutionDoesNotExist' });
      return { status: 'RUNNING' };
    });
    expect(await migrateOpsIndex(() => {})).toEqual({ due: 2, waiting: 1, unstarted: 1 });
    // the appointment counted without pauses (the paused one's too: a lower bound)
    const base = appointmentAt(await workingCalendar(), { receivedAt: '2026-12-07T02:00:00.000Z', procedure: procedure as never, extensions: {}, pauses: {} })!.toISOString();
    expect(table.get(dueKeys(code(1)))).toMatchObject({ GSI1SK: `${base}#${code(1)}`, code: code(1) });
    expect(dueShardKeys()).toContain(table.get(dueKeys(code(1)))!.GSI1PK);
    expect(table.get(dueKeys(code(2)))!.GSI1SK).toBe(`${base}#${code(2)}`);
    expect(table.get(dueKeys(code(3)))).toBeUndefined();
    expect(table.get(waitingKeys(code(2)))).toMatchObject({ GSI1PK: waitingDeskKey('CN1'), GSI1SK: `2026-12-07T02:00:00.000Z#${code(2)}`, pause: 's1-stp-1' });
    expect(table.get(unstartedKeys(code(2), `${code(2)}-r1`))).toMatchObject({ code: code(2), execution: `${code(2)}-r1` });
    expect(table.all().filter((i) => String(i.PK) === `WORKFLOW#${code(4)}`)).toEqual([]);
    const before = table.all().length;
    await migrateOpsIndex(() => {});
    expect(table.all().length).toBe(before);
  });

  it('keeps the earliest DUE at receipt (a retried intake, two checks at once), and a supplement raises it', async () => {
    await markDue(code(1), '2026-12-10T02:00:00.000Z', { lowerOnly: true });
    await markDue(code(1), '2026-12-10T05:00:00.000Z', { lowerOnly: true }); // later: refused
    expect(table.get(dueKeys(code(1)))!.GSI1SK).toBe(`2026-12-10T02:00:00.000Z#${code(1)}`);
    await markDue(code(1), '2026-12-09T02:00:00.000Z', { lowerOnly: true });
    expect(table.get(dueKeys(code(1)))!.GSI1SK).toBe(`2026-12-09T02:00:00.000Z#${code(1)}`);
    await markDue(code(1), '2026-12-14T02:00:00.000Z'); // raised when the last pause closes
    expect(table.get(dueKeys(code(1)))!.GSI1SK).toBe(`2026-12-14T02:00:00.000Z#${code(1)}`);
  });
});
