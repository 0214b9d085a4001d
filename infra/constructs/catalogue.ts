import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CfnElement, CustomResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { BUNDLING, grantTable } from './functions';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { folderDocument } from '../../functions/commons/catalogue-files';
import type { CentreConfig } from '../centre';
import { functionsProfile } from '../../functions/core/centre';
import { fromRoot, projectRoot } from './paths';

export interface CatalogueProps {
  centre: CentreConfig;
  table: Table;
  userPool: UserPool;
}

/**
 * A value as cdk-nag prints it in a finding's id: the assets bucket's name is a plain string
 * with an account and region, or (a synth with no AWS configuration) a Fn::Sub of their tokens,
 * which an acknowledgement's id cannot hold: `${AWS::AccountId}` is printed `<AWS::AccountId>`.
 */
const nagText = (resolved: unknown): string =>
  typeof resolved === 'string' ? resolved : String((resolved as { 'Fn::Sub': string })['Fn::Sub']).replace(/\$\{([^}]+)\}/g, '<$1>');

/** The custom resource's onEvent handler (bundled like the API's functions: ESM, the SDK inside). */
export const LOADER_ENTRY = 'functions/load-catalogue/handler.ts';

/**
 * The centre's catalogue, loaded into the table on every deploy that changes the folder: a
 * custom resource (CDK Provider framework) whose onEvent function (functions/load-catalogue)
 * runs functions/commons/catalogue-load.ts, the local seed's loader too. The folder travels as
 * one JSON document, an S3 asset (the bootstrap's assets bucket, key = the content's hash), and
 * the properties name it: Folder { Bucket, Key }, CatalogueHash (a change of a file is a new
 * key and an Update). Agencies' systems' clients are not the folder's: `npm run agency-client`
 * makes and maps them at run time. The loader carries no folder of its own, so the
 * rollback of a failed update (old properties, new code) loads the old asset: the stack cannot
 * be left in UPDATE_ROLLBACK_FAILED by the catalogue.
 */
export class Catalogue extends Construct {
  readonly loader: NodejsFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: CatalogueProps) {
    super(scope, id);
    const { centre, table } = props;
    const logGroup = new LogGroup(this, 'LoaderLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: centre.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    // The folder as one document (functions/commons/catalogue-files.ts), uploaded by cdk deploy.
    const document = folderDocument(centre.dir);
    if (document.hash !== centre.hash) throw new Error(`${centre.dir}: the folder changed while the stack was made; synthesize again`);
    // one file per content (synths of the same folder share it; written whole, then renamed)
    const dir = join(tmpdir(), 'motcua-centre-folders');
    const file = join(dir, `${document.hash}.json`);
    const text = JSON.stringify(document);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, text);
      renameSync(partial, file);
    }
    const folder = new Asset(this, 'Folder', { path: file });
    const role = new Role(this, 'LoaderRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'motcua catalogue loader' });
    logGroup.grantWrite(role);
    // the loader reads what is there and puts each item (functions/commons/catalogue-load.ts)
    grantTable(role, table, { table: ['GetItem', 'Query', 'PutItem'] });
    // Any folder document of the assets bucket, not only this deploy's: the rollback of an update
    // reads the earlier one while this policy may already be the new one.
    role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject'], resources: [folder.bucket.arnForObjects('*.json')] }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['cognito-idp:CreateGroup'], resources: [props.userPool.userPoolArn] }),
    );

    this.loader = new NodejsFunction(this, 'Loader', {
      entry: fromRoot(LOADER_ENTRY),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: fromRoot('package-lock.json'),
      description: "Deploy: load the centre's catalogue (agencies, procedures, calendars) into the table",
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.minutes(5),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        USER_POOL_ID: props.userPool.userPoolId,
        CENTRE_PROFILE: JSON.stringify(functionsProfile(centre.catalogue.profile)),
        POWERTOOLS_SERVICE_NAME: 'motcua',
      },
      bundling: BUNDLING,
    });

    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.loader,
      logGroup: new LogGroup(this, 'ProviderLogs', {
        retention: RetentionDays.ONE_YEAR,
        removalPolicy: centre.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
      }),
    });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::Catalogue',
      // Nothing is ever deleted from the table, whatever happens to the stack.
      removalPolicy: RemovalPolicy.RETAIN,
      properties: {
        Centre: centre.catalogue.profile.code,
        CatalogueHash: centre.hash,
        Folder: { Bucket: folder.s3BucketName, Key: folder.s3ObjectKey },
      },
    });
    this.resource.node.addDependency(table);

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Active X-Ray tracing of the loader: xray:PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(table.node.defaultChild as CfnElement)}.Arn>/index/*]`,
        reason: "The loader's table grant covers the table's own indexes; the wildcard never leaves this table.",
      },
      ...['kms:ReEncrypt*', 'kms:GenerateDataKey*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `DynamoDB writes with the table's customer-managed key need ${action}; the resource is that one key.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.loader.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: 'The Provider framework invokes the loader (any version of that one function), as aws-cdk-lib grants it.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${nagText(Stack.of(this).resolve(folder.s3BucketName))}/*.json]`,
        reason: "The loader reads the centre's folder documents of the CDK assets bucket: the one the request names, this deploy's or (on a rollback) the one before.",
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "The CDK Provider framework's own function (it relays the loader's answer to CloudFormation) comes with this role.",
      },
      {
        id: 'AwsSolutions-L1',
        reason: "The CDK Provider framework's own function: its runtime is chosen by aws-cdk-lib; the loader itself runs Node 24.",
      },
    );
  }
}
