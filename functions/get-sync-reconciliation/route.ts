import { notFound } from '../commons/http';
import { getReconciliation } from '../commons/reconcile';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { DateQuery, SyncReconciliation } from '../contracts/sync';
import { toLocalIso } from '../core/local-time';

/**
 * GET /ops/sync/reconciliation?date=YYYY-MM-DD (operators): that day's reconciliation with the
 * national portal — each open synced dossier read back (`TraCuuHoSo`), the ones the portal has
 * not, or holds with another status or appointment. 404: it did not run that day.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/ops/sync/reconciliation',
  summary: "The day's reconciliation with the National Public Service Portal (differences)",
  operationId: 'getSyncReconciliation',
  roles: ['operator'],
  access: { table: 'read' },
  query: DateQuery,
  responses: { 200: SyncReconciliation },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ query: { date } }) => {
    const r = await getReconciliation(date);
    if (!r) throw notFound(`No reconciliation on ${date}`);
    return reply(200, { ...r, at: toLocalIso(r.at) });
  },
});
