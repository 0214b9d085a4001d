import { UpdateCommand } from '../commons/aws/dynamodb';
import middy from '@middy/core';
import * as z from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { openContact } from '../commons/contacts';
import { readEmail, recordSent } from '../commons/email-store';
import { dossierCode } from '../commons/params';
import { isFeedbackCode } from '../core/feedback';
import { injectLambdaContext, logger, metrics, MetricUnit } from '../commons/powertools';
import { isConditionFailed, keys } from '../commons/store';
import { DELIVERY_EVENTS, needsContact } from '../core/email-delivery';

/** The part of SES's EventBridge event we read; addresses in it are never logged nor stored. */
const SesEvent = z.object({
  time: z.string().optional(),
  detail: z.looseObject({
    eventType: z.string(),
    mail: z.looseObject({ messageId: z.string().min(1).max(200), tags: z.record(z.string(), z.array(z.string())).optional() }),
    bounce: z.looseObject({ bounceType: z.string().optional(), bounceSubType: z.string().optional(), timestamp: z.string().optional() }).optional(),
  }),
});
const Tags = z.object({ dossier: dossierCode, eventKey: z.string().regex(/^[a-z0-9-]{1,80}$/), claim: z.coerce.number().int().min(0) });

const METRIC: Record<string, string> = { delivery: 'EmailDelivered', bounce: 'EmailBounced', complaint: 'EmailComplained', 'delivery-delay': 'EmailDelayed', reject: 'EmailRejected', 'rendering-failure': 'EmailRenderingFailed' };

/**
 * One SES event (send, delivery, bounce, complaint, delivery delay, reject, rendering failure)
 * recorded on the email it belongs to, named by the message's tags. At least once and
 * idempotent: each event's instant is set once, and the letter's `delivery` state only moves to a
 * higher-ranked one (a bounce overrides a delivery, never the reverse). A bounce or complaint
 * puts the dossier in its desk's list of citizens to call.
 */
async function record(raw: unknown) {
  const parsed = SesEvent.safeParse(raw);
  const kind = parsed.success ? DELIVERY_EVENTS[parsed.data.detail.eventType] : undefined;
  if (!parsed.success || !kind) return { recorded: false, reason: 'not an SES sending event' };
  const { detail } = parsed.data;
  const tags = Tags.safeParse(Object.fromEntries(Object.entries(detail.mail.tags ?? {}).map(([k, v]) => [k, v[0]])));
  if (!tags.success) return { recorded: false, reason: 'not a letter of ours' };
  const { dossier: code, eventKey, claim } = tags.data;
  const messageId = detail.mail.messageId;
  let item = await readEmail(code, eventKey);
  if (!item) return { recorded: false, reason: 'unknown email' };
  if (!item.messageId && item.state === 'claimed' && item.claim === claim) {
    // SES accepted this attempt before its sender could record it: the event records it instead
    await recordSent(code, eventKey, claim, messageId, (item.attempts ?? 0) + 1);
    item = await readEmail(code, eventKey);
  }
  if (!item?.messageId && item?.claim === claim) throw new Error('email not recorded as sent yet: retry');
  if (item?.messageId !== messageId) return { recorded: false, reason: 'an earlier message of a letter sent again' };

  const body = (detail as Record<string, unknown>)[{ send: 'send', 'delivery-delay': 'deliveryDelay', 'rendering-failure': 'failure' }[kind.event as string] ?? kind.event] as { timestamp?: string } | undefined;
  const at = body?.timestamp ?? parsed.data.time ?? new Date().toISOString();
  const values: Record<string, unknown> = { ':t': at, ':m': messageId };
  const set = [`#at = if_not_exists(#at, :t)`];
  if (detail.bounce?.bounceType) {
    set.push('bounceType = :bt');
    values[':bt'] = `${detail.bounce.bounceType}/${detail.bounce.bounceSubType ?? ''}`;
  }
  const update = (withState: boolean) =>
    documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.email(code, eventKey),
        UpdateExpression: `SET ${[...set, ...(withState ? ['delivery = :s', 'deliveryRank = :r'] : [])].join(', ')}`,
        ConditionExpression: withState ? 'messageId = :m AND (attribute_not_exists(deliveryRank) OR deliveryRank < :r)' : 'messageId = :m',
        ExpressionAttributeNames: { '#at': kind.at },
        ExpressionAttributeValues: withState ? { ...values, ':s': kind.state, ':r': kind.rank } : values,
      }),
    );
  try {
    await update(true);
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    await update(false).catch((e) => {
      if (!isConditionFailed(e)) throw e;
    });
    return { recorded: true, state: item.delivery, changed: false };
  }
  if (METRIC[kind.event]) metrics.addMetric(METRIC[kind.event]!, MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
  // a feedback item's letter (PA-…) has no desk's list of citizens to call: its state is on the letter
  if (needsContact(kind.state) && !isFeedbackCode(code)) await openContact(code, eventKey, item.event, kind.state, at);
  logger.info('email delivery recorded', { dossierCode: code, eventKey, delivery: kind.state });
  return { recorded: true, state: kind.state, changed: true };
}

export const handler = middy<unknown, unknown>().use(injectLambdaContext(logger)).handler(record);
