import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/bundling/options';
import { LOADER_ENTRY } from '../../infra/constructs/catalogue';
import { projectRoot } from '../../infra/constructs/paths';
import { functions } from '../../infra/registry';
import { MotcuaStack } from '../../infra/stack';

/**
 * Issue 18: each function's role grants exactly the AWS actions its deployed bundle can call.
 * Every function is bundled as the CDK bundles it (infra/bundling/options.ts, in memory) and the
 * SDK command modules esbuild kept in the output (the SDK's packages declare `sideEffects: false`,
 * so a command nothing calls is dropped, see the first test) name the actions its code can call.
 * The dev stack is synthesized without bundling and each role's statements give what is granted.
 * Nothing may be missing, and nothing granted that no code calls but the short allowlist below.
 */

type Json = Record<string, any>;
const ENV = { account: '123456789012', region: 'ap-southeast-1' };
const LOADER = 'load-catalogue';
const BATCH = 4; // bundles built at once: esbuild is fast, the machine is small and shared

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

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
  // every deletion in a versioned bucket names the version (anonymisation removes them all)
  's3:DeleteObjects': ['s3:DeleteObjectVersion'],
  's3:DeleteObject': ['s3:DeleteObjectVersion'],
  // SES v2's SendEmail is authorised as ses:SendEmail
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

const SDK_COMMAND = /node_modules\/@aws-sdk\/client-([a-z0-9-]+)\/dist-es\/commands\/(\w+)Command\.js$/;
const DOCUMENT_COMMAND = /node_modules\/@aws-sdk\/lib-dynamodb\/dist-es\/commands\/(\w+)Command\.js$/;
/** A presigned POST is signed with the function's credentials: the browser's upload is its s3:PutObject. */
const PRESIGNED_POST = /node_modules\/@aws-sdk\/s3-presigned-post\/dist-es\/createPresignedPost\.js$/;
// A presigned GET (s3-request-presigner) signs a GetObjectCommand, which is then in the bundle:
// s3:GetObject comes from that command. Powertools idempotency's persistence layer sends
// client-dynamodb's GetItem/PutItem/UpdateItem/DeleteItem commands: they are in the bundle too.

/** The output's modules (bytes kept) of a metafile with one output. */
function keptModules(meta: Metafile): string[] {
  const outputs = Object.values(meta.outputs);
  expect(outputs).toHaveLength(1);
  return Object.entries(outputs[0]!.inputs)
    .filter(([, i]) => i.bytesInOutput > 0)
    .map(([p]) => p);
}

/** The AWS actions the code of a bundle can call. */
function actionsCalled(meta: Metafile): Set<string> {
  const actions = new Set<string>();
  for (const file of keptModules(meta)) {
    let m = SDK_COMMAND.exec(file);
    if (m) {
      const prefix = IAM_PREFIX[m[1]!];
      if (!prefix) throw new Error(`${file}: which IAM service is @aws-sdk/client-${m[1]}? Add it to IAM_PREFIX`);
      const action = `${prefix}:${m[2]}`;
      if (!CLIENT_INTERNAL.has(action)) for (const a of ACTION_OF[action] ?? [action]) actions.add(a);
      continue;
    }
    m = DOCUMENT_COMMAND.exec(file);
    if (m) {
      const action = DOCUMENT_ACTION[m[1]!];
      if (!action) throw new Error(`${file}: which DynamoDB action does lib-dynamodb's ${m[1]}Command send? Add it to DOCUMENT_ACTION`);
      actions.add(`dynamodb:${action}`);
      continue;
    }
    if (PRESIGNED_POST.test(file)) actions.add('s3:PutObject');
  }
  return actions;
}

async function bundle(entry: string): Promise<Metafile> {
  const result = await build({ ...esbuildOptions(entry, 'out/index.mjs', projectRoot), write: false, metafile: true });
  return result.metafile!;
}

/** Every policy statement attached to a role (its inline policies and AWS::IAM::Policy resources). */
function roleStatements(resources: Record<string, Json>, roleId: string): Json[] {
  const role = resources[roleId]!;
  expect(role.Type).toBe('AWS::IAM::Role');
  // a managed policy would grant what this test cannot see
  expect(asArray(role.Properties.ManagedPolicyArns)).toEqual([]);
  const inline = asArray<Json>(role.Properties.Policies).flatMap((p) => p.PolicyDocument.Statement as Json[]);
  const attached = Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy')
    .filter((r) => asArray<Json>(r.Properties.Roles).some((ref) => ref.Ref === roleId))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Json[]);
  return [...inline, ...attached];
}

