import { SendMessageCommand } from './aws/sqs';
import { queue } from './aws';

/** What a message on the email queue carries: ids only, never an address or a name. */
export interface EmailMessage {
  dossierCode: string;
  eventKey: string;
}

export function emailQueueUrl(): string {
  const url = process.env.EMAIL_QUEUE_URL;
  if (!url) throw new Error('EMAIL_QUEUE_URL is not set');
  return url;
}

/** Put a message for one email on the queue, visible after `delaySeconds` (at most 900, SQS's limit). */
export async function enqueueEmail(message: EmailMessage, delaySeconds = 0): Promise<void> {
  await queue().send(
    new SendMessageCommand({
      QueueUrl: emailQueueUrl(),
      MessageBody: JSON.stringify({ dossierCode: message.dossierCode, eventKey: message.eventKey }),
      DelaySeconds: Math.max(0, Math.min(900, Math.round(delaySeconds))),
    }),
  );
}
