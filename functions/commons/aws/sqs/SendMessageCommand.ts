import type { SendMessageCommandInput, SendMessageCommandOutput } from '@aws-sdk/client-sqs';
import { JsonCommand } from '../../aws-json';

export type { SendMessageCommandInput, SendMessageCommandOutput };

export class SendMessageCommand extends JsonCommand<SendMessageCommandInput, SendMessageCommandOutput> {
  readonly operation = 'SendMessage';
  readonly action = 'sqs:SendMessage';
}
