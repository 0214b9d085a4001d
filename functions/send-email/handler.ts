import { SendEmailCommand } from '../commons/aws/sesv2';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { email } from '../commons/aws';
import { now } from '../commons/clock';
import { enqueueEmail, type EmailMessage } from '../commons/email-queue';
import { claimEmail, readEmail, recordRefusal, recordSent, recordSuperseded, releaseClaim, type EmailItem } from '../commons/email-store';
import { composePinLetter } from '../commons/pin-issue';
import { PIN_EVENT } from '../core/email/pin-letter';
import { CONTACT_EVENT } from '../core/email/contact-letter';
import { composeContactLetter } from '../commons/contact-correction';
import { composeFeedbackLetter } from '../commons/feedback-store';
import { FEEDBACK_EVENTS } from '../core/email/feedback-letter';
import { composeOnlineCheckLetter, ONLINE_CHECK_KEY } from '../commons/online-check';
import { dossierCode } from '../commons/params';
import { injectLambdaContext, logger, metrics, MetricUnit } from '../commons/powertools';
import { currentCentre } from '../core/centre';
import { RETRY_BUDGET_HOURS, SES_CALL_TIMEOUT_MS, DEFAULT_LEASE_SECONDS, backoffSeconds, decide, isDefiniteRefusal, isThrottle } from '../core/email-delivery';
import { renderEmail, type RenderedEmail } from '../core/email/templates';
import { workingCalendar } from '../commons/calendar';
import { compose, Input as NotifyInput } from '../commons/compose-email';
import { pace, slowDown } from './pace';

const Message = z.object({ dossierCode, eventKey: z.string().regex(/^[a-z0-9-]{1,80}$/) });

