import { templateText } from '../support/template-text';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Template, Match } from 'aws-cdk-lib/assertions';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT, VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { MotcuaStack } from '../../infra/stack';
import { functions, queues, routes, stateMachines, type FunctionSpec } from '../../infra/registry';
import { tableActions, writesTable } from '../../functions/commons/route';
import { projectRoot } from '../../infra/constructs/paths';
import { BESIDE_BUNDLE } from '../../infra/bundling/options';
import { functionsProfile } from '../../functions/core/centre';
import { isCitizenFacing } from '../../functions/core/roles';

// asl-validator ships no types: load it through require with the shape its README documents.
const aslValidator = createRequire(import.meta.url)('asl-validator') as (definition: unknown) => {
  isValid: boolean;
  errorsText: (separator?: string) => string;
};

const ENV = { account: '123456789012', region: 'ap-southeast-1' };
const SENDER = 'no-reply@motcua.hanoi.example.gov.vn';
/** Hanoi's shipped folder has an example sender: a trial (dev) stack. */
const DEV = { centre: 'config/hanoi', environment: 'dev' };
const SYNTH_TIMEOUT = 300_000; // bundling ~30 functions on a shared 2-core machine

type Json = Record<string, any>;

interface Built {
  app: App;
  stack: MotcuaStack;
}

/** Builds the stack the way infra/app.ts does. `bundle: false` skips esbuild (fast, for context tests). */
function build(context: Record<string, unknown>, opts: { bundle?: boolean; nag?: boolean } = {}): Built {
  const app = new App({
    outdir: mkdtempSync(path.join(tmpdir(), 'motcua-cdk-')),
    context: {
      ...context,
      // Keep going on validation errors so the test can read the report and name every finding.
      [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
      ...(opts.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
    },
  });
  const stack = new MotcuaStack(app, 'Motcua', { env: ENV });
  if (opts.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

interface NagFinding {
  rule: string;
  severity: string;
  paths: string[];
}

function nagFindings(assemblyDir: string): NagFinding[] {
  const report = JSON.parse(readFileSync(path.join(assemblyDir, VALIDATION_REPORT_FILE), 'utf8'));
  return (report.pluginReports as Json[])
    .filter((p) => p.pluginName === 'AwsSolutions')
    .flatMap((p) => p.violations as Json[])
    .map((v) => ({
      rule: v.ruleName,
      severity: v.severity,
      paths: (v.violatingConstructs ?? v.violatingResources ?? []).map((c: Json) => c.constructPath),
    }));
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Every policy statement attached to a role (its inline policies and AWS::IAM::Policy resources). */
function roleStatements(template: Template, roleLogicalId: string): Json[] {
  const resources = template.toJSON().Resources as Record<string, Json>;
  const role = resources[roleLogicalId];
  expect(role?.Type).toBe('AWS::IAM::Role');
  const inline = asArray(role.Properties.Policies as Json[]).flatMap((p) => p.PolicyDocument.Statement);
  expect(asArray(role.Properties.ManagedPolicyArns)).toEqual([]);
  const attached = Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) => asArray(r.Properties.Roles as Json[]).some((ref) => ref.Ref === roleLogicalId))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Json[]);
  return [...inline, ...attached];
}

const actionsOf = (statements: Json[]): string[] =>
  [...new Set(statements.flatMap((s) => asArray<string>(s.Action)))].sort();

const statementsFor = (statements: Json[], prefix: string) =>
  statements.filter((s) => asArray<string>(s.Action).some((a) => a.startsWith(prefix)));

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }): string =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

const TASK_RESULT = ['states:SendTaskSuccess'];

