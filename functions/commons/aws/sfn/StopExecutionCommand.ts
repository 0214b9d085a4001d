import type { StopExecutionCommandInput, StopExecutionCommandOutput } from '@aws-sdk/client-sfn';
import { JsonCommand } from '../../aws-json';

export type { StopExecutionCommandInput, StopExecutionCommandOutput };

export class StopExecutionCommand extends JsonCommand<StopExecutionCommandInput, StopExecutionCommandOutput> {
  readonly operation = 'StopExecution';
  readonly action = 'states:StopExecution';
}
