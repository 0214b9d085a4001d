import type { SFNClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-sfn';
import { type ClientConfig, JsonClient } from '../aws-json';

/** Step Functions (JSON 1.0, `AWSStepFunctions.<Operation>`, signed as `states`): commons/aws-json.ts. */
export class SFNClient extends JsonClient<ServiceInputTypes, ServiceOutputTypes, SFNClientResolvedConfig> {
  constructor(config: ClientConfig = {}) {
    super({ target: 'AWSStepFunctions', json: '1.0', signingName: 'states', envName: 'SFN' }, config);
  }
}
export * from './sfn/SendTaskSuccessCommand';
export * from './sfn/StartExecutionCommand';
export * from './sfn/DescribeExecutionCommand';
export * from './sfn/StopExecutionCommand';
export * from './sfn/ListExecutionsCommand';
export type { ExecutionStatus, SFNClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-sfn';
