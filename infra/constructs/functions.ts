import { ArnFormat, type CfnElement, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../registry';
import { type Access, tableActions, writesTable } from '../../functions/commons/route';
import type { Email } from './email';
import type { Documents } from './documents';
import { fromRoot, projectRoot } from './paths';
import { ALIASES, BANNER, besideBundleCommand } from '../bundling/options';

export interface FunctionsProps {
  specs: readonly FunctionSpec[];
  table: Table;
  email: Email;
  /** ARN of the dossier state machine (known before it exists: its name is fixed). */
  stateMachineArn: string;
  /** ARN pattern of its executions (a resume checks whether one is running). */
  executionsArn: string;
  deletionProtection: boolean;
  /** The centre's profile (JSON), given to every function as CENTRE_PROFILE. */
  centreProfile: string;
  /**
   * The API's functions, served through CloudFront only: they check its origin header
   * (ORIGIN_VERIFY) and count clients by the viewer's address it forwards (CLIENT_IP_HEADER).
   */
  behindCloudFront?: { functions: ReadonlySet<string>; originSecret: string };
  /** The officers' user pool: functions with `agencyGroups` may create `agency-<CODE>` groups in it. */
  userPool?: IUserPool;
  /** The documents bucket, for functions whose access names `documents`. */
  documents?: Documents;
  /** config/<centre>/national-portal.json (JSON), given to functions with `nationalPortalSecret` as NATIONAL_PORTAL; absent: not connected. */
  nationalPortal?: string;
}

/** How every function of the platform is bundled (the registry's, and the catalogue loader): infra/bundling/options.ts. */
export const BUNDLING = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  banner: BANNER,
  minify: true,
  charset: Charset.UTF8,
  sourceMap: false,
  target: 'node24',
  // Bundle the AWS SDK too (pinned versions, smaller cold start than the runtime's copy).
  externalModules: [],
  forceDockerBundling: false,
  // `--alias:<package>=<path>` for each alias (the environment's credentials only)
  esbuildArgs: { '--alias': Object.entries(ALIASES).map(([from, to]) => `${from}=${to}`) },
  // the files a bundle reads beside itself (the receipt's font), into the functions whose bundle reads them
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [besideBundleCommand(inputDir, outputDir)],
  },
};

/** A waiting task's token: the code answers SendTaskSuccess only (a failure is reported as a result). */
export const TASK_RESULT_ACTIONS = ['states:SendTaskSuccess'];

/**
 * Exactly the DynamoDB actions an access names (TABLE_ACCESS, or its own list), on the table and
 * its indexes, with what the table's customer-managed key needs for them: kms:Decrypt and
 * DescribeKey to read, Encrypt/ReEncrypt/GenerateDataKey too to write (as Table.grant* gives).
 * Not `grantReadData`/`grantReadWriteData`: they add Scan, ConditionCheckItem, BatchWriteItem,
 * DescribeTable and the stream's actions, which no code calls (test/infra/iam-calls.test.ts).
 */
export function grantTable(role: IRole, table: Table, access: Pick<Access, 'table'>): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: tableActions(access).map((a) => `dynamodb:${a}`),
      resources: [table.tableArn, `${table.tableArn}/index/*`],
    }),
  );
  const kms = ['kms:Decrypt', 'kms:DescribeKey', ...(writesTable(access) ? ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'] : [])];
  role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: kms, resources: [table.encryptionKey!.keyArn] }));
}

/**
 * One NodejsFunction per registry entry, each with its own role and log group, granted exactly
 * what the registry's `access` says (plus its own log group and X-Ray, which every function has).
 */
export class Functions extends Construct {
  readonly byName = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { table, email, stateMachineArn } = props;

