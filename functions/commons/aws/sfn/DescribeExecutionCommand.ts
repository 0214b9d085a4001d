import type { DescribeExecutionCommandInput, DescribeExecutionCommandOutput } from '@aws-sdk/client-sfn';
import { JsonCommand } from '../../aws-json';

export type { DescribeExecutionCommandInput, DescribeExecutionCommandOutput };

export class DescribeExecutionCommand extends JsonCommand<DescribeExecutionCommandInput, DescribeExecutionCommandOutput> {
  readonly operation = 'DescribeExecution';
  readonly action = 'states:DescribeExecution';
}
