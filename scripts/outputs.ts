import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CentreProfile } from '../functions/core/centre';
import { projectRoot as ROOT } from '../infra/constructs/paths';

const readCentreProfile = (dir: string) => CentreProfile.parse(JSON.parse(readFileSync(join(dir, 'centre.json'), 'utf8')));

/**
 * What the operator's scripts need from the deployed stack: its outputs, from the file
 * `npx cdk deploy --outputs-file cdk-outputs.json` writes (or the environment: USER_POOL_ID,
 * TERMINAL_CLIENT_ID, TABLE_NAME, SIGN_IN_URL), and the region from the centre's profile
 * (MOTCUA_CENTRE, default config/hanoi; AWS_REGION overrides).
 */
export interface StackOutputs {
  region: string;
  userPoolId: string;
  terminalClientId?: string;
  tableName?: string;
  signInUrl?: string;
}

export function stackOutputs(): StackOutputs {
  const file = join(ROOT, process.env.MOTCUA_OUTPUTS ?? 'cdk-outputs.json');
  const fromFile: Record<string, string> = existsSync(file) ? (Object.values(JSON.parse(readFileSync(file, 'utf8')))[0] as Record<string, string>) ?? {} : {};
  const region = process.env.AWS_REGION ?? readCentreProfile(join(ROOT, process.env.MOTCUA_CENTRE ?? 'config/hanoi')).region;
  process.env.AWS_REGION = region;
  const userPoolId = process.env.USER_POOL_ID ?? fromFile.UserPoolId;
  if (!userPoolId) {
    fail(`No user pool: deploy with \`npx cdk deploy --outputs-file cdk-outputs.json\` (this reads it), or set USER_POOL_ID`);
  }
  return {
    region,
    userPoolId: userPoolId!,
    terminalClientId: process.env.TERMINAL_CLIENT_ID ?? fromFile.TerminalClientId,
    tableName: process.env.TABLE_NAME ?? fromFile.TableName,
    signInUrl: process.env.SIGN_IN_URL ?? fromFile.SignInUrl,
  };
}

/** One clear line on stderr, exit 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