const leaseSeconds = () => Number(process.env.EMAIL_LEASE_SECONDS) || DEFAULT_LEASE_SECONDS;
/** Local tests shorten the backoff (like the state machine's Retry); 1 on AWS. */
const retryScale = () => Number(process.env.EMAIL_RETRY_SCALE) || 1;
const senders = () => Number(process.env.EMAIL_SENDERS) || 1;
/** The centre's SES rate; until the stack passes the centre's profile, SES's smallest rate (1/s). */
const rate = () => (process.env.CENTRE_PROFILE ? currentCentre().sendingRatePerSecond : 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The message comes back later as a new one (so waiting never counts towards the dead-letter queue). */
const later = (m: EmailMessage, seconds: number) => enqueueEmail(m, seconds);

async function sendOne(m: EmailMessage): Promise<void> {
  const item = await readEmail(m.dossierCode, m.eventKey);
  const decision = decide(item, Date.now());
  if (decision.action === 'drop') return;
  if (decision.action === 'later') return later(m, decision.delaySeconds);
  const seen = item as EmailItem;
  const claim = await claimEmail(m.dossierCode, m.eventKey, seen, leaseSeconds() * 1000);
  if (claim === undefined) return later(m, 1); // another sender changed it first: look again

  let command: SendEmailCommand;
  try {
    let event: string, to: string, rendered: RenderedEmail;
    if (seen.event === PIN_EVENT) {
      // a PIN letter: its PIN is drawn now (functions/commons/pin-issue.ts); overtaken by a newer one, it is not sent
      const letter = await composePinLetter(m.dossierCode, m.eventKey, seen.cause === 'desk' ? 'desk' : 'reminder');
      if (!letter) return void (await recordSuperseded(m.dossierCode, m.eventKey, claim, 'superseded by a newer PIN letter'));
      ({ to, rendered } = letter);
      event = PIN_EVENT;
    } else if (seen.event === CONTACT_EVENT) {
      // the desk corrected the contact details: told at the address the dossier had before
      ({ to, rendered } = await composeContactLetter(m.dossierCode, m.eventKey));
      event = CONTACT_EVENT;
    } else if (FEEDBACK_EVENTS.includes(seen.event)) {
      // a feedback item's receipt or answer (functions/commons/feedback-store.ts)
      ({ to, rendered } = await composeFeedbackLetter(m.dossierCode, seen.event));
      event = seen.event;
    } else if (ONLINE_CHECK_KEY.test(m.eventKey)) {
      // the desk's check of an online dossier: ask for completion, form 03, or the desk's lapse warning
      ({ event, to, rendered } = await composeOnlineCheckLetter(m.dossierCode, m.eventKey));
    } else {
      const request = NotifyInput.parse({ dossierCode: m.dossierCode, eventKey: m.eventKey, ...(seen.request ?? { event: seen.event }) });
      const composed = await compose(request);
      const cal = await workingCalendar();
      ({ event, to } = composed);
      rendered = renderEmail(composed.event, composed.data, { isWorkingDay: (date) => cal.isWorkingDay(date) });
    }
    command = new SendEmailCommand({
      FromEmailAddress: process.env.SENDER_EMAIL,
      Destination: { ToAddresses: [to] },
      ConfigurationSetName: process.env.SES_CONFIGURATION_SET || undefined,
      // SES's events name the letter by these tags (functions/record-delivery)
      EmailTags: [
        { Name: 'event', Value: event },
        { Name: 'dossier', Value: m.dossierCode },
        { Name: 'eventKey', Value: m.eventKey },
        { Name: 'claim', Value: String(claim) },
      ],
      Content: {
        Simple: {
          Subject: { Data: rendered.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: rendered.text, Charset: 'UTF-8' }, Html: { Data: rendered.html, Charset: 'UTF-8' } },
          Attachments: rendered.attachments?.map((a) => ({ FileName: a.fileName, ContentType: a.contentType, RawContent: new TextEncoder().encode(a.content) })),
        },
      },
    });
  } catch (error) {
    return refused(m, seen, claim, `compose: ${(error as Error).message}`.slice(0, 300));
  }

  await pace(rate(), senders());
  let messageId: string;
  try {
    messageId = (await email().send(command, { abortSignal: AbortSignal.timeout(SES_CALL_TIMEOUT_MS) })).MessageId ?? 'unknown';
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    if (isThrottle(e)) {
      slowDown(1000);
      metrics.addMetric('EmailThrottled', MetricUnit.Count, 1);
      await releaseClaim(m.dossierCode, m.eventKey, claim, seen.state === 'retrying' ? 'retrying' : 'queued');
      return later(m, 1);
    }
    if (isDefiniteRefusal(e)) return refused(m, seen, claim, e.name || 'Error');
    // No answer: SES may have accepted it. Keep the claim; the next look waits until it is stale.
    logger.warn('email send: no answer from SES, the claim is kept', { dossierCode: m.dossierCode, eventKey: m.eventKey, error: e.name });
    return later(m, leaseSeconds() + 1);
  }

  // SES accepted it: record the message id, retrying the write (a failure here is the one window
  // in which a later attempt, once the claim is stale, may send a second copy).
  for (let attempt = 0; ; attempt++) {
    try {
      await recordSent(m.dossierCode, m.eventKey, claim, messageId, (seen.attempts ?? 0) + 1);
      break;
    } catch (error) {
      if (attempt >= 7) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
  metrics.addMetric('EmailSent', MetricUnit.Count, 1);
  logger.info('email sent', { dossierCode: m.dossierCode, eventKey: m.eventKey, event: seen.event });
}

/** SES (or composing) refused it: retry with backoff, for at least RETRY_BUDGET_HOURS, then `failed`. */
async function refused(m: EmailMessage, seen: EmailItem, claim: number, error: string): Promise<void> {
  const attempts = (seen.attempts ?? 0) + 1;
  const first = Date.parse(seen.firstAttemptAt ?? now().toISOString());
  const givenUp = now().getTime() - first >= RETRY_BUDGET_HOURS * 3600_000;
  const delay = backoffSeconds(attempts) * retryScale();
  await recordRefusal(m.dossierCode, m.eventKey, claim, error, { attempts, givenUp, nextAttemptAt: Date.now() + delay * 1000 });
  if (givenUp) {
    metrics.addMetric('EmailFailed', MetricUnit.Count, 1);
    logger.error('email given up after its retries', { dossierCode: m.dossierCode, eventKey: m.eventKey, attempts, error });
    return;
  }
  logger.warn('email refused, will retry', { dossierCode: m.dossierCode, eventKey: m.eventKey, attempts, error });
  return later(m, delay);
}

async function batch(event: SQSEvent): Promise<SQSBatchResponse> {
  // The records of a batch are handled side by side: reading, claiming and composing overlap,
  // while `pace` still spaces the SES calls themselves at this sender's share of the rate.
  const outcomes = await Promise.all(
    event.Records.map(async (record: SQSRecord) => {
      try {
        const parsed = Message.safeParse(JSON.parse(record.body));
        if (!parsed.success) {
          logger.error('email message not understood: dropped', { messageId: record.messageId });
          return undefined;
        }
        await sendOne(parsed.data);
        return undefined;
      } catch (error) {
        logger.error('email message failed: it returns to the queue', { messageId: record.messageId, error: (error as Error).name });
        return { itemIdentifier: record.messageId };
      }
    }),
  );
  metrics.publishStoredMetrics();
  return { batchItemFailures: outcomes.filter((o) => o !== undefined) };
}

/**
 * The email queue's consumer (SQS event source mapping, partial batch responses): for each
 * message, claim the email, compose and send it at the centre's rate, record SES's message id.
 */
export const handler = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger)).handler(batch);
