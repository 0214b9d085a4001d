import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import {
  type AuthenticationResultType,
  ChallengeNameType,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { fail, stackOutputs } from './outputs';

/**
 * `npm run -s token -- <email>`: an officer at a terminal gets an access token for curl
 * (TOKEN=$(npm run -s token -- desk@...)). Prompts on stderr; the password is not echoed. The
 * first sign-in sets the officer's own password (Cognito's temporary one came by email); an
 * officer who enrolled TOTP gives the code.
 */
const email = process.argv[2];
if (!email?.includes('@')) fail('npm run -s token -- <officer email>');
const { terminalClientId } = stackOutputs();
if (!terminalClientId) fail('No terminal client: deploy with `--outputs-file cdk-outputs.json`, or set TERMINAL_CLIENT_ID');
const cognito = new CognitoIdentityProviderClient({});

async function ask(question: string, hidden = true): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = new Promise<string>((ok) => rl.question(question, ok));
  muted = hidden;
  const value = await answer;
  rl.close();
  if (hidden) process.stderr.write('\n');
  return value;
}

let step = await cognito.send(
  new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: terminalClientId, AuthParameters: { USERNAME: email, PASSWORD: await ask(`Password for ${email}: `) } }),
);
let result: AuthenticationResultType | undefined = step.AuthenticationResult;
while (!result) {
  const name = step.ChallengeName;
  const responses: Record<string, string> = { USERNAME: email };
  if (name === ChallengeNameType.NEW_PASSWORD_REQUIRED) {
    const password = await ask('First sign-in: choose your password (12+ characters, upper, lower, digit, symbol): ');
    if (password !== (await ask('Again: '))) fail('The two passwords differ.');
    responses.NEW_PASSWORD = password;
  } else if (name === ChallengeNameType.SOFTWARE_TOKEN_MFA) {
    responses.SOFTWARE_TOKEN_MFA_CODE = await ask('Code from your authenticator app: ', false);
  } else {
    fail(`Cognito asks for ${name}: finish it in the web app's sign-in page first.`);
  }
  step = await cognito.send(new RespondToAuthChallengeCommand({ ClientId: terminalClientId, ChallengeName: name, Session: step.Session, ChallengeResponses: responses }));
  result = step.AuthenticationResult;
}
process.stderr.write(`Access token for ${email}, valid ${Math.round((result.ExpiresIn ?? 3600) / 60)} minutes:\n`);
console.log(result.AccessToken);