    for (const spec of props.specs) {
      const logGroup = new LogGroup(this, `${spec.name}-Logs`, {
        retention: RetentionDays.ONE_YEAR,
        removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY,
      });
      // An explicit role instead of AWSLambdaBasicExecutionRole: writes to its own log group only.
      const role = new Role(this, `${spec.name}-Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `motcua ${spec.name}`,
      });
      logGroup.grantWrite(role);

      const environment: Record<string, string> = {
        TABLE_NAME: table.tableName,
        POWERTOOLS_SERVICE_NAME: 'motcua',
        SENDER_EMAIL: email.senderEmail,
        SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
        CENTRE_PROFILE: props.centreProfile,
      };
      if (spec.access.agencyGroups && props.userPool) environment.USER_POOL_ID = props.userPool.userPoolId;
      if (spec.access.nationalPortalSecret && props.nationalPortal) environment.NATIONAL_PORTAL = props.nationalPortal;
      if (props.behindCloudFront?.functions.has(spec.name)) {
        environment.ORIGIN_VERIFY = props.behindCloudFront.originSecret;
        environment.CLIENT_IP_HEADER = 'cloudfront-viewer-address';
      }
      if (spec.access.startExecution || spec.access.describeExecution || spec.access.listExecutions) environment.STATE_MACHINE_ARN = stateMachineArn;
      const hub = spec.access.paymentHubSecret ? (JSON.parse(props.centreProfile) as { paymentHub?: { url: string; secretName: string } }).paymentHub : undefined;
      if (hub) {
        environment.PAYHUB_URL = hub.url;
        environment.PAYHUB_SECRET_NAME = hub.secretName;
      }
      if (spec.access.documents?.length) {
        if (!props.documents) throw new Error(`Function ${spec.name} needs the documents bucket`);
        environment.DOCUMENTS_BUCKET = props.documents.bucket.bucketName;
      }

      const fn = new NodejsFunction(this, spec.name, {
        entry: fromRoot(spec.entry),
        handler: 'handler',
        projectRoot,
        depsLockFilePath: fromRoot('package-lock.json'),
        description: spec.description,
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        memorySize: spec.memoryMb,
        timeout: Duration.seconds(spec.timeoutSeconds),
        tracing: Tracing.ACTIVE,
        role,
        logGroup,
        environment,
        bundling: BUNDLING,
      });
      this.byName.set(spec.name, fn);

      grantTable(role, table, spec.access);

      if (spec.access.startExecution) {
        role.addToPrincipalPolicy(
          new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:StartExecution'], resources: [stateMachineArn] }),
        );
      }
      if (spec.access.describeExecution) {
        role.addToPrincipalPolicy(
          new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:DescribeExecution'], resources: [props.executionsArn] }),
        );
      }
      if (spec.access.listExecutions) {
        role.addToPrincipalPolicy(
          new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:ListExecutions'], resources: [stateMachineArn] }),
        );
      }
      if (spec.access.sendTaskResult) {
        // Task-token calls accept the state machine as resource (as StateMachine.grantTaskResponse does).
        role.addToPrincipalPolicy(
          new PolicyStatement({ effect: Effect.ALLOW, actions: TASK_RESULT_ACTIONS, resources: [stateMachineArn] }),
        );
      }
      if (spec.access.sendEmail) {
        role.addToPrincipalPolicy(
          new PolicyStatement({
            effect: Effect.ALLOW,
            actions: ['ses:SendEmail'],
            resources: [email.identity.emailIdentityArn, email.configurationSetArn],
          }),
        );
      }

      if (spec.access.agencyGroups) {
        if (!props.userPool) throw new Error(`${spec.name} creates agency groups: the Functions construct needs the user pool`);
        role.addToPrincipalPolicy(
          new PolicyStatement({ effect: Effect.ALLOW, actions: ['cognito-idp:CreateGroup'], resources: [props.userPool.userPoolArn] }),
        );
      }
      if (spec.access.documents?.length) props.documents!.grant(role, spec.access.documents);
      const citizenSecret = spec.access.citizenSignInSecret ? this.citizenSignInSecretArn(props.centreProfile) : undefined;
      const hubSecret = hub ? this.secretArn(hub.secretName) : undefined;
      const portalSecret =
        spec.access.nationalPortalSecret && props.nationalPortal ? this.secretArn((JSON.parse(props.nationalPortal) as { secretName: string }).secretName) : undefined;
      const secrets = [citizenSecret, hubSecret, portalSecret].filter((s): s is string => s !== undefined);
      if (secrets.length) {
        role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['secretsmanager:GetSecretValue'], resources: secrets }));
      }

      this.acknowledge(role, spec, table, secrets);
    }
  }

  get(name: string): NodejsFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`The registry names function '${name}', which is not defined`);
    return fn;
  }

  /**
   * The national sign-in's client secret (centre.json's citizenSignIn.clientSecretName): its ARN as
   * given, or the ARN of the secret of that name (Secrets Manager adds six random characters to a
   * secret's ARN, hence `-??????`). None when the centre has no national sign-in.
   */
  private citizenSignInSecretArn(centreProfile: string): string | undefined {
    const name = (JSON.parse(centreProfile) as { citizenSignIn?: { clientSecretName: string } }).citizenSignIn?.clientSecretName;
    if (!name) return undefined;
    return this.secretArn(name);
  }

  /** A secret's ARN as given, or the ARN of the secret of that name (`-??????`: the random suffix). */
  private secretArn(name: string): string {
    if (name.startsWith('arn:')) return name;
    return Stack.of(this).formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${name}-??????`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  }

  /** cdk-nag findings on a function role, each acknowledged with its reason. */
  private acknowledge(role: Role, spec: FunctionSpec, table: Table, secrets: string[] = []): void {
    const v = Validations.of(role);
    for (const citizenSecret of secrets.filter((s) => s.endsWith('-??????'))) {
      const stack = Stack.of(this);
      const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
      const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
      const name = citizenSecret.slice(citizenSecret.indexOf(':secret:') + ':secret:'.length);
      v.acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:${region}:${account}:secret:${name}]`,
        reason: "GetSecretValue on the one secret the centre's profile names: `-??????` is the random suffix Secrets Manager adds to a secret's ARN.",
      });
    }
    v.acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active X-Ray tracing: xray:PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
    });
    const tableId = Stack.of(this).getLogicalId(table.node.defaultChild as CfnElement);
    v.acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      reason: 'The table grant covers its own indexes (only GSI1 exists); the wildcard never leaves this table.',
    });
    if (spec.access.describeExecution) {
      const stack = Stack.of(this);
      const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
      const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
      v.acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${region}:${account}:execution:${stack.stackName}-dossier:*]`,
        reason: 'DescribeExecution on the executions of this one state machine: a resume checks that no execution of the dossier is running.',
      });
    }
    if (writesTable(spec.access)) {
      for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
        v.acknowledge({
          id: `AwsSolutions-IAM5[Action::${action}]`,
          reason: `DynamoDB writes with the table's customer-managed key need ${action}; the resource is that one key.`,
        });
      }
    }
  }
}
