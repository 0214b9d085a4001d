import { HttpProblem } from '../commons/http';
import { once } from '../commons/idempotency';
import { logger } from '../commons/powertools';
import { reconcile } from '../commons/reconcile';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { SyncReconciliation } from '../contracts/sync';
import { toLocalIso } from '../core/local-time';

/**
 * POST /ops/sync/reconciliation (operators): run today's reconciliation now (the schedule runs it
 * daily at 05:00; locally there is no schedule, and an operator may want it again after a fix).
 * It replaces the day's earlier result. 503 when the centre is not connected.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/ops/sync/reconciliation',
  summary: 'Reconcile with the National Public Service Portal now',
  operationId: 'runSyncReconciliation',
  roles: ['operator'],
  access: { table: 'read-write', nationalPortalSecret: true },
  timeoutSeconds: 29,
  responses: { 200: SyncReconciliation },
  errors: [...OFFICER_ERRORS, 503],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async () => {
    const r = await reconcile();
    if (!r) throw new HttpProblem(503, 'Service Unavailable', 'This centre is not connected to the national portal');
    logger.info('reconciliation run by an operator', { date: r.date, checked: r.checked, differences: r.differences.length });
    return reply(200, { ...r, at: toLocalIso(r.at) });
  },
});
