import type { ListExecutionsCommandInput, ListExecutionsCommandOutput } from '@aws-sdk/client-sfn';
import { JsonCommand } from '../../aws-json';

export type { ListExecutionsCommandInput, ListExecutionsCommandOutput };

export class ListExecutionsCommand extends JsonCommand<ListExecutionsCommandInput, ListExecutionsCommandOutput> {
  readonly operation = 'ListExecutions';
  readonly action = 'states:ListExecutions';
}
