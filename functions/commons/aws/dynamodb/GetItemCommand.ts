import type { GetItemCommandInput, GetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { ItemCommand } from './client';

export type { GetItemCommandInput, GetItemCommandOutput };

export class GetItemCommand extends ItemCommand<GetItemCommandInput, GetItemCommandOutput> {
  readonly operation = 'GetItem';
  readonly action = 'dynamodb:GetItem';
}
