import type { DeleteCommandInput, DeleteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DocumentCommand } from './client';

export type { DeleteCommandInput, DeleteCommandOutput };

export class DeleteCommand extends DocumentCommand<DeleteCommandInput, DeleteCommandOutput> {
  readonly operation = 'DeleteItem';
  readonly action = 'dynamodb:DeleteItem';
}
