import { CfnOutput, Fn, Lazy, Stack, Token, type StackProps } from 'aws-cdk-lib';
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
import { Outbox } from './constructs/outbox';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NationalPortalConfig } from '../functions/core/dvcqg';
import { Workflow, executionsArn, stateMachineArn } from './constructs/workflow';
import { functions, queues, routes, stateMachines } from './registry';
import { centreOf, type CentreConfig } from './centre';
import { Catalogue } from './constructs/catalogue';
import { Web } from './constructs/web';
import { webConfigFor } from './web-config';
import { functionsProfile } from '../functions/core/centre';

/** The documents bucket's CORS origin on a trial (no domain): any CloudFront name (see below). */
export const TRIAL_CORS_ORIGIN = 'https://*.cloudfront.net';

export interface MotcuaStackProps extends StackProps {
  /** The centre (default: from the context, `-c centre=config/<folder>`, `-c environment=dev`). */
  centre?: CentreConfig;
  /** The CloudFront WAF web ACL (the edge stack's `webAclArn`, `-c edgeWaf=true`); else `-c webAclId=`. */
  webAclId?: string;
  /** The certificate of centre.json's `domain` (the edge stack's, us-east-1): required when the centre has a domain. */
  pagesCertificateArn?: string;
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

    // One origin for the pages: the sign-in's URLs, the documents' CORS, the letters' links
    // (portalUrl) and /config.json all follow it — the centre's domain, or, for a trial, the
    // distribution's own name (known once the distribution exists below: a lazy value).
    if (profile.domain && !props.pagesCertificateArn) {
      throw new Error(`centre.json: domain: ${profile.domain} needs its certificate in us-east-1: infra/app.ts makes it in the edge stack (pagesCertificateArn)`);
    }
    const origin = profile.domain ? `https://${profile.domain}` : Lazy.string({ produce: () => this.web.origin });
    const { webOrigins: _legacy, ...rest } = profile;
    const running = { ...rest, portalUrl: origin };

    const data = (this.data = new Data(this, 'Data', { deletionProtection }));
    const identity = (this.identity = new Identity(this, 'Identity', {
      domainPrefix: profile.signInDomainPrefix ?? `motcua-${profile.code}`,
      webOrigin: origin,
      dev: centre.dev,
    }));
    const email = new Email(this, 'Email', { sender: profile.sender });
    this.catalogue = new Catalogue(this, 'Catalogue', { centre, table: data.table, userPool: identity.userPool });
    // The bucket's CORS on a trial cannot name the distribution (the pages' CSP names the bucket,
    // and the distribution takes the CSP: a cycle), so it allows CloudFront's names; with a
    // domain it is exact. A presigned request is what authorizes an upload or a download: CORS
    // only decides which pages may read the answer.
    this.documents = new Documents(this, 'Documents', { key: data.key, webOrigins: [profile.domain ? origin : TRIAL_CORS_ORIGIN], deletionProtection });

    // CloudFront's word to the API's functions: the stack's own id (known to this account only),
    // as the origin header's value; a call straight to execute-api lacks it and is refused.
    const originSecret = Fn.select(2, Fn.split('/', this.stackId));
    this.functions = new Functions(this, 'Functions', {
      behindCloudFront: { functions: new Set(routes.map((r) => r.function)), originSecret },
      specs: functions,
      table: data.table,
      email,
      stateMachineArn: mainStateMachineArn,
      executionsArn: executionsArn(this, stateMachines[0]),
      deletionProtection,
      centreProfile: JSON.stringify(functionsProfile(running)),
      userPool: identity.userPool,
      documents: this.documents,
      nationalPortal: nationalPortalOf(centre.dir),
    });
    const functionByName = (name: string) => this.functions.get(name);
    // the email queue and its sender, SES's events back to each letter
    this.emailDelivery = new EmailDelivery(this, 'EmailDelivery', { queue: queues[0]!, specs: functions, functionByName, email, key: data.key, deletionProtection });

    this.workflows = stateMachines.map(
      (spec) => new Workflow(this, `Workflow-${spec.name}`, { spec, functionByName, deletionProtection }),
    );

    // The API's authorizer knows the pool and the officers' two clients; agencies' systems' clients
    // are data (CLIENT#<clientId> items, npm run agency-client), so no agency is named here.
    const authorizerFn = this.functions.get('authorizer');
    authorizerFn.addEnvironment('AUTH_ISSUER', identity.issuer);
    authorizerFn.addEnvironment('AUTH_USER_CLIENTS', Fn.join(',', identity.userClients.map((c) => c.userPoolClientId)));
    const api = (this.api = new Api(this, 'Api', {
      routes,
      functionByName,
      authorizer: authorizerFn,
      deletionProtection,
    }));

    // The pages and the API behind one CloudFront distribution (output WebUrl).
    const authDomain: unknown = this.node.tryGetContext('authDomain');
    const webAclId: unknown = this.node.tryGetContext('webAclId');
    const config = webConfigFor(this, centre, identity.client.userPoolClientId, typeof authDomain === 'string' ? authDomain : undefined, origin);
    this.web = new Web(this, 'Web', {
      httpApi: api.httpApi,
      config,
      authDomain: config.auth.kind === 'cognito' ? config.auth.domain : undefined,
      // the browser uploads to and downloads from the documents bucket with presigned requests
      connectOrigins: [`https://${this.documents.bucket.bucketRegionalDomainName}`],
      webAclId: props.webAclId ?? (typeof webAclId === 'string' ? webAclId : undefined),
      deletionProtection,
      originSecret,
      domain: profile.domain ? { name: profile.domain, certificateArn: props.pagesCertificateArn!, hostedZoneId: profile.domainHostedZoneId } : undefined,
    });

    // Scheduled jobs (a DLQ each) and the alarms, published to one SNS topic (output AlarmTopicArn).
    this.jobs = new Jobs(this, 'Jobs', { functionByName });
    // the outbox: the table's stream → sync-outbox → the national portal (docs/outbox.md)
    const outbox = new Outbox(this, 'Outbox', { table: data.table, fn: functionByName('sync-outbox') });
    this.alarms = new Alarms(this, 'Alarms', {
      functions: this.functions.byName,
      stateMachines: this.workflows.map((w) => w.stateMachine),
      httpApi: api.httpApi,
      deadLetterQueues: [this.jobs.deadLetterQueue, outbox.deadLetterQueue],
      alarmEmail: profile.alarmEmail,
      deletionProtection,
    });
    this.emailDelivery.addAlarms(this.alarms.topic);

    new CfnOutput(this, 'ApiUrl', { value: `${this.web.origin}/api`, description: "The API, through the distribution (API Gateway's own URL refuses every call)" });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId, description: "The officers' web app (authorization code + PKCE)" });
    new CfnOutput(this, 'TerminalClientId', { value: identity.terminalClient.userPoolClientId, description: 'npm run token' });
    new CfnOutput(this, 'SignInUrl', { value: identity.baseUrl, description: 'Managed login and the OAuth token endpoint (/oauth2/token)' });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflows[0].stateMachine.stateMachineArn });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'DocumentsBucket', { value: this.documents.bucket.bucketName });
  }
}

/** config/<centre>/national-portal.json, validated, as the sync's NATIONAL_PORTAL; absent: the centre is not connected (events are recorded, not sent). */
function nationalPortalOf(dir: string): string | undefined {
  const file = join(dir, 'national-portal.json');
  if (!existsSync(file)) return undefined;
  const parsed = NationalPortalConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n'));
  return JSON.stringify(parsed.data);
}
