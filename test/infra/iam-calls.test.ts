import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOADER_ENTRY } from '../../infra/constructs/catalogue';
import { functions } from '../../infra/registry';
import { MotcuaStack } from '../../infra/stack';
import { SDK_COMMAND, actionsCalled, bundle, keptModules } from '../support/bundle-calls';

/**
 * Issue 18: each function's role grants exactly the AWS actions its deployed bundle can call.
 * Every function is bundled as the CDK bundles it (infra/bundling/options.ts, in memory) and the
 * SDK command modules esbuild kept in the output name the actions its code can call (the SDK's
 * clients declare `sideEffects: false`, so a command nothing calls is dropped: see the first test,
 * and test/support/bundle-calls.ts for lib-dynamodb's paginators, which defeat it).
 * The dev stack is synthesized without bundling and each role's statements give what is granted.
 * Nothing may be missing, and nothing granted that no code calls but the short allowlist below.
 */

type Json = Record<string, any>;
const ENV = { account: '123456789012', region: 'ap-southeast-1' };
const LOADER = 'load-catalogue';
const BATCH = 4; // bundles built at once: esbuild is fast, the machine is small and shared

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

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
 * - SQS: an event source mapping polls the queue with its consumer's role (ReceiveMessage,
 *   DeleteMessage, GetQueueAttributes); CDK's SqsEventSource grants them with
 *   ChangeMessageVisibility and GetQueueUrl (grantConsumeMessages): the consumer's code calls none.
 */
function platformAllows(action: string, ctx: { called: Set<string>; consumer: boolean; streamConsumer?: boolean }): boolean {
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
  // the table stream's event source mapping (the outbox) reads the stream with its consumer's role and
  // sends a failed batch's shard position to its on-failure queue (DynamoEventSource, SqsDlq)
  if (ctx.streamConsumer && ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', 'sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'].includes(action)) return true;
  if (ctx.consumer && ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl'].includes(action)) return true;
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
  let streamConsumers: Set<string>;

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
    streamConsumers = new Set(
      Object.values(resources)
        .filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties.EventSourceArn).includes('StreamArn'))
        .map((r) => targets.find((t) => stack.functions.byName.has(t.name) && JSON.stringify(r.Properties.FunctionName).includes(id(stack, stack.functions.byName.get(t.name)!)))?.name)
        .filter((n): n is string => !!n),
    );
    for (let i = 0; i < targets.length; i += BATCH) {
      const batch = targets.slice(i, i + BATCH);
      const built = await Promise.all(batch.map((t) => bundle(t.entry)));
      batch.forEach((t, k) => metas.set(t.name, built[k]!));
    }
  }, 900_000);

  it('esbuild drops the SDK commands a bundle does not call (so the bundle names what its code can call)', () => {
    const require = createRequire(import.meta.url);
    const sideEffects = (pkg: string) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).sideEffects;
    for (const c of ['dynamodb', 'sfn', 'sesv2', 's3', 'sqs', 'cognito-identity-provider']) expect(sideEffects(`@aws-sdk/client-${c}`), c).toBe(false);
    // lib-dynamodb does not declare it: its paginators keep Query and Scan (handled in bundle-calls.ts)
    expect(sideEffects('@aws-sdk/lib-dynamodb')).toBeUndefined();
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
        expect(kept.get(client) ?? 0, `${name}: @aws-sdk/client-${client} keeps ${kept.get(client)} of ${n} commands`).toBeLessThanOrEqual(Math.min(12, n / 4));
      }
    }
  });

  it('grants every action the code can call, and no action no code calls (but the platform allowlist)', () => {
    const differences: string[] = [];
    for (const t of targets) {
      const { actions: called, unexplained } = actionsCalled(metas.get(t.name)!);
      for (const u of unexplained) differences.push(`${t.name}: ${u} kept, its action unknown`);
      const statements = roleStatements(resources, t.roleId);
      expect(statements.every((s) => s.Effect === 'Allow'), t.name).toBe(true);
      const granted = new Set(statements.flatMap((s) => asArray<string>(s.Action)));
      for (const a of [...called].sort()) if (!granted.has(a)) differences.push(`${t.name}: ${a} missing`);
      for (const a of [...granted].sort()) {
        if (called.has(a) || platformAllows(a, { called, consumer: consumers.has(t.name), streamConsumer: streamConsumers.has(t.name) })) continue;
        differences.push(`${t.name}: ${a} unused`);
      }
    }
    expect(differences).toEqual([]);
  });
});
