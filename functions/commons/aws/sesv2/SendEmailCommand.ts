import type { SendEmailCommandInput, SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import { JsonCommand } from '../../aws-json';

export type { SendEmailCommandInput, SendEmailCommandOutput };

export class SendEmailCommand extends JsonCommand<SendEmailCommandInput, SendEmailCommandOutput> {
  readonly operation = 'SendEmail';
  override readonly path = '/v2/email/outbound-emails';
  readonly action = 'ses:SendEmail';
}
