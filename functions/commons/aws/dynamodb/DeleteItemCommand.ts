import type { DeleteItemCommandInput, DeleteItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { ItemCommand } from './client';

export type { DeleteItemCommandInput, DeleteItemCommandOutput };

export class DeleteItemCommand extends ItemCommand<DeleteItemCommandInput, DeleteItemCommandOutput> {
  readonly operation = 'DeleteItem';
  readonly action = 'dynamodb:DeleteItem';
}
