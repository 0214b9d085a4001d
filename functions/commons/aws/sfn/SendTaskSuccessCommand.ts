import type { SendTaskSuccessCommandInput, SendTaskSuccessCommandOutput } from '@aws-sdk/client-sfn';
import { JsonCommand } from '../../aws-json';

export type { SendTaskSuccessCommandInput, SendTaskSuccessCommandOutput };

export class SendTaskSuccessCommand extends JsonCommand<SendTaskSuccessCommandInput, SendTaskSuccessCommandOutput> {
  readonly operation = 'SendTaskSuccess';
  readonly action = 'states:SendTaskSuccess';
}
