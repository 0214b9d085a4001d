import { PutItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityProviderClient, ListUserPoolClientsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { clientKey } from '../functions/commons/agency-clients';
import { fail, stackOutputs } from './outputs';

/**
 * `npm run agency-client -- add <CODE>`: an agency's own software signs in with the OAuth
 * client-credentials flow, as the app client `motcua-agency-<CODE>` the stack made for each
 * agency of the centre's folder. This registers that client for its agency (the item
 * CLIENT#<clientId>; the deploy writes it too) and prints the client id, where its secret is, and
 * how to get a token. An agency not yet in the folder: add it to agencies.json and deploy (the
 * API accepts tokens of the stack's clients only).
 */
const [command, code] = process.argv.slice(2);
if (command !== 'add' || !code || !/^[A-Z0-9]{2,12}$/.test(code)) fail('npm run agency-client -- add <AGENCY CODE>');
const out = stackOutputs();
const cognito = new CognitoIdentityProviderClient({});
let clientId: string | undefined;
let next: string | undefined;
do {
  const page = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: out.userPoolId, MaxResults: 60, NextToken: next }));
  clientId ??= page.UserPoolClients?.find((c) => c.ClientName === `motcua-agency-${code}`)?.ClientId;
  next = page.NextToken;
} while (next && !clientId);
if (!clientId) fail(`No client motcua-agency-${code} in the user pool: add ${code} to the centre's agencies.json and deploy; each agency of the folder gets one.`);
if (!out.tableName) fail('No table name: deploy with `--outputs-file cdk-outputs.json`, or set TABLE_NAME');

const key = clientKey(clientId);
await new DynamoDBClient({}).send(
  new PutItemCommand({
    TableName: out.tableName,
    Item: { PK: { S: key.PK }, SK: { S: key.SK }, clientId: { S: clientId }, agency: { S: code }, updatedAt: { S: new Date().toISOString() }, updatedBy: { S: 'agency-client script' } },
  }),
);
const tokenUrl = `${out.signInUrl ?? 'https://<SignInUrl output>'}/oauth2/token`;
console.log(`Agency ${code}'s system
  client id   ${clientId}
  secret      aws cognito-idp describe-user-pool-client --region ${out.region} --user-pool-id ${out.userPoolId} --client-id ${clientId} --query UserPoolClient.ClientSecret --output text
              (keep it in the agency's secret store; never in a URL or a log)
  token       curl -s -u ${clientId}:<secret> -d grant_type=client_credentials -d 'scope=motcua/tasks.read motcua/dossiers.read motcua/steps.decide' ${tokenUrl}
  then        curl -H "authorization: Bearer <access_token>" <ApiUrl>/agencies/${code}/tasks`);
