import { DescribeExecutionCommand } from '../functions/commons/aws/sfn';
import { stepFunctions } from '../functions/commons/aws';
import { workingCalendar } from '../functions/commons/calendar';
import { inParallel } from '../functions/commons/in-parallel';
import { queryOpen } from '../functions/commons/open-index';
import { markDue, markWaiting } from '../functions/commons/ops-index';
import { markUnstarted } from '../functions/commons/workflow';
import { openPauses, type Dossier } from '../functions/core/dossier';
import { dossierAppointments } from '../functions/core/records';

/**
 * Issue 26 (bounded reads): tables written before the ops lists' sparse items hold none. Run once
 * after deploying (TABLE_NAME, STATE_MACHINE_ARN and AWS credentials of the centre's account in
 * the environment; `npx tsx scripts/migrate-ops-index.ts`): it reads the open set once — the last
 * read that walks it — and gives each open dossier
 *  - its DUE item (commons/ops-index.ts) at its original appointment counted without pauses,
 *    unless its result is ready;
 *  - its WAITING item when it waits for a supplement (status 5);
 *  - an UNSTARTED item (commons/workflow.ts) when its current execution does not exist (one
 *    DescribeExecution per open dossier, 8 at a time).
 * Idempotent (the same items again). Until it has run, GET /ops/overdue, GET /ops/dossiers?state=failed
 * ("never started") and GET /dossiers?status=5 miss the dossiers opened before the deploy.
 */
export async function migrateOpsIndex(log = (s: string) => console.log(s)): Promise<{ due: number; waiting: number; unstarted: number }> {
  const cal = await workingCalendar();
  const open = ((await queryOpen()) as unknown as Dossier[]).filter((d) => !d.closedAt);
  const arn = (name: string) => `${process.env.STATE_MACHINE_ARN!.replace(':stateMachine:', ':execution:')}:${name}`;
  const counts = { due: 0, waiting: 0, unstarted: 0 };
  await inParallel(open, 8, async (d) => {
    if (!d.resultReadyAt) {
      const base = dossierAppointments(cal, { ...d, pauses: {} }).original;
      if (base) {
        await markDue(d.code, base.toISOString());
        counts.due++;
      }
    }
    const waiting = openPauses(d)[0];
    if (d.status === 5 && waiting) {
      await markWaiting(d, waiting[0]);
      counts.waiting++;
    }
    const name = d.executionName ?? d.code;
    try {
      await stepFunctions().send(new DescribeExecutionCommand({ executionArn: arn(name) }));
    } catch (error) {
      if ((error as Error).name !== 'ExecutionDoesNotExist') throw error;
      await markUnstarted(d.code, name);
      counts.unstarted++;
    }
  });
  log(`${open.length} open dossiers: ${counts.due} DUE, ${counts.waiting} WAITING, ${counts.unstarted} UNSTARTED items`);
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await migrateOpsIndex();
}