describe('Motcua stack', () => {
  let built: Built;
  let template: Template;
  let resources: Record<string, Json>;
  let assemblyDir: string;

  beforeAll(() => {
    built = build(DEV, { nag: true });
    const assembly = built.app.synth();
    assemblyDir = assembly.directory;
    template = Template.fromJSON(assembly.getStackByName('Motcua').template);
    resources = template.toJSON().Resources;
  }, SYNTH_TIMEOUT);

  const fnId = (name: string) => logicalId(built.stack, built.stack.functions.get(name));
  const fnRoleId = (name: string) => {
    const role = resources[fnId(name)].Properties.Role;
    return role['Fn::GetAtt'][0] as string;
  };

  describe('data', () => {
    it('has the single table with PK/SK, GSI1 and GSI2, TTL, on-demand billing, PITR and a customer-managed key', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'GSI1',
            KeySchema: [
              { AttributeName: 'GSI1PK', KeyType: 'HASH' },
              { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'GSI2',
            KeySchema: [
              { AttributeName: 'GSI2PK', KeyType: 'HASH' },
              { AttributeName: 'GSI2SK', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
          { AttributeName: 'GSI1PK', AttributeType: 'S' },
          { AttributeName: 'GSI1SK', AttributeType: 'S' },
          { AttributeName: 'GSI2PK', AttributeType: 'S' },
          { AttributeName: 'GSI2SK', AttributeType: 'S' },
        ]),
      });
      template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });

    it('is unprotected and deletable in a dev environment (-c environment=dev)', () => {
      template.hasResource('AWS::DynamoDB::Table', {
        Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
        DeletionPolicy: 'Delete',
      });
    });

    it('is protected and retained by default (a centre with its own sender domain)', () => {
      const app = new App({ context: { centre: 'test/fixtures/centre-demo', 'aws:cdk:bundling-stacks': [] } });
      new MotcuaStack(app, 'Motcua', { env: { ...ENV, region: 'ap-southeast-2' } });
      const t = Template.fromJSON(app.synth().getStackByName('Motcua').template);
      t.hasResource('AWS::DynamoDB::Table', {
        Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
        DeletionPolicy: 'Retain',
      });
      t.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
      t.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
    }, SYNTH_TIMEOUT);
  });

  describe('identity', () => {
    it('has a user pool without self sign-up, a strong password policy and optional MFA', () => {
      template.resourceCountIs('AWS::Cognito::UserPool', 1);
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'OPTIONAL',
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      });
      // the web app and the terminal; agencies' systems' clients are made at run time (npm run agency-client)
      template.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    });

    it('has the desk and operator groups (agency-<CODE> groups are made by the loader and PUT /agencies)', () => {
      const names = Object.values(resources)
        .filter((r) => r.Type === 'AWS::Cognito::UserPoolGroup')
        .map((r) => r.Properties.GroupName)
        .sort();
      expect(names).toEqual(['desk', 'operator']);
    });
  });

  describe('functions', () => {
    it('has one Lambda per registry function, the catalogue loader and its Provider framework, and no other (but the handler that deploys the web pages)', () => {
      const lambdas = Object.entries(resources).filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && !id.startsWith('CustomCDKBucketDeployment'));
      const loader = logicalId(built.stack, built.stack.catalogue.loader);
      const framework = lambdas.map(([id]) => id).filter((id) => id.startsWith('CatalogueProviderframeworkonEvent'));
      expect(framework).toHaveLength(1);
      expect(lambdas.map(([id]) => id).sort()).toEqual([...functions.map((f) => fnId(f.name)), loader, ...framework].sort());
    });

    it("ships the centre's folder as an asset the catalogue resource names, file for file, and none in the loader's bundle", () => {
      const key: string = resources[logicalId(built.stack, built.stack.catalogue.loader)].Properties.Code.S3Key;
      const assetDir = path.join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
      // the loader loads what the request names (a rollback names the earlier folder), never a copy of its own
      expect(readdirSync(assetDir)).toEqual(['index.mjs']);
      const cr = Object.values(resources).find((r) => r.Type === 'Custom::Catalogue')!;
      const document = JSON.parse(readFileSync(path.join(assemblyDir, `asset.${cr.Properties.Folder.Key}`), 'utf8'));
      expect(document.hash).toBe(cr.Properties.CatalogueHash);
      const centreDir = path.join(projectRoot, 'config/hanoi');
      const files = Object.fromEntries((document.files as { path: string; text: string }[]).map((f) => [f.path, f.text]));
      for (const file of ['centre.json', 'agencies.json', ...readdirSync(path.join(centreDir, 'procedures')).map((f) => `procedures/${f}`)]) {
        expect(files[file], file).toBe(readFileSync(path.join(centreDir, file), 'utf8'));
      }
    });

    describe.each(functions.map((f) => [f.name, f] as const))('%s', (name, spec: FunctionSpec) => {
      it('runs ESM on Node 24 / arm64 with the registry memory and timeout, traced, logging to a 1-year log group', () => {
        const props = resources[fnId(name)].Properties;
        expect(props).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          MemorySize: spec.memoryMb,
          Timeout: spec.timeoutSeconds,
          TracingConfig: { Mode: 'Active' },
          Description: spec.description,
        });
        // The bundle is an ES module (middy 7 is ESM-only).
        const key: string = props.Code.S3Key;
        const assetDir = path.join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
        expect(readdirSync(assetDir)).toContain('index.mjs');
        const bundle = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
        expect(bundle).toContain('createRequire');
        // Its log group keeps a year.
        const logGroupId = props.LoggingConfig.LogGroup.Ref as string;
        expect(resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365 } });
      });

      it('carries beside its bundle exactly the files the bundle reads there (the receipt font and its licence: the functions that print receipts)', () => {
        const key: string = resources[fnId(name)].Properties.Code.S3Key;
        const assetDir = path.join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
        const bundle = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
        const read = Object.entries(BESIDE_BUNDLE).filter(([file]) => bundle.includes(`"./${file}"`));
        expect(readdirSync(assetDir).sort()).toEqual(['index.mjs', ...read.flatMap(([, files]) => files.map((f) => path.basename(f)))].sort());
        for (const file of read.flatMap(([, files]) => files)) expect(readFileSync(path.join(assetDir, path.basename(file))).equals(readFileSync(path.join(projectRoot, file))), file).toBe(true);
        // the two API functions whose routes print a payment's receipt (public-receipt, public-my-receipt, payment-receipt)
        expect(read.length > 0, 'reads the receipt font').toBe(name === 'api-public' || name === 'api-officers');
      });

      it('has exactly the environment it needs', () => {
        const env = resources[fnId(name)].Properties.Environment.Variables as Json;
        const expected = ['CENTRE_PROFILE', 'POWERTOOLS_SERVICE_NAME', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'TABLE_NAME'];
        if (spec.access.startExecution || spec.access.describeExecution || spec.access.listExecutions) expected.push('STATE_MACHINE_ARN');
        if (spec.access.agencyGroups) expected.push('USER_POOL_ID');
        if (spec.access.paymentHubSecret) expected.push('PAYHUB_URL', 'PAYHUB_SECRET_NAME'); // the centre's paymentHub (docs/fees.md)
        if (routes.some((r) => r.function === name)) expected.push('ORIGIN_VERIFY', 'CLIENT_IP_HEADER');
        // the folder's profile without its branches (read from the table: a branch changes no function),
        // with the pages' origin (a trial: the distribution's name) as portalUrl
        const { webOrigins: _w, ...profile } = functionsProfile(built.stack.centre.catalogue.profile);
        const distribution = logicalId(built.stack, built.stack.web.distribution);
        expect(JSON.parse(templateText(env.CENTRE_PROFILE))).toEqual({ ...profile, portalUrl: `https://\${${distribution}.DomainName}` });
        expect(JSON.parse(templateText(env.CENTRE_PROFILE))).not.toHaveProperty('branches');
        if (spec.access.documents?.length) expected.push('DOCUMENTS_BUCKET');
        if (spec.access.emailQueue) expected.push(queues[0]!.urlEnv);
        if (queues.some((q) => q.consumer === name)) expected.push('EMAIL_SENDERS');
        // the API's authorizer: the pool's issuer and the officers' two clients (infra/stack.ts)
        if (name === 'authorizer') expected.push('AUTH_ISSUER', 'AUTH_USER_CLIENTS');
        // the outbox's sender: the national portal's mapping (config/hanoi/national-portal.json)
        if (spec.access.nationalPortalSecret) expected.push('NATIONAL_PORTAL');
        expect(Object.keys(env).sort()).toEqual(expected.sort());
        expect(env.POWERTOOLS_SERVICE_NAME).toBe('motcua');
        expect(env.SENDER_EMAIL).toBe(SENDER);
        expect(env.TABLE_NAME).toEqual({ Ref: logicalId(built.stack, built.stack.data.table) });
        if (spec.access.startExecution) {
          expect(JSON.stringify(env.STATE_MACHINE_ARN)).toContain(`:stateMachine:Motcua-${stateMachines[0].name}`);
        }
      });

      it('is granted exactly what the registry access says', () => {
        const statements = roleStatements(template, fnRoleId(name));
        const actions = actionsOf(statements);
        expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);

        const services = new Set(actions.map((a) => a.split(':')[0]));
        const allowed = new Set(['logs', 'xray', 'dynamodb', 'kms']);
        if (spec.access.startExecution || spec.access.describeExecution || spec.access.listExecutions || spec.access.sendTaskResult) allowed.add('states');
        if (spec.access.sendEmail) allowed.add('ses');
        if (spec.access.agencyGroups) allowed.add('cognito-idp');
        if (spec.access.documents?.length) allowed.add('s3'); // exactly which: test/infra/documents.test.ts
        if (spec.access.citizenSignInSecret || spec.access.nationalPortalSecret || spec.access.paymentHubSecret) allowed.add('secretsmanager');
        // Secrets Manager: the national sign-in's client secret and the payment hub's (centre.json), the national
        // portal's account (national-portal.json's secretName): read only, each named
        for (const s of statementsFor(statements, 'secretsmanager:')) {
          expect(s.Action).toBe('secretsmanager:GetSecretValue');
          for (const r of [s.Resource].flat()) expect(JSON.stringify(r)).toMatch(/:secretsmanager:[^"]*:secret:motcua\/hanoi\/(citizen-sign-in|payment-hub|national-portal)-\?{6}"/);
        }
        const consumer = queues.some((q) => q.consumer === name);
        // the table stream's consumer (the outbox): reads the stream, sends failed batches' positions to its DLQ
        const streamConsumer = Object.values(template.toJSON().Resources as Record<string, Json>).some(
          (r) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties.EventSourceArn).includes('StreamArn') && JSON.stringify(r.Properties.FunctionName).includes(fnId(name)),
        );
        if (spec.access.emailQueue || consumer || streamConsumer) allowed.add('sqs');
        expect([...services].filter((s) => !allowed.has(s))).toEqual([]);
        // Cognito: CreateGroup on the user pool, and nothing else.
        const cognito = statementsFor(statements, 'cognito-idp:');
        expect(actionsOf(cognito)).toEqual(spec.access.agencyGroups ? ['cognito-idp:CreateGroup'] : []);
        for (const c of cognito) expect(c.Resource).toEqual({ 'Fn::GetAtt': [logicalId(built.stack, built.stack.identity.userPool), 'Arn'] });

        // SQS: send to the email queue; its consumer also receives, deletes, changes visibility.
        const sqs = [...new Set(actions.filter((a) => a.startsWith('sqs:')))].sort();
        const send = spec.access.emailQueue ? ['sqs:SendMessage'] : [];
        const consume = consumer ? ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'] : [];
        const onFailure = streamConsumer ? ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'] : [];
        expect(sqs).toEqual([...new Set([...send, ...consume, ...onFailure])].sort());
        const queueId = logicalId(built.stack, built.stack.emailDelivery.queue);
        if (!streamConsumer) for (const s of statementsFor(statements, 'sqs:')) {
          expect(asArray<Json>(s.Resource).map((r) => JSON.stringify(r))).toEqual([JSON.stringify({ 'Fn::GetAtt': [queueId, 'Arn'] })]);
        }

        // Table: exactly the actions the access names (which the code calls: iam-calls.test.ts).
        const stream = streamConsumer ? ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'] : [];
        expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([...tableActions(spec.access).map((a) => `dynamodb:${a}`), ...stream].sort());
        expect(actions.includes('kms:GenerateDataKey*')).toBe(writesTable(spec.access));
        const tableId = logicalId(built.stack, built.stack.data.table);
        for (const s of statementsFor(statements, 'dynamodb:')) {
          if (asArray<string>(s.Action).includes('dynamodb:ListStreams')) continue; // ListStreams takes no resource: `*`
          for (const r of asArray<Json>(s.Resource)) expect(JSON.stringify(r)).toContain(tableId);
        }

        // Step Functions.
        const states = actions.filter((a) => a.startsWith('states:'));
        const expectedStates = [
          ...(spec.access.describeExecution ? ['states:DescribeExecution'] : []),
          ...(spec.access.listExecutions ? ['states:ListExecutions'] : []),
          ...(spec.access.startExecution ? ['states:StartExecution'] : []),
          ...(spec.access.sendTaskResult ? TASK_RESULT : []),
        ].sort();
        expect(states).toEqual(expectedStates);
        for (const s of statementsFor(statements, 'states:')) {
          const res = asArray<Json>(s.Resource);
          expect(res).toHaveLength(1);
          const target = asArray<string>(s.Action).includes('states:DescribeExecution')
            ? `:execution:Motcua-${stateMachines[0].name}:*`
            : `:stateMachine:Motcua-${stateMachines[0].name}`;
          expect(JSON.stringify(res[0])).toContain(target);
        }

        // SES: SendEmail only, on the sender identity and the configuration set.
        const ses = actions.filter((a) => a.startsWith('ses:'));
        expect(ses).toEqual(spec.access.sendEmail ? ['ses:SendEmail'] : []);
        for (const s of statementsFor(statements, 'ses:')) {
          const res = asArray<Json>(s.Resource).map((r) => JSON.stringify(r));
          expect(res).toHaveLength(2);
          const idOf = (type: string) => Object.keys(resources).find((k) => resources[k].Type === type)!;
          const identity = `{"Ref":"${idOf('AWS::SES::EmailIdentity')}"}`;
          const configurationSet = `{"Ref":"${idOf('AWS::SES::ConfigurationSet')}"}`;
          expect(res.some((r) => r.includes(':identity/') && r.includes(identity))).toBe(true);
          expect(res.some((r) => r.includes(':configuration-set/') && r.includes(configurationSet))).toBe(true);
        }

        // Logs only on its own log group; X-Ray for tracing.
        const logGroupId = resources[fnId(name)].Properties.LoggingConfig.LogGroup.Ref as string;
        for (const s of statementsFor(statements, 'logs:')) {
          expect(asArray(s.Resource)).toEqual([{ 'Fn::GetAtt': [logGroupId, 'Arn'] }]);
        }
        expect(actions.filter((a) => a.startsWith('xray:')).sort()).toEqual([
          'xray:PutTelemetryRecords',
          'xray:PutTraceSegments',
        ]);
      });
    });
  });

  describe('workflow', () => {
    it.each(stateMachines.map((s) => [s.name, s] as const))(
      '%s is a Standard state machine with ALL logging (no execution data) and tracing',
      (name) => {
        const sm = resources[logicalId(built.stack, built.stack.workflows.find((w) => w.node.id === `Workflow-${name}`)!.stateMachine)];
        expect(sm.Type).toBe('AWS::StepFunctions::StateMachine');
        expect(sm.Properties).toMatchObject({
          StateMachineType: 'STANDARD',
          StateMachineName: `Motcua-${name}`,
          TracingConfiguration: { Enabled: true },
          LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
        });
        const logGroupRef = sm.Properties.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn;
        expect(resources[logGroupRef['Fn::GetAtt'][0]].Properties.RetentionInDays).toBe(365);
      },
    );

    it.each(stateMachines.map((s) => [s.name, s] as const))(
      '%s substitutes every registry key with the named function ARN',
      (name, spec) => {
        const workflow = built.stack.workflows.find((w) => w.node.id === `Workflow-${name}`)!;
        const sm = resources[logicalId(built.stack, workflow.stateMachine)];
        const expected = Object.fromEntries(
          Object.entries(spec.functionSubstitutions).map(([key, fn]) => [key, { 'Fn::GetAtt': [fnId(fn), 'Arn'] }]),
        );
        expect(sm.Properties.DefinitionSubstitutions).toEqual(expected);
      },
    );

    it.each(stateMachines.map((s) => [s.name, s] as const))(
      "%s's role may invoke exactly its workflow functions and nothing else",
      (name, spec) => {
        const workflow = built.stack.workflows.find((w) => w.node.id === `Workflow-${name}`)!;
        const statements = roleStatements(template, logicalId(built.stack, workflow.role));
        const lambda = statementsFor(statements, 'lambda:');
        expect(actionsOf(lambda)).toEqual(['lambda:InvokeFunction']);
        const invoked = lambda.flatMap((s) => asArray<Json>(s.Resource));
        const expected = [...new Set(Object.values(spec.functionSubstitutions))].map((fn) => ({
          'Fn::GetAtt': [fnId(fn), 'Arn'],
        }));
        expect(invoked).toHaveLength(expected.length);
        expect(invoked).toEqual(expect.arrayContaining(expected));
        // Nothing but invocation, starting its own successor (the hand-over), log delivery and X-Ray.
        const services = new Set(actionsOf(statements).map((a) => a.split(':')[0]));
        expect([...services].sort()).toEqual(['lambda', 'logs', 'states', 'xray']);
        const states = statementsFor(statements, 'states:');
        expect(actionsOf(states)).toEqual(['states:StartExecution']);
        for (const st of states) expect(JSON.stringify(asArray<Json>(st.Resource))).toContain(`:stateMachine:Motcua-${name}`);
      },
    );
  });

  describe('api', () => {
    it("has one Lambda REQUEST authorizer (payload 2.0, simple answers, the Authorization header, cached 5 minutes) that names no agency's client", () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
      const [auth] = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Authorizer');
      expect(auth.Properties).toMatchObject({
        AuthorizerType: 'REQUEST',
        AuthorizerPayloadFormatVersion: '2.0',
        EnableSimpleResponses: true,
        IdentitySource: ['$request.header.Authorization'],
        AuthorizerResultTtlInSeconds: 300,
      });
      expect(auth.Properties.JwtConfiguration).toBeUndefined();
      expect(JSON.stringify(auth.Properties.AuthorizerUri)).toContain(fnId('authorizer'));
      // API Gateway may invoke it (that authorizer only)
      const permissions = Object.values(resources).filter(
        (r) => r.Type === 'AWS::Lambda::Permission' && JSON.stringify(r.Properties.FunctionName).includes(fnId('authorizer')),
      );
      expect(permissions).toHaveLength(1);
      expect(permissions[0]!.Properties.Principal).toBe('apigateway.amazonaws.com');
      // it knows the pool's issuer and the officers' two clients, nothing of agencies
      const env = resources[fnId('authorizer')].Properties.Environment.Variables;
      const issuer = JSON.stringify(env.AUTH_ISSUER);
      expect(issuer).toContain(`https://cognito-idp.${ENV.region}.amazonaws.com/`);
      expect(issuer).toMatch(/"Ref":"IdentityUserPool/);
      expect(env.AUTH_USER_CLIENTS).toEqual({ 'Fn::Join': [',', built.stack.identity.userClients.map((c) => ({ Ref: logicalId(built.stack, c) }))] });
    });

    it('has exactly the registry routes, each behind the authorizer, to its function (payload 2.0)', () => {
      const [authorizerId] = Object.keys(resources).filter((k) => resources[k].Type === 'AWS::ApiGatewayV2::Authorizer');
      const apiRoutes = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
      expect(apiRoutes.map((r) => r.Properties.RouteKey).sort()).toEqual(
        routes.map((r) => `${r.method} ${r.path}`).sort(),
      );
      for (const route of routes) {
        const r = apiRoutes.find((x) => x.Properties.RouteKey === `${route.method} ${route.path}`)!;
        if (isCitizenFacing(route.roles)) {
          // the citizen's routes: no token (the handler checks the code and PIN), or a citizen's session (no JWT: the router checks it)
          expect([undefined, 'NONE']).toContain(r.Properties.AuthorizationType);
          expect(r.Properties.AuthorizerId).toBeUndefined();
        } else {
          expect(r.Properties.AuthorizationType).toBe('CUSTOM');
          expect(r.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
        }
        const integrationId = r.Properties.Target['Fn::Join'][1][1].Ref as string;
        expect(resources[integrationId].Properties).toMatchObject({
          IntegrationType: 'AWS_PROXY',
          PayloadFormatVersion: '2.0',
          IntegrationUri: { 'Fn::GetAtt': [fnId(route.function), 'Arn'] },
        });
      }
    });

    it('has a throttled, access-logged default stage', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context.requestId') },
      });
    });
  });

  describe('email', () => {
    it("has the sender's domain identity and a configuration set", () => {
      template.hasResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: SENDER.split('@')[1],
        ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
      });
      template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    });

    it('refuses to synthesize an example sender unless -c environment=dev, saying how', () => {
      expect(() => build({ centre: 'config/hanoi' }, { bundle: false })).toThrow(
        /centre\.json: sender\.domain: motcua\.hanoi\.example\.gov\.vn is an example domain.*-c environment=dev/,
      );
    });
  });

  it('has the outputs', () => {
    for (const name of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'StateMachineArn', 'TableName', 'DocumentsBucket']) {
      template.hasOutput(name, {});
    }
  });

  describe('cdk-nag AwsSolutions', () => {
    it('reports no unacknowledged finding (error or warning)', () => {
      expect(existsSync(path.join(assemblyDir, VALIDATION_REPORT_FILE))).toBe(true);
      expect(nagFindings(assemblyDir)).toEqual([]);
    });

    it('does report a finding that is not acknowledged (the check is live)', () => {
      const app = new App({
        outdir: mkdtempSync(path.join(tmpdir(), 'motcua-cdk-')),
        context: { [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false },
      });
      const stack = new Stack(app, 'Control', { env: ENV });
      const role = new Role(stack, 'Wide', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: ['*'] }));
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      const findings = nagFindings(app.synth().directory);
      expect(findings).toContainEqual({
        rule: 'AwsSolutions-IAM5[Resource::*]',
        severity: 'error',
        paths: ['Control/Wide/DefaultPolicy/Resource'],
      });
    });
  });
});

describe('state machine definitions', () => {
  const dir = path.join(projectRoot, 'statemachines');
  const files = readdirSync(dir).filter((f) => f.endsWith('.asl.json'));
  const DUMMY_ARN = 'arn:aws:lambda:ap-southeast-1:123456789012:function:dummy';

  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const placeholders = [...new Set([...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]))].sort();

    it('passes asl-validator once its placeholders are substituted', () => {
      const definition = JSON.parse(text.replace(/\$\{\w+\}/g, DUMMY_ARN));
      const { isValid, errorsText } = aslValidator(definition);
      expect(isValid, errorsText('\n')).toBe(true);
    });

    it('is in the registry, and its placeholders match functionSubstitutions both ways', () => {
      const spec = stateMachines.find((s) => path.normalize(s.definitionFile) === path.join('statemachines', file));
      expect(spec, `${file} is not referenced by infra/registry.ts`).toBeDefined();
      expect(placeholders).toEqual(Object.keys(spec!.functionSubstitutions).sort());
      for (const fn of Object.values(spec!.functionSubstitutions)) {
        expect(functions.map((f) => f.name)).toContain(fn);
      }
    });
  });
});
