import { CognitoIdentityProviderClient, CreateGroupCommand } from './aws/cognito-idp';

let client: CognitoIdentityProviderClient | undefined;

export const agencyGroup = (code: string) => `agency-${code}`;
/** A branch desk's officers: this group beside `desk` (centre.json's branches). */
export const branchGroup = (code: string) => `branch-${code}`;

/**
 * Create the Cognito group `agency-<CODE>` if it is missing (USER_POOL_ID set: on AWS). Locally
 * there is no user pool: groups are claims of the local issuer's tokens, and this does nothing.
 * Answers whether a group was created.
 */
export async function ensureAgencyGroup(code: string, description: string): Promise<boolean> {
  return ensureGroup(agencyGroup(code), description);
}

/** Create the Cognito group `branch-<CODE>` if it is missing (on AWS; locally nothing). */
export async function ensureBranchGroup(code: string, description: string): Promise<boolean> {
  return ensureGroup(branchGroup(code), description);
}

async function ensureGroup(name: string, description: string): Promise<boolean> {
  const userPoolId = process.env.USER_POOL_ID;
  if (!userPoolId) return false;
  client ??= new CognitoIdentityProviderClient({});
  try {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: name, Description: description.slice(0, 2048) }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'GroupExistsException') return false;
    throw error;
  }
}
