import { UpdateCommand } from '../commons/aws/dynamodb';
import { documentClient, tableName } from '../commons/aws';
import { now } from '../commons/clock';
import { compose, UnwritableLetter, type Input as Letter } from '../commons/compose-email';
import { readEmail, requestEmail } from '../commons/email-store';
import { enqueueEmail } from '../commons/email-queue';
import { logger, metrics, MetricUnit } from '../commons/powertools';
import { keys } from '../commons/store';

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
 * A letter the facts cannot write: record it on the dossier, where operators see it
 * (GET /dossiers/{code}), count it (EmailFailed, alarmed), mark the step's letter as handled, go on.
 */
async function recordUnwritable(code: string, eventKey: string, error: string, stepId?: string) {
  const ddb = documentClient();
  await ddb.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.dossier(code),
      UpdateExpression: 'SET emailFailures.#k = :f',
      ExpressionAttributeNames: { '#k': eventKey },
      ExpressionAttributeValues: { ':f': { at: now().toISOString(), error: error.slice(0, 200) } },
    }),
  );
  if (stepId) {
    await ddb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.step(code, stepId),
        UpdateExpression: 'SET sent.#k = if_not_exists(sent.#k, :failed)',
        ExpressionAttributeNames: { '#k': eventKey },
        ExpressionAttributeValues: { ':failed': 'failed' },
      }),
    );
  }
  metrics.addMetric('EmailFailed', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
  logger.error('letter cannot be written', { dossierCode: code, eventKey, error });
}

/**
 * Tell the citizen (or an agency): one letter per (dossier, event key), never lost, never sent
 * twice. Called inline by the workflow task that decides the letter (OpenStage, CheckStep,
 * CloseDossier): the letter is recorded (`EMAIL#<eventKey>`, `queued`, a conditional put) and its
 * message put on the email queue; the sender (functions/send-email) claims it, sends it at the
 * pace SES allows and retries it, so this returns at once and never fails because of SES. If the
 * record or the queue fails, the task fails and the state machine retries it: asked again, it
 * finds the letter and re-queues it only while it waits for its first message. A letter the facts
 * cannot write is recorded as failed on the dossier, and the workflow goes on.
 */
export async function notify(input: Letter): Promise<{ queued: boolean }> {
  const code = input.dossierCode;
  let item = await readEmail(code, input.eventKey);
  if (!item) {
    let event: string;
    try {
      event = (await compose(input)).event; // the facts it needs exist (else the workflow retries)
    } catch (error) {
      if (!(error instanceof UnwritableLetter)) throw error;
      await recordUnwritable(code, input.eventKey, error.message, input.stepId);
      return { queued: false };
    }
    item = (await requestEmail(code, input.eventKey, event, { event: input.event, ...(input.stepId ? { stepId: input.stepId } : {}) })).item;
  }
  if (item.state === 'queued') await enqueueEmail({ dossierCode: code, eventKey: input.eventKey });
  if (input.stepId) await markStepSent(code, input.stepId, input.eventKey);
  logger.info('email queued', { dossierCode: code, event: item.event, eventKey: input.eventKey, state: item.state });
  return { queued: item.state === 'queued' };
}
