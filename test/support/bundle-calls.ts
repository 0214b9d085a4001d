import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions } from '../../infra/bundling/options';
import { projectRoot } from '../../infra/constructs/paths';

/**
 * The AWS actions a function's deployed bundle can call, read from esbuild's metafile
 * (test/infra/iam-calls.test.ts compares them with the function's role).
 *
 * The SDK's clients declare `sideEffects: false`: esbuild keeps a command module only when code
 * that is kept uses it, so the commands in the output name the calls the code can make.
 * `@aws-sdk/lib-dynamodb` declares nothing: its paginators (`paginateQuery = createPaginator(…,
 * QueryCommand, …)`, `paginateScan`) are top-level calls esbuild must keep, and they keep
 * QueryCommand and ScanCommand (and client-dynamodb's) in every bundle that uses the document
 * client. Those two count only when a kept module of ours imports them (or their paginator).
 */

/** `@aws-sdk/client-<package>` → the IAM service prefix of its actions. */
const IAM_PREFIX: Record<string, string> = {
  dynamodb: 'dynamodb',
  sfn: 'states',
  sesv2: 'ses',
  s3: 's3',
  sqs: 'sqs',
  'cognito-identity-provider': 'cognito-idp',
};

/**
 * Commands a client carries for its own machinery, kept by its constructor whatever the code
 * calls, and never sent for our resources: DynamoDB's endpoint discovery (off unless
 * `endpointDiscoveryEnabled`), S3 Express's session for directory buckets (ours is a general one).
 */
const CLIENT_INTERNAL = new Set(['dynamodb:DescribeEndpoints', 's3:CreateSession']);

/** Where an SDK command's IAM action differs from its name (the rest: `<prefix>:<Name>`). */
const ACTION_OF: Record<string, string[]> = {
  // HeadObject is authorised as GetObject; the listings as actions on the bucket
  's3:HeadObject': ['s3:GetObject'],
  's3:ListObjectsV2': ['s3:ListBucket'],
  's3:ListObjectVersions': ['s3:ListBucketVersions'],
  // a deletion names a version, or none (an object written before versioning: version 'null')
  's3:DeleteObjects': ['s3:DeleteObject', 's3:DeleteObjectVersion'],
  's3:DeleteObject': ['s3:DeleteObject', 's3:DeleteObjectVersion'],
  // a copy reads its source and writes its target
  's3:CopyObject': ['s3:GetObject', 's3:PutObject'],
};

/** lib-dynamodb's document commands → the DynamoDB actions they send. */
const DOCUMENT_ACTION: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  Query: 'Query',
  Scan: 'Scan',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
  ExecuteStatement: 'PartiQLSelect',
};

export const SDK_COMMAND = /node_modules\/@aws-sdk\/client-([a-z0-9-]+)\/dist-es\/commands\/(\w+)Command\.js$/;
const DOCUMENT_COMMAND = /node_modules\/@aws-sdk\/lib-dynamodb\/dist-es\/commands\/(\w+)Command\.js$/;
/**
 * A command of the SDK-less clients (functions/commons/aws-json.ts): one module per command under
 * functions/commons/aws/<service>/, kept only when code that is kept sends it, naming its IAM
 * action in the module (`readonly action = 'dynamodb:GetItem'`).
 */
export const LITE_COMMAND = /functions\/commons\/aws\/[a-z0-9-]+\/(\w+)Command\.ts$/;
const LITE_ACTION = /readonly action = '([a-z-]+:\w+)'/;
/** A presigned POST is signed with the function's credentials: the browser's upload is its s3:PutObject. */
const PRESIGNED_POST = /node_modules\/@aws-sdk\/s3-presigned-post\/dist-es\/createPresignedPost\.js$/;
// A presigned GET (s3-request-presigner) signs a GetObjectCommand, which is then in the bundle:
// s3:GetObject comes from that command. The idempotency records (functions/commons/idempotency.ts)
// are written with client-dynamodb's GetItem/PutItem/UpdateItem/DeleteItem commands, imported there.

/** The output's modules (bytes kept) of a metafile with one output. */
export function keptModules(meta: Metafile): string[] {
  const outputs = Object.values(meta.outputs);
  if (outputs.length !== 1) throw new Error(`one output expected, got ${outputs.length}`);
  return Object.entries(outputs[0]!.inputs)
    .filter(([, i]) => i.bytesInOutput > 0)
    .map(([p]) => p);
}

