import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documentClient, email, tableName } from '../commons/aws';
import { now } from '../commons/clock';
import { logger } from '../commons/powertools';
import { getDossier, getLapse, isConditionFailed, keys, listAgencies } from '../commons/store';
import { taskHandler } from '../commons/task';
import { DOSSIER_CODE } from '../core/dossier';
import { renderEmail, type EmailData } from '../core/email/templates';

const Input = z.object({
  dossierCode: z.string().regex(DOSSIER_CODE),
  event: z.enum(['receipt', 'apology', 'result-ready']),
  eventKey: z.string().regex(/^[a-z0-9-]{1,80}$/),
  stepId: z.string().optional(),
});
type Input = z.infer<typeof Input>;

async function alreadySent(code: string, eventKey: string): Promise<boolean> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.email(code, eventKey), ConsistentRead: true }),
  );
  return out.Item?.state === 'sent';
}

async function emailData(input: Input): Promise<{ to: string; data: EmailData; lapse?: number }> {
  const dossier = await getDossier(input.dossierCode);
  if (!dossier) throw new Error(`Dossier ${input.dossierCode} not found`);
  const data: EmailData = {
    code: dossier.code,
    applicantName: dossier.applicant.name,
    procedureName: dossier.procedure.name,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
  };
  if (input.event !== 'apology') return { to: dossier.applicant.email, data };
  const match = /^apology-(.+)-(\d+)$/.exec(input.eventKey);
  if (!match) throw new Error(`Bad apology key ${input.eventKey}`);
  const fact = await getLapse(dossier.code, match[1]!, Number(match[2]));
  if (!fact) throw new Error(`No lapse for ${input.eventKey}`);
  const agency = (await listAgencies()).find((a) => a.code === fact.agency);
  return {
    to: dossier.applicant.email,
    lapse: fact.n,
    data: {
      ...data,
      lateAgency: agency?.name ?? { vi: fact.agency, en: fact.agency },
      reason: { vi: 'quá thời hạn giải quyết của bước xử lý', en: 'the step passed its due time undecided' },
      originalAppointmentAt: fact.originalAppointmentAt,
      newAppointmentAt: fact.newAppointmentAt,
    },
  };
}

/**
 * Send one email per (dossier, event key). The marker is written after SES accepts the message;
 * a retry after that sends nothing. Only ids are logged, never the address.
 */
export const handler = taskHandler('notify-citizen', Input, async (input) => {
  const code = input.dossierCode;
  if (await alreadySent(code, input.eventKey)) return { sent: false, duplicate: true };
  const { to, data, lapse } = await emailData(input);
  const rendered = renderEmail(input.event, data);
  const out = await email().send(
    new SendEmailCommand({
      FromEmailAddress: process.env.SENDER_EMAIL,
      Destination: { ToAddresses: [to] },
      ConfigurationSetName: process.env.SES_CONFIGURATION_SET || undefined,
      EmailTags: [{ Name: 'event', Value: input.event }],
      Content: {
        Simple: {
          Subject: { Data: rendered.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: rendered.text, Charset: 'UTF-8' }, Html: { Data: rendered.html, Charset: 'UTF-8' } },
        },
      },
    }),
  );
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.email(code, input.eventKey), state: 'sent', event: input.event, messageId: out.MessageId, sentAt: now().toISOString() },
    }),
  );
  if (lapse !== undefined && input.stepId) {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.step(code, input.stepId),
          UpdateExpression: 'SET apologiesSent = :n',
          ConditionExpression: 'apologiesSent < :n',
          ExpressionAttributeValues: { ':n': lapse },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
  logger.info('email sent', { dossierCode: code, event: input.event, eventKey: input.eventKey });
  return { sent: true };
});
