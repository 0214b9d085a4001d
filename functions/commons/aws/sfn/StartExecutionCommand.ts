import type { StartExecutionCommandInput, StartExecutionCommandOutput } from '@aws-sdk/client-sfn';
import { JsonCommand } from '../../aws-json';

export type { StartExecutionCommandInput, StartExecutionCommandOutput };

export class StartExecutionCommand extends JsonCommand<StartExecutionCommandInput, StartExecutionCommandOutput> {
  readonly operation = 'StartExecution';
  readonly action = 'states:StartExecution';
}
