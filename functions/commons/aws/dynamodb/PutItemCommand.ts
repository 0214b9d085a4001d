import type { PutItemCommandInput, PutItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { ItemCommand } from './client';

export type { PutItemCommandInput, PutItemCommandOutput };

export class PutItemCommand extends ItemCommand<PutItemCommandInput, PutItemCommandOutput> {
  readonly operation = 'PutItem';
  readonly action = 'dynamodb:PutItem';
}
