import type { SQSClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-sqs';
import { type ClientConfig, JsonClient } from '../aws-json';

/**
 * SQS (JSON 1.0, `AmazonSQS.<Operation>`): commons/aws-json.ts. `x-amzn-query-mode: true` as the
 * SDK sends it (SQS is "query compatible": it then names its errors as its query protocol did).
 */
export class SQSClient extends JsonClient<ServiceInputTypes, ServiceOutputTypes, SQSClientResolvedConfig> {
  constructor(config: ClientConfig = {}) {
    super({ target: 'AmazonSQS', json: '1.0', signingName: 'sqs', envName: 'SQS', headers: { 'x-amzn-query-mode': 'true' } }, config);
  }
}
export * from './sqs/SendMessageCommand';
export type { SQSClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-sqs';
