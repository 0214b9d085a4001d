import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alarms } from './constructs/alarms';
import { Api } from './constructs/api';
import { Data } from './constructs/data';
import { Email } from './constructs/email';
import { EmailDelivery } from './constructs/email-delivery';
import { Functions } from './constructs/functions';
import { Identity } from './constructs/identity';
import { Jobs } from './constructs/jobs';
import { Workflow, executionsArn, stateMachineArn } from './constructs/workflow';
import { agencyCodes, functions, queues, routes, stateMachines } from './registry';

/** Reads a boolean context value; accepts `true` and the string 'true' (as given by `-c`). */
function contextFlag(scope: Construct, key: string): boolean {
  const value: unknown = scope.node.tryGetContext(key);
  return value === true || value === 'true';
}

function requiredContext(scope: Construct, key: string, example: string): string {
  const value: unknown = scope.node.tryGetContext(key);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(
      `Context '${key}' is required: set it in cdk.json or pass it on the command line, e.g. \`npx cdk deploy -c ${key}=${example}\``,
    );
  }
  return value.trim();
}

/** The whole platform: data, identity, functions, workflows, API, email. Everything comes from infra/registry.ts. */
export class MotcuaStack extends Stack {
  readonly data: Data;
  readonly functions: Functions;
  readonly workflows: Workflow[];
  readonly api: Api;
  readonly jobs: Jobs;
  readonly alarms: Alarms;
  readonly emailDelivery: EmailDelivery;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const senderEmail = requiredContext(this, 'senderEmail', 'no-reply@example.gov.vn');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(senderEmail)) {
      throw new Error(`Context 'senderEmail' must be an email address, got '${senderEmail}'`);
    }
    const deletionProtection = contextFlag(this, 'deletionProtection');
    if (stateMachines.length === 0) throw new Error('The registry defines no state machine');
    // Functions get STATE_MACHINE_ARN / grants on the first (main) state machine, whose ARN is
    // derived from its fixed name: the workflow needs the functions first, so no cycle arises.
    const mainStateMachineArn = stateMachineArn(this, stateMachines[0]);

    const data = (this.data = new Data(this, 'Data', { deletionProtection }));
    const identity = new Identity(this, 'Identity', { agencyCodes, deletionProtection });
    const email = new Email(this, 'Email', { senderEmail });

    this.functions = new Functions(this, 'Functions', {
      specs: functions,
      table: data.table,
      email,
      stateMachineArn: mainStateMachineArn,
      executionsArn: executionsArn(this, stateMachines[0]),
      deletionProtection,
    });
    const functionByName = (name: string) => this.functions.get(name);
    // the email queue and its sender, SES's events back to each letter
    this.emailDelivery = new EmailDelivery(this, 'EmailDelivery', { queue: queues[0]!, specs: functions, functionByName, email, key: data.key, deletionProtection });

    this.workflows = stateMachines.map(
      (spec) => new Workflow(this, `Workflow-${spec.name}`, { spec, functionByName, deletionProtection }),
    );

    const api = (this.api = new Api(this, 'Api', {
      routes,
      functionByName,
      userPool: identity.userPool,
      client: identity.client,
      deletionProtection,
    }));

    // Scheduled jobs (a DLQ each) and the alarms, published to one SNS topic (output AlarmTopicArn).
    this.jobs = new Jobs(this, 'Jobs', { functionByName });
    const alarmEmail: unknown = this.node.tryGetContext('alarmEmail');
    this.alarms = new Alarms(this, 'Alarms', {
      functions: this.functions.byName,
      stateMachines: this.workflows.map((w) => w.stateMachine),
      httpApi: api.httpApi,
      deadLetterQueues: [this.jobs.deadLetterQueue],
      alarmEmail: typeof alarmEmail === 'string' && alarmEmail.trim() ? alarmEmail.trim() : undefined,
      deletionProtection,
    });
    this.emailDelivery.addAlarms(this.alarms.topic);

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflows[0].stateMachine.stateMachineArn });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}
