import type { PutCommandInput, PutCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DocumentCommand } from './client';

export type { PutCommandInput, PutCommandOutput };

export class PutCommand extends DocumentCommand<PutCommandInput, PutCommandOutput> {
  readonly operation = 'PutItem';
  readonly action = 'dynamodb:PutItem';
}
