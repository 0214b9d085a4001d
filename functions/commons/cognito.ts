import { CognitoIdentityProviderClient, CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';

let client: CognitoIdentityProviderClient | undefined;

export const agencyGroup = (code: string) => `agency-${code}`;

/**
 * Create the Cognito group `agency-<CODE>` if it is missing (USER_POOL_ID set: on AWS). Locally
 * there is no user pool: groups are claims of the local issuer's tokens, and this does nothing.
 * Answers whether a group was created.
 */
export async function ensureAgencyGroup(code: string, description: string): Promise<boolean> {
  const userPoolId = process.env.USER_POOL_ID;
  if (!userPoolId) return false;
  client ??= new CognitoIdentityProviderClient({});
  try {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: agencyGroup(code), Description: description.slice(0, 2048) }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'GroupExistsException') return false;
    throw error;
  }
}