/**
 * What a role may be granted without an SDK call in the bundle: the platform's own needs.
 * - X-Ray: active tracing, the Lambda service sends the segments with the function's role;
 * - CloudWatch Logs: the runtime writes the function's own log group;
 * - KMS: the table, the documents bucket and the email queue are encrypted with the stack's
 *   customer-managed key; DynamoDB, S3 and SQS use it with the caller's permissions, so reads
 *   need kms:Decrypt (and DescribeKey), writes kms:Encrypt/ReEncrypt/GenerateDataKey too;
 * - SQS: an event source mapping polls the queue with its consumer's role (Receive, Delete,
 *   ChangeMessageVisibility, GetQueueAttributes): the consumer's code never calls them.
 */
function platformAllows(action: string, ctx: { called: Set<string>; consumer: boolean }): boolean {
  const [service, name] = action.split(':') as [string, string];
  if (action === 'xray:PutTraceSegments' || action === 'xray:PutTelemetryRecords') return true;
  if (action === 'logs:CreateLogStream' || action === 'logs:PutLogEvents') return true;
  const encrypted = [...ctx.called].filter((a) => /^(dynamodb|s3|sqs):/.test(a));
  if (service === 'kms') {
    const reads = encrypted.length > 0 || ctx.consumer;
    const writes = encrypted.some((a) => /^(dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite)|s3:PutObject|sqs:SendMessage)/.test(a));
    if (name === 'Decrypt' || name === 'DescribeKey') return reads;
    if (['Encrypt', 'ReEncrypt*', 'GenerateDataKey*', 'GenerateDataKey'].includes(name)) return writes;
    return false;
  }
  if (ctx.consumer && ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'].includes(action)) return true;
  return false;
}

interface Target {
  name: string;
  entry: string;
  roleId: string;
}

describe('IAM: each role grants exactly what its bundle can call', () => {
  const targets: Target[] = [];
  const metas = new Map<string, Metafile>();
  let resources: Record<string, Json>;
  let consumers: Set<string>;

  beforeAll(async () => {
    const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'motcua-cdk-')), context: { centre: 'config/hanoi', environment: 'dev', 'aws:cdk:bundling-stacks': [] } });
    const stack = new MotcuaStack(app, 'Motcua', { env: ENV });
    resources = app.synth().getStackByName('Motcua').template.Resources as Record<string, Json>;
    const id = (s: Stack, c: { node: { defaultChild?: unknown } }) => s.getLogicalId(c.node.defaultChild as CfnElement);
    const roleOf = (fnId: string) => resources[fnId]!.Properties.Role['Fn::GetAtt'][0] as string;
    for (const f of functions) targets.push({ name: f.name, entry: f.entry, roleId: roleOf(id(stack, stack.functions.get(f.name))) });
    targets.push({ name: LOADER, entry: LOADER_ENTRY, roleId: roleOf(id(stack, stack.catalogue.loader)) });
    // functions an SQS event source mapping invokes
    consumers = new Set(
      Object.values(resources)
        .filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties.EventSourceArn).includes('Queue'))
        .map((r) => targets.find((t) => JSON.stringify(r.Properties.FunctionName).includes(id(stack, stack.functions.byName.get(t.name) ?? stack.catalogue.loader)))?.name)
        .filter((n): n is string => !!n),
    );
    for (let i = 0; i < targets.length; i += BATCH) {
      const batch = targets.slice(i, i + BATCH);
      const built = await Promise.all(batch.map((t) => bundle(t.entry)));
      batch.forEach((t, k) => metas.set(t.name, built[k]!));
    }
  }, 900_000);

  it('esbuild drops the SDK commands a bundle does not call (so the bundle names what its code can call)', () => {
    // Each client's index imports all its commands; only the ones used reach the output.
    for (const [name, meta] of metas) {
      const imported = new Map<string, number>();
      const kept = new Map<string, number>();
      const count = (m: Map<string, number>, file: string) => {
        const c = SDK_COMMAND.exec(file);
        if (c) m.set(c[1]!, (m.get(c[1]!) ?? 0) + 1);
      };
      for (const file of Object.keys(meta.inputs)) count(imported, file);
      for (const file of keptModules(meta)) count(kept, file);
      for (const [client, n] of imported) {
        expect(kept.get(client) ?? 0, `${name}: @aws-sdk/client-${client} keeps ${kept.get(client)} of ${n} commands`).toBeLessThanOrEqual(Math.max(12, n / 4));
      }
    }
  });

  it('grants every action the code can call, and no action no code calls (but the platform allowlist)', () => {
    const differences: string[] = [];
    for (const t of targets) {
      const called = actionsCalled(metas.get(t.name)!);
      const statements = roleStatements(resources, t.roleId);
      expect(statements.every((s) => s.Effect === 'Allow'), t.name).toBe(true);
      const granted = new Set(statements.flatMap((s) => asArray<string>(s.Action)));
      for (const a of [...called].sort()) if (!granted.has(a)) differences.push(`${t.name}: ${a} missing`);
      for (const a of [...granted].sort()) {
        if (called.has(a) || platformAllows(a, { called, consumer: consumers.has(t.name) })) continue;
        differences.push(`${t.name}: ${a} unused`);
      }
    }
    expect(differences).toEqual([]);
  });
});
