import * as z from 'zod';
import { once } from '../commons/idempotency';
import { wake } from '../commons/callback';
import { now } from '../commons/clock';
import { conflict } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { logger } from '../commons/powertools';
import { CITIZEN_WRITES, defineRoute, reply, IDEMPOTENCY_HEADER, PIN_HEADER } from '../commons/route';
import { keys, listDossierItems, updateIf } from '../commons/store';
import { text } from '../core/text';
import { Withdrawn } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import type { Dossier } from '../core/dossier';

const Path = z.object({ code: dossierCode });
export const Withdraw = z.object({ reason: text(1000).optional() }).strict();

/**
 * POST /public/dossiers/{code}/withdraw with `X-Lookup-Pin`: status 7, and everything stops —
 * one conditional write on the dossier, then every waiting task is woken to see it.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/dossiers/{code}/withdraw',
  summary: 'Citizen: withdraw the dossier',
  operationId: 'publicWithdraw',
  roles: ['public'],
  // the PIN check's counters: BatchGetItem (functions/commons/lookup.ts)
  access: { table: CITIZEN_WRITES, sendTaskResult: true },
  params: Path,
  body: Withdraw,
  responses: { 202: Withdrawn },
  errors: [404, 409, 429],
  headers: [PIN_HEADER, IDEMPOTENCY_HEADER],
  idempotency: once,
  citizen: dossierForCitizen,
  handler: async ({ params: { code }, body }) => {
    const at = now().toISOString();
    const before = (await updateIf({
      Key: keys.dossier(code),
      UpdateExpression: 'SET #status = :withdrawn, #stop = :stop',
      ConditionExpression: '#status IN (:received, :processing, :paused, :fees)',
      ExpressionAttributeNames: { '#status': 'status', '#stop': 'stop' },
      ExpressionAttributeValues: {
        ':withdrawn': 7,
        ':received': 2,
        ':processing': 4,
        ':paused': 5,
        ':fees': 6,
        ':stop': { kind: 'withdrawn', at, reason: body.reason ?? '' },
      },
      ReturnValues: 'ALL_OLD',
    })) as Dossier | undefined;
    if (!before) throw conflict('This dossier can no longer be withdrawn');
    const { steps } = await listDossierItems(code);
    await Promise.all(steps.filter((s) => s.state === 'pending' || s.state === 'supplement-requested').map((s) => wake(s.taskToken, s.stepId)));
    if (before.supplementToken) await wake(before.supplementToken, ''); // a dossier paused before tokens moved to the steps
    logger.info('dossier withdrawn by the citizen', { dossierCode: code });
    return reply(202, { dossierCode: code, status: 7 as const, withdrawnAt: toLocalIso(at) });
  },
});
