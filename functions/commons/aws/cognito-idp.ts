import type { CognitoIdentityProviderClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-cognito-identity-provider';
import { type ClientConfig, JsonClient } from '../aws-json';

/** Cognito user pools (JSON 1.1, `AWSCognitoIdentityProviderService.<Operation>`): commons/aws-json.ts. */
export class CognitoIdentityProviderClient extends JsonClient<ServiceInputTypes, ServiceOutputTypes, CognitoIdentityProviderClientResolvedConfig> {
  constructor(config: ClientConfig = {}) {
    super({ target: 'AWSCognitoIdentityProviderService', json: '1.1', signingName: 'cognito-idp', envName: 'COGNITO_IDENTITY_PROVIDER' }, config);
  }
}
export * from './cognito-idp/CreateGroupCommand';
export type { CognitoIdentityProviderClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-cognito-identity-provider';
