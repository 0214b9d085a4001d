import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { fail, stackOutputs } from './outputs';

const USAGE = `npm run officers -- add <email> <group>...     create an officer (Cognito emails a temporary password) in these groups
npm run officers -- list                        every officer with their groups
npm run officers -- groups <email> <group>...   set an officer's groups (desk, branch-<CODE>, operator, agency-<CODE>)
npm run officers -- remove <email>              delete an officer`;

const [command, email, ...groups] = process.argv.slice(2);
const { userPoolId } = stackOutputs();
const cognito = new CognitoIdentityProviderClient({});

async function knownGroups(): Promise<string[]> {
  const out = await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }));
  return (out.Groups ?? []).map((g) => g.GroupName!).sort();
}

async function checkGroups(wanted: string[]) {
  const known = await knownGroups();
  const unknown = wanted.filter((g) => !known.includes(g));
  if (unknown.length) fail(`Unknown group(s) ${unknown.join(', ')}; the pool has: ${known.join(', ')} (an agency's group appears with PUT /agencies/{code} or a deploy)`);
}

async function groupsOf(username: string) {
  const out = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
  return (out.Groups ?? []).map((g) => g.GroupName!);
}

async function setGroups(username: string, wanted: string[]) {
  const current = await groupsOf(username);
  for (const g of wanted.filter((x) => !current.includes(x))) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: g }));
  for (const g of current.filter((x) => !wanted.includes(x))) await cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: g }));
}

const needEmail = () => (email && email.includes('@') ? email : fail(`An officer's email address, please.\n${USAGE}`));

switch (command) {
  case 'add': {
    const address = needEmail();
    if (!groups.length) fail(`Which groups? e.g. desk, operator, agency-STP\n${USAGE}`);
    await checkGroups(groups);
    // Cognito emails a temporary password; the officer sets their own at the first sign-in
    // (the web app's managed login, or `npm run token`).
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: address,
        UserAttributes: [{ Name: 'email', Value: address }, { Name: 'email_verified', Value: 'true' }],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    await setGroups(address, groups);
    console.log(`${address} added to ${groups.join(', ')}; Cognito has emailed a temporary password (valid 3 days).`);
    break;
  }
  case 'groups': {
    const address = needEmail();
    await checkGroups(groups);
    await setGroups(address, groups);
    console.log(`${address}: ${(await groupsOf(address)).join(', ') || '(no group)'}`);
    break;
  }
  case 'remove': {
    const address = needEmail();
    await cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: address }));
    console.log(`${address} removed.`);
    break;
  }
  case 'list': {
    let token: string | undefined;
    do {
      const out = await cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, PaginationToken: token }));
      for (const u of out.Users ?? []) {
        const mail = u.Attributes?.find((a) => a.Name === 'email')?.Value ?? u.Username;
        console.log(`${mail}\t${u.UserStatus}\t${(await groupsOf(u.Username!)).join(',')}`);
      }
      token = out.PaginationToken;
    } while (token);
    break;
  }
  default:
    fail(USAGE);
}
