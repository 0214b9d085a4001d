import type { CreateGroupCommandInput, CreateGroupCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { JsonCommand } from '../../aws-json';

export type { CreateGroupCommandInput, CreateGroupCommandOutput };

export class CreateGroupCommand extends JsonCommand<CreateGroupCommandInput, CreateGroupCommandOutput> {
  readonly operation = 'CreateGroup';
  readonly action = 'cognito-idp:CreateGroup';
}
