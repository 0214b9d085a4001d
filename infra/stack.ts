import { CfnOutput, Stack, Token, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alarms } from './constructs/alarms';
import { Api } from './constructs/api';
import { Data } from './constructs/data';
import { Documents } from './constructs/documents';
import { Email } from './constructs/email';
import { EmailDelivery } from './constructs/email-delivery';
import { Functions } from './constructs/functions';
import { Identity } from './constructs/identity';
import { Jobs } from './constructs/jobs';
import { Workflow, executionsArn, stateMachineArn } from './constructs/workflow';
import { functions, queues, routes, stateMachines } from './registry';
import { centreOf, type CentreConfig } from './centre';
import { Catalogue } from './constructs/catalogue';
import { Web } from './constructs/web';
import { webConfigFor } from './web-config';
import { functionsProfile } from '../functions/core/centre';

export interface MotcuaStackProps extends StackProps {
  /** The centre (default: from the context, `-c centre=config/<folder>`, `-c environment=dev`). */
  centre?: CentreConfig;
  /** The CloudFront WAF web ACL (the edge stack's `webAclArn`, `-c edgeWaf=true`); else `-c webAclId=`. */
  webAclId?: string;
}

/** The whole platform: data, identity, functions, workflows, API, email. Everything comes from infra/registry.ts. */
export class MotcuaStack extends Stack {
  readonly data: Data;
  readonly documents: Documents;
  readonly functions: Functions;
  readonly workflows: Workflow[];
  readonly api: Api;
  readonly jobs: Jobs;
  readonly alarms: Alarms;
  readonly web: Web;
  readonly emailDelivery: EmailDelivery;

  readonly centre: CentreConfig;
  readonly identity: Identity;
  readonly catalogue: Catalogue;

  constructor(scope: Construct, id: string, props: MotcuaStackProps = {}) {
    super(scope, id, props);
    const centre = (this.centre = props.centre ?? centreOf(this));
    const { profile } = centre.catalogue;
    // Citizens' data stays where the centre's profile says: no fallback region.
    if (Token.isUnresolved(this.region)) {
      throw new Error(`The stack needs a region: ${profile.code}'s centre.json says ${profile.region}; infra/app.ts deploys there`);
    }
    if (this.region !== profile.region) {
      throw new Error(`centre.json: region: the centre's data belongs in ${profile.region}, the stack was asked for ${this.region}`);
    }
    // Retained and deletion-protected unless `-c environment=dev`.
    const deletionProtection = !centre.dev;
    if (stateMachines.length === 0) throw new Error('The registry defines no state machine');
    // Functions get STATE_MACHINE_ARN / grants on the first (main) state machine, whose ARN is
    // derived from its fixed name: the workflow needs the functions first, so no cycle arises.
    const mainStateMachineArn = stateMachineArn(this, stateMachines[0]);

    const data = (this.data = new Data(this, 'Data', { deletionProtection }));
    const identity = (this.identity = new Identity(this, 'Identity', {
      domainPrefix: profile.signInDomainPrefix ?? `motcua-${profile.code}`,
      webOrigins: profile.webOrigins,
      agencyCodes: centre.catalogue.agencies.map((a) => a.code),
      dev: centre.dev,
    }));
    const email = new Email(this, 'Email', { sender: profile.sender });
    this.catalogue = new Catalogue(this, 'Catalogue', { centre, table: data.table, userPool: identity.userPool, agencyClients: identity.agencyClients });
    this.documents = new Documents(this, 'Documents', { key: data.key, webOrigins: profile.webOrigins, deletionProtection });

    this.functions = new Functions(this, 'Functions', {
      specs: functions,
      table: data.table,
      email,
      stateMachineArn: mainStateMachineArn,
      executionsArn: executionsArn(this, stateMachines[0]),
      deletionProtection,
      centreProfile: JSON.stringify(functionsProfile(profile)),
      userPool: identity.userPool,
      documents: this.documents,
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
      audience: identity.apiClients,
      deletionProtection,
    }));

    // The pages and the API behind one CloudFront distribution (output WebUrl).
    const authDomain: unknown = this.node.tryGetContext('authDomain');
    const webAclId: unknown = this.node.tryGetContext('webAclId');
    const config = webConfigFor(this, identity.client.userPoolClientId, typeof authDomain === 'string' ? authDomain : undefined);
    this.web = new Web(this, 'Web', {
      httpApi: api.httpApi,
      config,
      authDomain: config.auth.kind === 'cognito' ? config.auth.domain : undefined,
      // the browser uploads to and downloads from the documents bucket with presigned requests
      connectOrigins: [`https://${this.documents.bucket.bucketRegionalDomainName}`],
      webAclId: props.webAclId ?? (typeof webAclId === 'string' ? webAclId : undefined),
      deletionProtection,
    });

    // Scheduled jobs (a DLQ each) and the alarms, published to one SNS topic (output AlarmTopicArn).
    this.jobs = new Jobs(this, 'Jobs', { functionByName });
    this.alarms = new Alarms(this, 'Alarms', {
      functions: this.functions.byName,
      stateMachines: this.workflows.map((w) => w.stateMachine),
      httpApi: api.httpApi,
      deadLetterQueues: [this.jobs.deadLetterQueue],
      alarmEmail: profile.alarmEmail,
      deletionProtection,
    });
    this.emailDelivery.addAlarms(this.alarms.topic);

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId, description: "The officers' web app (authorization code + PKCE)" });
    new CfnOutput(this, 'TerminalClientId', { value: identity.terminalClient.userPoolClientId, description: 'npm run token' });
    new CfnOutput(this, 'SignInUrl', { value: identity.baseUrl, description: 'Managed login and the OAuth token endpoint (/oauth2/token)' });
    for (const [code, client] of identity.agencyClients) {
      new CfnOutput(this, `AgencyClient${code}`, { value: client.userPoolClientId, description: `${code}'s system (client credentials); npm run agency-client -- add ${code} shows its secret's place` });
    }
    new CfnOutput(this, 'StateMachineArn', { value: this.workflows[0].stateMachine.stateMachineArn });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'DocumentsBucket', { value: this.documents.bucket.bucketName });
  }
}
