import type { BatchGetCommandInput, BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DocumentCommand } from './client';

export type { BatchGetCommandInput, BatchGetCommandOutput };

export class BatchGetCommand extends DocumentCommand<BatchGetCommandInput, BatchGetCommandOutput> {
  readonly operation = 'BatchGetItem';
  readonly action = 'dynamodb:BatchGetItem';
}
