import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../commons/aws';
import * as z from 'zod';
import { compose, Input, type Input as Letter } from '../commons/compose-email';
import { readEmail, requestEmail } from '../commons/email-store';
import { enqueueEmail } from '../commons/email-queue';
import { logger } from '../commons/powertools';
import { keys } from '../commons/store';
import { NOTIFY_TASK } from '../core/workflow-contract';

function markStepSent(code: string, stepId: string, eventKey: string) {
  return documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.step(code, stepId),
      UpdateExpression: 'SET sent.#k = :t',
      ExpressionAttributeNames: { '#k': eventKey },
      ExpressionAttributeValues: { ':t': true },
    }),
  );
}

/**
 * One email per (dossier, event key), never lost: the email is recorded (`queued`, a conditional
 * write) and its message put on the email queue; the sender (functions/send-email) claims it,
 * sends it at the pace SES allows and retries it, so this returns at once and never fails
 * because of SES. Asked again, it re-queues only an email still waiting for its first message.
 */
export async function notify(input: Letter) {
  const code = input.dossierCode;
  let item = await readEmail(code, input.eventKey);
  if (!item) {
    const { event } = await compose(input); // the facts it needs exist (else the workflow retries)
    item = (await requestEmail(code, input.eventKey, event, { event: input.event, ...(input.stepId ? { stepId: input.stepId } : {}) })).item;
  }
  if (item.state === 'queued') await enqueueEmail({ dossierCode: code, eventKey: input.eventKey });
  if (input.stepId) await markStepSent(code, input.stepId, input.eventKey);
  logger.info('email queued', { dossierCode: code, event: item.event, eventKey: input.eventKey, state: item.state });
  return { queued: item.state === 'queued' };
}

/** The Notify task's payload: one letter, as the ASL names it. */
export const notifyInput = Input.extend({ task: z.literal(NOTIFY_TASK) });
