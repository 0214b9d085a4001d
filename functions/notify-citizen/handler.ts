import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { documentClient, email, tableName } from '../commons/aws';
import { now } from '../commons/clock';
import { dossierCode, stepId } from '../commons/params';
import { logger } from '../commons/powertools';
import { getItem, keys, listAgencies, listDossierItems } from '../commons/store';
import { taskHandler } from '../commons/task';
import { renderEmail, type EmailData, type EmailEvent } from '../core/email/templates';
import type { Text } from '../core/model';
import { resultLink } from '../commons/result-document';

const Input = z.object({
  dossierCode,
  event: z.enum([
    'receipt',
    'result-ready',
    'returned',
    'rating-invitation',
    'stopped',
    'apology',
    'supplement-request',
    'supplement-received',
    'agency-warning',
  ]),
  eventKey: z.string().regex(/^[a-z0-9-]{1,80}$/),
  stepId: stepId.optional(),
});
type Input = z.infer<typeof Input>;

async function alreadySent(code: string, eventKey: string): Promise<boolean> {
  return (await getItem(keys.email(code, eventKey)))?.state === 'sent';
}

/** Everything an email needs, read from the facts; the event `stopped` becomes refusal or withdrawn. */
async function compose(input: Input): Promise<{ event: EmailEvent; to: string; data: EmailData }> {
  const { dossier, steps, apologies } = await listDossierItems(input.dossierCode);
  if (!dossier) throw new Error(`Dossier ${input.dossierCode} not found`);
  const agencies = await listAgencies();
  const agencyName = (code?: string): Text => agencies.find((a) => a.code === code)?.name ?? { vi: code ?? '', en: code ?? '' };
  const closedPauses = Object.values(dossier.pauses ?? {}).filter((p) => p.to).length;
  const data: EmailData = {
    code: dossier.code,
    applicantName: dossier.applicant.name,
    procedureName: dossier.procedure.name,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    appointmentSequence: apologies.length + closedPauses,
    lookupUrl: process.env.PUBLIC_LOOKUP_URL || undefined,
  };
  const to = dossier.applicant.email;
  const step = steps.find((s) => s.stepId === input.stepId);
  switch (input.event) {
    case 'stopped': {
      const stop = dossier.stop;
      if (stop?.kind === 'refused') {
        return { event: 'refusal', to, data: { ...data, agency: agencyName(stop.agency), reason: { vi: stop.reason, en: stop.reason } } };
      }
      return { event: 'withdrawn', to, data: { ...data, reason: stop ? { vi: stop.reason, en: stop.reason } : undefined } };
    }
    case 'apology': {
      const [, sid, n] = /^apology-(.+)-(\d+)$/.exec(input.eventKey) ?? [];
      const fact = apologies.find((a) => a.stepId === sid && a.n === Number(n));
      if (!fact) throw new Error(`No apology fact for ${input.eventKey}`);
      const sequence = apologies.filter((a) => a.at <= fact.at).length + closedPauses;
      return {
        event: 'apology',
        to,
        data: {
          ...data,
          agency: agencyName(fact.agency),
          reason: fact.reason,
          originalAppointmentAt: fact.originalAppointmentAt,
          newAppointmentAt: fact.newAppointmentAt,
          appointmentSequence: sequence,
        },
      };
    }
    case 'supplement-request':
    case 'supplement-received': {
      const key = input.eventKey.replace(/^supplement-(request|received)-/, '');
      const pause = dossier.pauses?.[key];
      if (!pause) throw new Error(`No pause ${key}`);
      return {
        event: input.event,
        to,
        data: { ...data, agency: agencyName(pause.agency), missing: pause.missing, reason: { vi: pause.reason, en: pause.reason }, newAppointmentAt: dossier.appointmentAt },
      };
    }
    case 'agency-warning': {
      const agency = agencies.find((a) => a.code === step?.agency);
      if (!step || !agency?.email) throw new Error(`No address for the agency of ${input.stepId}`);
      return {
        event: 'agency-warning',
        to: agency.email,
        data: { ...data, applicantName: agency.name.vi, agency: agency.name, stepName: step.name, dueAt: step.dueAt ?? dossier.appointmentAt },
      };
    }
    case 'returned':
      return { event: 'returned', to, data: { ...data, ...resultLink(dossier.code, steps) } };
    default:
      return { event: input.event, to, data };
  }
}

/**
 * Send one email per (dossier, event key): the marker is written once SES has accepted it, so a
 * retried or resumed execution sends nothing twice. Only ids are logged, never an address.
 */
export const handler = taskHandler('notify-citizen', Input, async (input) => {
  const code = input.dossierCode;
  if (await alreadySent(code, input.eventKey)) return { sent: false, duplicate: true };
  const { event, to, data } = await compose(input);
  const rendered = renderEmail(event, data);
  const out = await email().send(
    new SendEmailCommand({
      FromEmailAddress: process.env.SENDER_EMAIL,
      Destination: { ToAddresses: [to] },
      ConfigurationSetName: process.env.SES_CONFIGURATION_SET || undefined,
      EmailTags: [{ Name: 'event', Value: event }],
      Content: {
        Simple: {
          Subject: { Data: rendered.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: rendered.text, Charset: 'UTF-8' }, Html: { Data: rendered.html, Charset: 'UTF-8' } },
          Attachments: rendered.attachments?.map((a) => ({
            FileName: a.fileName,
            ContentType: a.contentType,
            RawContent: new TextEncoder().encode(a.content),
          })),
        },
      },
    }),
  );
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.email(code, input.eventKey), state: 'sent', event, messageId: out.MessageId, sentAt: now().toISOString() },
    }),
  );
  if (input.stepId) {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.step(code, input.stepId),
        UpdateExpression: 'SET sent.#k = :t',
        ExpressionAttributeNames: { '#k': input.eventKey },
        ExpressionAttributeValues: { ':t': true },
      }),
    );
  }
  logger.info('email sent', { dossierCode: code, event, eventKey: input.eventKey });
  return { sent: true };
});
