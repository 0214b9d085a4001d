import * as z from 'zod';

/** The national portal's daily reconciliation (commons/reconcile.ts): codes, statuses and dates only. */
export const SyncDifference = z.object({
  code: z.string(),
  maHoSo: z.string().meta({ description: "The portal's code of the dossier (the centre's, or the one the portal pushed)" }),
  kind: z.enum(['missing', 'status', 'appointment']),
  ours: z.union([z.string(), z.number()]).optional(),
  theirs: z.union([z.string(), z.number()]).optional(),
});
export const SyncReconciliation = z.object({
  date: z.string(),
  at: z.string(),
  checked: z.number().int(),
  differences: z.array(SyncDifference),
  errors: z.array(z.object({ code: z.string(), error: z.string() })),
});

/** The connection's state at a glance (the console's connection panel). */
export const SyncStatus = z.object({
  connected: z.boolean(),
  pending: z.number().int().meta({ description: 'Events waiting to be sent (or for their retry time)' }),
  parked: z.number().int().meta({ description: 'Events parked after their retries: an operator resends them' }),
  lastSentAt: z.string().optional().meta({ description: 'When the portal last accepted a call' }),
  reconciliation: SyncReconciliation.optional().meta({ description: 'The latest daily reconciliation' }),
});

export const DateQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD') });
