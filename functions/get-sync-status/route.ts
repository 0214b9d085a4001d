import { nationalPortalConfig } from '../commons/dvcqg-client';
import { syncStatusKey } from '../commons/outbox';
import { getReconciliation } from '../commons/reconcile';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { getItem, queryIndex } from '../commons/store';
import { SyncStatus } from '../contracts/sync';
import { localDate, toLocalIso } from '../core/local-time';
import { now } from '../commons/clock';

/**
 * GET /ops/sync/status (operators): the national portal connection at a glance — events waiting,
 * events parked, when the portal last accepted a call, the latest reconciliation (today's, else
 * yesterday's). The console's connection panel.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/ops/sync/status',
  summary: 'The National Public Service Portal connection: backlog, parked, last accepted call, reconciliation',
  operationId: 'getSyncStatus',
  roles: ['operator'],
  access: { table: 'read' },
  responses: { 200: SyncStatus },
  errors: OFFICER_ERRORS,
  handler: async () => {
    const [pending, parked, head] = await Promise.all([queryIndex('SYNC#pending'), queryIndex('SYNC#parked'), getItem(syncStatusKey)]);
    const today = now();
    const r = (await getReconciliation(localDate(today))) ?? (await getReconciliation(localDate(today.getTime() - 86400_000)));
    return reply(200, {
      connected: nationalPortalConfig() !== undefined,
      pending: pending.filter((i) => i.portalState === 'pending').length,
      parked: parked.filter((i) => i.portalState === 'parked').length,
      ...(head?.lastSentAt ? { lastSentAt: toLocalIso(String(head.lastSentAt)) } : {}),
      ...(r ? { reconciliation: { ...r, at: toLocalIso(r.at) } } : {}),
    });
  },
});
