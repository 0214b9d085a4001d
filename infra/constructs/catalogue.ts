import { type CfnElement, CustomResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { BUNDLING, grantTable } from './functions';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { CentreConfig } from '../centre';
import { functionsProfile } from '../../functions/core/centre';
import { fromRoot, projectRoot } from './paths';

export interface CatalogueProps {
  centre: CentreConfig;
  table: Table;
  userPool: UserPool;
  /** The agencies' client-credentials clients, by agency code. */
  agencyClients: ReadonlyMap<string, UserPoolClient>;
}

/** The custom resource's onEvent handler (bundled like the API's functions: ESM, the SDK inside). */
export const LOADER_ENTRY = 'functions/load-catalogue/handler.ts';

/**
 * The centre's catalogue, loaded into the table on every deploy that changes the folder: a
 * custom resource (CDK Provider framework) whose onEvent function carries the folder in its
 * bundle (catalogue/) and runs functions/commons/catalogue-load.ts, the local seed's loader too.
 * Properties: the folder's hash (a change of a file is an Update) and the agency clients.
 */
export class Catalogue extends Construct {
  readonly loader: NodejsFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: CatalogueProps) {
    super(scope, id);
    const { centre, table } = props;
    const logGroup = new LogGroup(this, 'LoaderLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: centre.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    const role = new Role(this, 'LoaderRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'motcua catalogue loader' });
    logGroup.grantWrite(role);
    // the loader reads what is there and puts each item (functions/commons/catalogue-load.ts)
    grantTable(role, table, { table: ['GetItem', 'Query', 'PutItem'] });
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
      bundling: {
        ...BUNDLING,
        // The folder travels in the bundle: `catalogue/` beside index.mjs.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_input: string, output: string) => [`cp -R "${centre.dir}" "${output}/catalogue"`],
        },
      },
    });

    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.loader,
      logGroup: new LogGroup(this, 'ProviderLogs', {
        retention: RetentionDays.ONE_YEAR,
        removalPolicy: centre.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
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
        AgencyClients: [...props.agencyClients].map(([agency, client]) => ({ clientId: client.userPoolClientId, agency })),
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
