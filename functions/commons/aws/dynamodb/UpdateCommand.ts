import type { UpdateCommandInput, UpdateCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DocumentCommand } from './client';

export type { UpdateCommandInput, UpdateCommandOutput };

export class UpdateCommand extends DocumentCommand<UpdateCommandInput, UpdateCommandOutput> {
  readonly operation = 'UpdateItem';
  readonly action = 'dynamodb:UpdateItem';
}