/** lib-dynamodb's commands its own paginators keep in any bundle of the document client. */
const PAGINATED = new Set(['Query', 'Scan']);

/** Names a module of ours imports (not as types) from a package. */
function importedNames(source: string, pkg: string): string[] {
  const names: string[] = [];
  const re = new RegExp(`import\\s+(?!type\\b)\\{([^}]*)\\}\\s*from\\s*['"]${pkg.replace('/', '\\/')}['"]`, 'g');
  for (const m of source.matchAll(re)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0]!.trim();
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

export interface Calls {
  /** IAM actions the code can call. */
  actions: Set<string>;
  /** Kept SDK command modules nothing above explains (a mapping to add). */
  unexplained: string[];
}

/** The AWS actions the code of a bundle can call (see the comment at the top). */
/** `'x-amz-target': 'secretsmanager.GetSecretValue'` in our own code: a SigV4 call made without an SDK client. */
const SIGNED_TARGET = /'x-amz-target':\s*'(secretsmanager)\.(\w+)'/g;

export function actionsCalled(meta: Metafile, root = projectRoot): Calls {
  const kept = keptModules(meta);
  const ours = kept.filter((f) => !f.includes('node_modules/'));
  const documentImports = new Set(ours.flatMap((f) => importedNames(readFileSync(path.resolve(root, f), 'utf8'), '@aws-sdk/lib-dynamodb')));
  const rawImports = new Set(ours.flatMap((f) => importedNames(readFileSync(path.resolve(root, f), 'utf8'), '@aws-sdk/client-dynamodb')));
  const actions = new Set<string>();
  const rawKept: string[] = [];
  const unexplained: string[] = [];
  const documentKept = new Set<string>();

  for (const file of kept) {
    let m = SDK_COMMAND.exec(file);
    if (m) {
      const prefix = IAM_PREFIX[m[1]!];
      if (!prefix) throw new Error(`${file}: which IAM service is @aws-sdk/client-${m[1]}? Add it to IAM_PREFIX`);
      const action = `${prefix}:${m[2]}`;
      if (CLIENT_INTERNAL.has(action)) continue;
      // client-dynamodb's commands are sent by lib-dynamodb's, or by our code that imports them: below
      if (prefix === 'dynamodb') rawKept.push(m[2]!);
      else for (const a of ACTION_OF[action] ?? [action]) actions.add(a);
      continue;
    }
    m = LITE_COMMAND.exec(file);
    if (m) {
      const action = LITE_ACTION.exec(readFileSync(path.resolve(root, file), 'utf8'));
      if (!action) unexplained.push(`${file}: no \`readonly action = '<service>:<Action>'\``);
      else for (const a of ACTION_OF[action[1]!] ?? [action[1]!]) actions.add(a);
      continue;
    }
    m = DOCUMENT_COMMAND.exec(file);
    if (m) {
      const action = DOCUMENT_ACTION[m[1]!];
      if (!action) throw new Error(`${file}: which DynamoDB action does lib-dynamodb's ${m[1]}Command send? Add it to DOCUMENT_ACTION`);
      documentKept.add(action);
      const called = !PAGINATED.has(m[1]!) || documentImports.has(`${m[1]}Command`) || documentImports.has(`paginate${m[1]}`);
      if (called) actions.add(`dynamodb:${action}`);
      continue;
    }
    if (PRESIGNED_POST.test(file)) actions.add('s3:PutObject');
  }
  // A call the code signs itself (functions/commons/secrets.ts): its X-Amz-Target names the action.
  for (const file of ours) {
    for (const m of readFileSync(path.resolve(root, file), 'utf8').matchAll(SIGNED_TARGET)) actions.add(`${m[1]!.toLowerCase()}:${m[2]}`);
  }
  for (const name of rawKept) {
    if (rawImports.has(`${name}Command`)) actions.add(`dynamodb:${name}`);
    else if (!documentKept.has(name)) unexplained.push(`@aws-sdk/client-dynamodb ${name}Command`);
  }
  return { actions, unexplained };
}

export async function bundle(entry: string): Promise<Metafile> {
  const result = await build({ ...esbuildOptions(entry, 'out/index.mjs', projectRoot), write: false, metafile: true });
  return result.metafile!;
}
