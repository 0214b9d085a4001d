import type { GetCommandInput, GetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DocumentCommand } from './client';

export type { GetCommandInput, GetCommandOutput };

export class GetCommand extends DocumentCommand<GetCommandInput, GetCommandOutput> {
  readonly operation = 'GetItem';
  readonly action = 'dynamodb:GetItem';
}
