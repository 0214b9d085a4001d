import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { allScopes } from '../functions/core/roles';
import { AGENCY_CODE, addAgencyClient, removeAgencyClient } from './agency-client-ops';
import { fail, stackOutputs } from './outputs';

/**
 * An agency's own software signs in with the OAuth client-credentials flow, as its app client
 * `motcua-agency-<CODE>` in the user pool. The stack makes none: agencies are data. This script
 * makes them at run time (scripts/agency-client-ops.ts):
 *   npm run agency-client -- add <CODE>      create the client if the pool has none (secret, the
 *                                            motcua/* scopes, 1-hour tokens) and map it to its
 *                                            agency (CLIENT#<clientId>): the API accepts its tokens
 *   npm run agency-client -- remove <CODE>   unmap it, then delete it: its tokens are refused
 * It prints the client id and where to read the secret, never the secret.
 */
const USAGE = 'npm run agency-client -- add <AGENCY CODE>\nnpm run agency-client -- remove <AGENCY CODE>';
const [command, code] = process.argv.slice(2);
if ((command !== 'add' && command !== 'remove') || !code || !AGENCY_CODE.test(code)) fail(USAGE);
const out = stackOutputs();
if (!out.tableName) fail('No table name: deploy with `--outputs-file cdk-outputs.json`, or set TABLE_NAME');
process.env.TABLE_NAME = out.tableName;
const cognito = new CognitoIdentityProviderClient({});

if (command === 'remove') {
  const clientId = await removeAgencyClient(cognito, out.userPoolId, code!).catch((e: Error) => fail(e.message));
  if (!clientId) fail(`No client motcua-agency-${code} in the user pool: nothing to remove`);
  console.log(`Agency ${code}'s system: client ${clientId} unmapped and deleted; its tokens are refused within 6 minutes (the authorizer's caches)`);
} else {
  const { clientId, created } = await addAgencyClient(cognito, out.userPoolId, code!).catch((e: Error) => fail(e.message));
  const tokenUrl = `${out.signInUrl ?? 'https://<SignInUrl output>'}/oauth2/token`;
  console.log(`Agency ${code}'s system (${created ? 'client created' : 'client already there'}, mapped to ${code})
  client id   ${clientId}
  secret      aws cognito-idp describe-user-pool-client --region ${out.region} --user-pool-id ${out.userPoolId} --client-id ${clientId} --query UserPoolClient.ClientSecret --output text
              (keep it in the agency's secret store; never in a URL or a log)
  token       curl -s -u ${clientId}:<secret> -d grant_type=client_credentials -d 'scope=${allScopes.join(' ')}' ${tokenUrl}
  then        curl -H "authorization: Bearer <access_token>" <ApiUrl>/agencies/${code}/tasks`);
}
