import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { PIN_EVENT, renderPinLetter } from '../core/email/pin-letter';
import { currentCentre } from '../core/centre';
import type { Dossier } from '../core/dossier';
import { documentClient, email, tableName } from './aws';
import { now } from './clock';
import { hashPin, newPin } from './pin';
import { keys, updateIf } from './store';

/**
 * A new PIN for a dossier: its scrypt hash replaces the old one (the old PIN stops working) in
 * one conditional update, which also counts the issue (`pinIssues`). `condition` narrows when
 * it may happen (the reminders' pace). The PIN itself is returned to be emailed, never stored.
 * The hash is computed whether or not the dossier exists: every call costs the same.
 */
export async function replacePin(
  code: string,
  extra: { set?: string; condition?: string; values?: Record<string, unknown> } = {},
): Promise<{ pin: string; dossier: Dossier } | undefined> {
  const pin = newPin();
  const pinHash = await hashPin(pin);
  const after = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: `SET pinHash = :h${extra.set ? `, ${extra.set}` : ''} ADD pinIssues :one`,
    ConditionExpression: `attribute_exists(PK)${extra.condition ? ` AND (${extra.condition})` : ''}`,
    ExpressionAttributeValues: { ':h': pinHash, ':one': 1, ...extra.values },
    ReturnValues: 'ALL_NEW',
  });
  return after ? { pin, dossier: after as unknown as Dossier } : undefined;
}

/**
 * Email the new PIN to the applicant's address on file (the `pin-reissued` letter), straight
 * through SES as notify-citizen does, outside the workflow; the marker `EMAIL#pin-reissued-<n>`
 * records that it left, without the PIN.
 */
export async function sendPinLetter(dossier: Dossier, pin: string, cause: 'desk' | 'reminder'): Promise<string | undefined> {
  const rendered = renderPinLetter({
    code: dossier.code,
    centre: currentCentre(),
    applicantName: dossier.applicant.name,
    procedureName: dossier.procedure.name,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    pin,
    cause,
  });
  const out = await email().send(
    new SendEmailCommand({
      FromEmailAddress: process.env.SENDER_EMAIL,
      Destination: { ToAddresses: [dossier.applicant.email] },
      ConfigurationSetName: process.env.SES_CONFIGURATION_SET || undefined,
      EmailTags: [{ Name: 'event', Value: PIN_EVENT }],
      Content: {
        Simple: {
          Subject: { Data: rendered.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: rendered.text, Charset: 'UTF-8' }, Html: { Data: rendered.html, Charset: 'UTF-8' } },
        },
      },
    }),
  );
  const eventKey = `${PIN_EVENT}-${dossier.pinIssues ?? 1}`;
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.email(dossier.code, eventKey), state: 'sent', event: PIN_EVENT, cause, messageId: out.MessageId, sentAt: now().toISOString() },
    }),
  );
  return out.MessageId;
}
