import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  ListUserPoolClientsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '../../functions/commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { allScopes } from '../../functions/core/roles';
import { addAgencyClient, removeAgencyClient } from '../../scripts/agency-client-ops';

/**
 * `npm run agency-client -- add|remove <CODE>` (scripts/agency-client-ops.ts): an agency system's
 * client is made in the user pool at run time and mapped to its agency, or unmapped and deleted.
 * Cognito and the table mocked: what is sent is what is checked.
 */
process.env.TABLE_NAME = 'motcua-test';
process.env.AWS_REGION ??= 'ap-southeast-1';
process.env.AWS_ACCESS_KEY_ID ??= 'test';
process.env.AWS_SECRET_ACCESS_KEY ??= 'test';

const cognitoMock = mockClient(CognitoIdentityProviderClient);
const db = mockClient(DynamoDBDocumentClient);
const cognito = new CognitoIdentityProviderClient({});
const POOL = 'ap-southeast-1_pool';

// the infra tier shares its worker's module cache (vitest.config.ts): the clients' prototypes are given back
afterAll(() => {
  cognitoMock.restore();
  db.restore();
});

beforeEach(() => {
  cognitoMock.reset();
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { PK: 'CATALOGUE', SK: 'AGENCY#SGD' } }).resolves({ Item: { code: 'SGD' } });
  db.on(PutCommand).resolves({});
  db.on(DeleteCommand).resolves({ Attributes: { agency: 'SGD' } });
});

describe('npm run agency-client', () => {
  it('add: creates the client-credentials client (secret, the motcua scopes, 1-hour tokens) when the pool has none, and maps it', async () => {
    cognitoMock.on(ListUserPoolClientsCommand).resolves({ UserPoolClients: [{ ClientId: 'web', ClientName: 'motcua-web' }] });
    cognitoMock.on(CreateUserPoolClientCommand).resolves({ UserPoolClient: { ClientId: 'new-sgd-client', ClientSecret: 'never-printed' } });
    expect(await addAgencyClient(cognito, POOL, 'SGD')).toEqual({ clientId: 'new-sgd-client', created: true });
    const [create] = cognitoMock.commandCalls(CreateUserPoolClientCommand);
    expect(create!.args[0].input).toEqual({
      UserPoolId: POOL,
      ClientName: 'motcua-agency-SGD',
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: allScopes,
      SupportedIdentityProviders: ['COGNITO'],
      AccessTokenValidity: 1,
      TokenValidityUnits: { AccessToken: 'hours' },
    });
    const [put] = db.commandCalls(PutCommand);
    expect(put!.args[0].input.Item).toMatchObject({ PK: 'CLIENT#new-sgd-client', SK: 'AGENCY', clientId: 'new-sgd-client', agency: 'SGD' });
    expect(JSON.stringify(put!.args[0].input)).not.toContain('never-printed');
  });

  it('add again: finds the client by its name (across pages) and writes the same mapping, creating nothing', async () => {
    cognitoMock
      .on(ListUserPoolClientsCommand, { NextToken: undefined })
      .resolves({ UserPoolClients: [{ ClientId: 'web', ClientName: 'motcua-web' }], NextToken: 'p2' })
      .on(ListUserPoolClientsCommand, { NextToken: 'p2' })
      .resolves({ UserPoolClients: [{ ClientId: 'sgd-client', ClientName: 'motcua-agency-SGD' }] });
    expect(await addAgencyClient(cognito, POOL, 'SGD')).toEqual({ clientId: 'sgd-client', created: false });
    expect(cognitoMock.commandCalls(CreateUserPoolClientCommand)).toHaveLength(0);
    expect(db.commandCalls(PutCommand)[0]!.args[0].input.Item).toMatchObject({ PK: 'CLIENT#sgd-client', agency: 'SGD' });
  });

  it('add: refuses an agency the catalogue does not have, making nothing', async () => {
    cognitoMock.on(ListUserPoolClientsCommand).resolves({ UserPoolClients: [] });
    await expect(addAgencyClient(cognito, POOL, 'ZZZ')).rejects.toThrow(/No agency ZZZ in the catalogue/);
    expect(cognitoMock.commandCalls(CreateUserPoolClientCommand)).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('remove: unmaps the client first (its tokens are refused), then deletes it', async () => {
    cognitoMock.on(ListUserPoolClientsCommand).resolves({ UserPoolClients: [{ ClientId: 'sgd-client', ClientName: 'motcua-agency-SGD' }] });
    cognitoMock.on(DeleteUserPoolClientCommand).callsFake(() => {
      // the mapping is already gone when the client is deleted
      expect(db.commandCalls(DeleteCommand)).toHaveLength(1);
      return {};
    });
    expect(await removeAgencyClient(cognito, POOL, 'SGD')).toBe('sgd-client');
    expect(db.commandCalls(DeleteCommand)[0]!.args[0].input.Key).toEqual({ PK: 'CLIENT#sgd-client', SK: 'AGENCY' });
    expect(cognitoMock.commandCalls(DeleteUserPoolClientCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, ClientId: 'sgd-client' });
  });

  it('remove: answers nothing to remove when the pool has no such client', async () => {
    cognitoMock.on(ListUserPoolClientsCommand).resolves({ UserPoolClients: [] });
    expect(await removeAgencyClient(cognito, POOL, 'SGD')).toBeUndefined();
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
  });
});
