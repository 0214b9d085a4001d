/**
 * What a Lambda function needs of the AWS SDK's default credential chain: the environment's
 * credentials (Lambda puts the role's in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
 * AWS_SESSION_TOKEN; the local runtime puts its dummy ones there too). The bundles alias
 * `@aws-sdk/credential-provider-node` to this module (infra/bundling/options.ts), which leaves
 * out the SSO, INI, process, web-identity and instance-metadata providers Lambda never uses.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

type Init = Parameters<typeof fromEnv>[0];
type Credentials = { expiration?: Date };

export const defaultProvider = (init: Init = {}) => fromEnv(init);
export const credentialsWillNeedRefresh = (credentials?: Credentials) => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials?: Credentials) =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
