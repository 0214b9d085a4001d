import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  ListUserPoolClientsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { agencyExists, registerClient, unregisterClient } from '../functions/commons/agency-client-registry';
import { allScopes } from '../functions/core/roles';

/** An agency system's app client in the user pool: one per agency, made at run time, never by the stack. */
export const agencyClientName = (agency: string) => `motcua-agency-${agency}`;
export const AGENCY_CODE = /^[A-Z0-9]{2,12}$/;
const BY = 'agency-client script';

/** The client named for the agency, if the pool has one. */
export async function findAgencyClient(cognito: CognitoIdentityProviderClient, userPoolId: string, agency: string): Promise<string | undefined> {
  let next: string | undefined;
  do {
    const page = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken: next }));
    const found = page.UserPoolClients?.find((c) => c.ClientName === agencyClientName(agency))?.ClientId;
    if (found) return found;
    next = page.NextToken;
  } while (next);
  return undefined;
}

export interface Added {
  clientId: string;
  created: boolean;
}

/**
 * `add <CODE>`: the agency's client-credentials app client (with a secret, the resource server's
 * scopes, 1-hour access tokens) created when the pool has none, then mapped to its agency
 * (CLIENT#<clientId>). Idempotent: a second run finds the client and writes the same item.
 * The secret is never read here: the operator reads it from Cognito (see the output).
 */
export async function addAgencyClient(cognito: CognitoIdentityProviderClient, userPoolId: string, agency: string): Promise<Added> {
  if (!(await agencyExists(agency))) {
    throw new Error(`No agency ${agency} in the catalogue: add it to the centre's agencies.json (and deploy) or PUT /agencies/${agency} first`);
  }
  let clientId = await findAgencyClient(cognito, userPoolId, agency);
  const created = !clientId;
  if (!clientId) {
    const out = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: agencyClientName(agency),
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [...allScopes],
        SupportedIdentityProviders: ['COGNITO'],
        AccessTokenValidity: 1,
        TokenValidityUnits: { AccessToken: 'hours' },
      }),
    );
    clientId = out.UserPoolClient?.ClientId;
    if (!clientId) throw new Error('Cognito answered no client id');
  }
  await registerClient(clientId, agency, BY);
  return { clientId, created };
}

/**
 * `remove <CODE>`: the mapping goes first (the API refuses the client's tokens from then on, once
 * the caches expire), then the client itself (no new token can be had).
 */
export async function removeAgencyClient(cognito: CognitoIdentityProviderClient, userPoolId: string, agency: string): Promise<string | undefined> {
  const clientId = await findAgencyClient(cognito, userPoolId, agency);
  if (!clientId) return undefined;
  await unregisterClient(clientId);
  await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
  return clientId;
}
