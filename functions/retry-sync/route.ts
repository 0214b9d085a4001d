import * as z from 'zod';
import { once } from '../commons/idempotency';
import { conflict, notFound } from '../commons/http';
import { logger } from '../commons/powertools';
import { parseOpsId, retryEvent, listOutbox, opsId } from '../commons/outbox';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';

const Path = z.object({ id: z.string().regex(/^[A-Z0-9]{2,12}-\d{6}-\d{4,}\.\d{1,6}$/, 'an event id <dossierCode>.<sequence>, such as TTHCC-261201-0001.3') });
export const SyncRetried = z.object({ id: z.string(), code: z.string(), seq: z.number().int(), state: z.literal('pending') });

/**
 * POST /ops/sync/{id}/retry (operator): send a parked event to the national portal again, with a
 * fresh retry budget, now (it keeps its place in the dossier's order). 409 once it was accepted.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/ops/sync/{id}/retry',
  summary: 'Send a parked event to the National Public Service Portal again',
  operationId: 'retrySync',
  roles: ['operator'],
  access: { table: 'read-write' },
  params: Path,
  responses: { 202: SyncRetried },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ params: { id } }) => {
    const { code, seq } = parseOpsId(id)!;
    const item = (await listOutbox(code)).find((e) => e.seq === seq);
    if (!item) throw notFound(`No event ${id}`);
    if (item.portalState === 'sent' || item.portalState === 'skipped') throw conflict(`Event ${id} was already accepted by the portal`);
    await retryEvent(code, seq);
    logger.info('sync event resent by an operator', { dossierCode: code, seq });
    return reply(202, { id: opsId(code, seq), code, seq, state: 'pending' as const });
  },
});
