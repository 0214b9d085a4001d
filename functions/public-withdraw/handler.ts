import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { once } from '../commons/idempotency';
import { documentClient, tableName } from '../commons/aws';
import { wake } from '../commons/callback';
import { now } from '../commons/clock';
import { conflict, json, jsonBody, parse } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { logger } from '../commons/powertools';
import { isConditionFailed, keys, listDossierItems } from '../commons/store';
import { text } from '../commons/text';
import { toLocalIso } from '../commons/time';
import type { Dossier } from '../core/dossier';

const Path = z.object({ code: dossierCode });
const Withdraw = z.object({ reason: text(1000).optional() }).strict();

/**
 * POST /public/dossiers/{code}/withdraw with `X-Lookup-Pin`: status 7, and everything stops —
 * one conditional write on the dossier, then every waiting task is woken to see it.
 */
export const handler = apiHandler('POST /public/dossiers/{code}/withdraw', async (event) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  await dossierForCitizen(event, code);
  const body = parse(Withdraw, jsonBody(event) ?? {});
  const at = now().toISOString();
  let before: Dossier;
  try {
    const out = await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.dossier(code),
        UpdateExpression: 'SET #status = :withdrawn, #stop = :stop',
        ConditionExpression: '#status IN (:received, :processing, :paused)',
        ExpressionAttributeNames: { '#status': 'status', '#stop': 'stop' },
        ExpressionAttributeValues: {
          ':withdrawn': 7,
          ':received': 2,
          ':processing': 4,
          ':paused': 5,
          ':stop': { kind: 'withdrawn', at, reason: body.reason ?? '' },
        },
        ReturnValues: 'ALL_OLD',
      }),
    );
    before = out.Attributes as Dossier;
  } catch (error) {
    if (isConditionFailed(error)) throw conflict('This dossier can no longer be withdrawn');
    throw error;
  }
  const { steps } = await listDossierItems(code);
  await Promise.all(steps.filter((s) => s.state === 'pending').map((s) => wake(s.taskToken, s.stepId)));
  if (before.openPause) await wake(before.supplementToken, before.pauses[before.openPause]?.stepId ?? '');
  logger.info('dossier withdrawn by the citizen', { dossierCode: code });
  return json(202, { dossierCode: code, status: 7, withdrawnAt: toLocalIso(at) });
}, { idempotency: once });
