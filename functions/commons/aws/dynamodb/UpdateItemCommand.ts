import type { UpdateItemCommandInput, UpdateItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { ItemCommand } from './client';

export type { UpdateItemCommandInput, UpdateItemCommandOutput };

export class UpdateItemCommand extends ItemCommand<UpdateItemCommandInput, UpdateItemCommandOutput> {
  readonly operation = 'UpdateItem';
  readonly action = 'dynamodb:UpdateItem';
}
