import { DescribeExecutionCommand } from '../commons/aws/sfn';
import { queryOpen } from '../commons/open-index';
import * as z from 'zod';
import { stepFunctions } from '../commons/aws';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { FailedDossiers } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';

export const Query = z.object({ state: z.enum(['failed'], { error: 'state=failed' }) });
const STOPPED = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

const executionArn = (name: string) => `${process.env.STATE_MACHINE_ARN!.replace(':stateMachine:', ':execution:')}:${name}`;

/** The dossier's current execution: its status and error name (ids only; no cause text, no input). */
async function execution(name: string) {
  try {
    const out = await stepFunctions().send(new DescribeExecutionCommand({ executionArn: executionArn(name) }));
    return { status: out.status ?? 'UNKNOWN', error: out.error, stoppedAt: out.stopDate };
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') return { status: 'NOT_STARTED' as const };
    throw error;
  }
}

/**
 * GET /ops/dossiers?state=failed (operators): the open dossiers whose workflow is not running —
 * its execution failed, timed out or was aborted (or never started) — each with the error name,
 * so that an operator fixes the cause and resumes it (POST /ops/dossiers/{code}/resume).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/ops/dossiers',
  summary: 'The open dossiers whose workflow is not running (failed, timed out, aborted, never started)',
  operationId: 'listFailedDossiers',
  roles: ['operator'],
  access: { table: 'read', describeExecution: true },
  timeoutSeconds: 29,
  query: Query,
  responses: { 200: FailedDossiers },
  errors: OFFICER_ERRORS,
  handler: async () => {
    const open = await queryOpen();
    const rows: z.input<typeof FailedDossiers>['dossiers'] = [];
    const queue = [...open];
    await Promise.all(
      Array.from({ length: Math.min(8, queue.length) }, async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          const code = String(item.code);
          if (item.closedAt) continue;
          const name = String(item.executionName ?? code);
          const e = await execution(name);
          if (e.status !== 'NOT_STARTED' && !STOPPED.has(e.status)) continue;
          rows.push({
            dossierCode: code,
            status: item.status as number,
            execution: name,
            executionStatus: e.status,
            ...('error' in e && e.error ? { error: e.error } : {}),
            ...('stoppedAt' in e && e.stoppedAt ? { stoppedAt: toLocalIso(e.stoppedAt) } : {}),
          });
        }
      }),
    );
    rows.sort((a, b) => a.dossierCode.localeCompare(b.dossierCode));
    return reply(200, { state: 'failed' as const, dossiers: rows });
  },
});
