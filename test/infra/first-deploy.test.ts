import { templateText } from '../support/template-text';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCentre } from '../../infra/centre';
import { allScopes, functions, resourceServer, routes } from '../../infra/registry';
import { MotcuaStack } from '../../infra/stack';

/**
 * Issue 9, a first deploy that works: the centre's folder as the stack's data (a custom resource
 * loads it), sign-in for officers and agencies' systems, email from the centre's own domain,
 * alarms that arrive, the region of the profile, retention. Synthesized without bundling.
 */
type Json = Record<string, any>;
const ACCOUNT = '123456789012';
const DEMO = 'test/fixtures/centre-demo';

function synth(context: Record<string, unknown>, region: string) {
  const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'motcua-cdk-')), context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new MotcuaStack(app, 'Motcua', { env: { account: ACCOUNT, region } });
  const template = Template.fromJSON(app.synth().getStackByName('Motcua').template);
  const resources = template.toJSON().Resources as Record<string, Json>;
  const id = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as CfnElement);
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  return { stack, template, resources, id, ofType };
}

describe('a first deploy of a centre (the made-up demo province, as an operator would ship it)', () => {
  let s: ReturnType<typeof synth>;
  const centre = readCentre(DEMO, undefined);
  const profile = centre.catalogue.profile;
  beforeAll(() => {
    s = synth({ centre: DEMO }, profile.region);
  });

  describe('the catalogue', () => {
    it('is a custom resource of the Provider framework with the folder hash, and no agency client', () => {
      const [[, cr], ...more] = s.ofType('Custom::Catalogue');
      expect(more).toEqual([]);
      expect(cr.DeletionPolicy).toBe('Retain');
      expect(cr.Properties.Centre).toBe('demo');
      expect(cr.Properties.CatalogueHash).toBe(centre.hash);
      expect(cr.Properties.AgencyClients).toBeUndefined();
      expect(JSON.stringify(cr.Properties.ServiceToken)).toContain('CatalogueProviderframeworkonEvent');
      // the folder as an S3 asset the request names (a rollback names the earlier one)
      expect(cr.Properties.Folder).toEqual({ Bucket: `cdk-hnb659fds-assets-${ACCOUNT}-${profile.region}`, Key: expect.stringMatching(/^[0-9a-f]{64}\.json$/) });
      const loaderPolicy = JSON.stringify(s.ofType('AWS::IAM::Policy').filter(([id]) => id.startsWith('CatalogueLoaderRoleDefaultPolicy')));
      expect(loaderPolicy).toContain(`"Action":"s3:GetObject","Effect":"Allow"`);
      expect(loaderPolicy).toContain(`:s3:::cdk-hnb659fds-assets-${ACCOUNT}-${profile.region}/*.json"`);
    });

    it('has a hash that changes with any file of the folder', () => {
      const hanoi = readCentre('config/hanoi', 'dev');
      expect(hanoi.hash).not.toBe(centre.hash);
      expect(readCentre(DEMO, undefined).hash).toBe(centre.hash);
    });

    it("runs a loader on Node 24 with the table, the user pool and the profile, allowed CreateGroup on that pool only", () => {
      const loader = s.resources[s.id(s.stack.catalogue.loader)];
      expect(loader.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 300 });
      const env = loader.Properties.Environment.Variables;
      expect(env.TABLE_NAME).toEqual({ Ref: s.id(s.stack.data.table) });
      expect(env.USER_POOL_ID).toEqual({ Ref: s.id(s.stack.identity.userPool) });
      expect(JSON.parse(env.CENTRE_PROFILE)).toEqual(profile);
      const roleId = loader.Properties.Role['Fn::GetAtt'][0];
      const statements = s.ofType('AWS::IAM::Policy')
        .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === roleId))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
      const cognito = statements.filter((st) => JSON.stringify(st.Action).includes('cognito-idp'));
      expect(cognito).toEqual([{ Effect: 'Allow', Action: 'cognito-idp:CreateGroup', Resource: { 'Fn::GetAtt': [s.id(s.stack.identity.userPool), 'Arn'] } }]);
    });

    it("gives every function the centre's profile", () => {
      for (const f of functions) {
        const env = s.resources[s.id(s.stack.functions.get(f.name))].Properties.Environment.Variables;
        expect(JSON.parse(templateText(env.CENTRE_PROFILE)).code, f.name).toBe('demo');
      }
    });
  });

  describe('sign-in', () => {
    it('has a user pool domain with managed login, and its branding', () => {
      s.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'motcua-demo', ManagedLoginVersion: 2 });
      s.template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    });

    it("has the web app's client: authorization code (PKCE, no secret), no implicit flow, URLs on the pages' origin (a trial: the distribution's)", () => {
      const web = s.resources[s.id(s.stack.identity.client)].Properties;
      expect(web.AllowedOAuthFlows).toEqual(['code']);
      expect(web.AllowedOAuthFlowsUserPoolClient).toBe(true);
      expect(web.GenerateSecret).toBe(false);
      const distribution = s.id(s.stack.web.distribution);
      const on = (path: string) => ({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, path]] });
      expect(web.CallbackURLs).toEqual([on('/auth/callback')]);
      expect(web.LogoutURLs).toEqual([on('/sign-in')]);
      expect(web.AllowedOAuthScopes).toEqual(['openid', 'email', 'profile']);
    });

    it('has a terminal client for npm run token (password over TLS, no OAuth)', () => {
      const terminal = s.resources[s.id(s.stack.identity.terminalClient)].Properties;
      expect(terminal.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
      expect(terminal.AllowedOAuthFlows).toBeUndefined();
    });

    it("has the resource server with the registry's scopes, and every route's scopes are among them", () => {
      s.template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
        Identifier: 'motcua',
        Scopes: resourceServer.scopes.map((x) => ({ ScopeName: x.name, ScopeDescription: x.description })),
      });
      for (const r of routes) for (const scope of r.scopes ?? []) expect(allScopes).toContain(scope);
      expect(routes.find((r) => r.path === '/agencies/{agencyCode}/tasks')!.scopes).toEqual(['motcua/tasks.read']);
      expect(routes.find((r) => r.path.endsWith('/decision'))!.scopes).toEqual(['motcua/steps.decide']);
      // a route with scopes is one the agency's officers may call
      for (const r of routes.filter((x) => x.scopes)) expect(r.roles, r.path).toContain('agency');
    });

    it('has no client per agency: agencies are data (npm run agency-client makes their systems\' clients at run time)', () => {
      const clients = s.ofType('AWS::Cognito::UserPoolClient').map(([, c]) => c.Properties.ClientName);
      expect(clients.sort()).toEqual(['motcua-terminal', 'motcua-web']);
      const outputs = Object.keys(s.template.toJSON().Outputs);
      expect(outputs.filter((o) => o.startsWith('AgencyClient'))).toEqual([]);
    });

    it("has the API's authorizer accept the officers' two clients by id, and no other", () => {
      const [[, auth]] = s.ofType('AWS::ApiGatewayV2::Authorizer');
      expect(auth.Properties.AuthorizerType).toBe('REQUEST');
      const fn = s.resources[s.id(s.stack.functions.get('authorizer'))].Properties;
      expect(fn.Environment.Variables.AUTH_USER_CLIENTS).toEqual({ 'Fn::Join': [',', [s.stack.identity.client, s.stack.identity.terminalClient].map((c) => ({ Ref: s.id(c) }))] });
    });
  });

  describe('email', () => {
    it("has the sender's domain with Easy DKIM (2048 bits) and the MAIL FROM domain", () => {
      s.template.hasResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: profile.sender.domain,
        DkimAttributes: { SigningEnabled: true },
        DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
        MailFromAttributes: { MailFromDomain: `mail.${profile.sender.domain}`, BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
      });
    });

    it('has the configuration set with reputation metrics and the suppression list', () => {
      s.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
        ReputationOptions: { ReputationMetricsEnabled: true },
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      });
    });

    it('has the DNS records as outputs (no hosted zone in the account)', () => {
      const outputs = s.template.toJSON().Outputs as Json;
      for (const n of [1, 2, 3]) expect(JSON.stringify(outputs[`DnsRecord${n}`].Value)).toContain('CNAME');
      expect(JSON.stringify(outputs.DnsRecord4.Value)).toContain(`mail.${profile.sender.domain} MX 10 feedback-smtp.${profile.region}.amazonses.com`);
      expect(outputs.DnsRecord5.Value).toContain('v=spf1 include:amazonses.com');
    });

    it('refuses an example sender unless -c environment=dev', () => {
      expect(() => synth({ centre: 'config/hanoi' }, 'ap-southeast-1')).toThrow(/sender\.domain.*example domain.*-c environment=dev/);
      expect(() => synth({ centre: 'config/hanoi', environment: 'dev' }, 'ap-southeast-1')).not.toThrow();
      expect(() => synth({ centre: 'config/hanoi', environment: 'staging' }, 'ap-southeast-1')).toThrow(/environment=staging/);
    }, 120_000);
  });

  describe('region and retention', () => {
    it("deploys only to the profile's region", () => {
      expect(() => synth({ centre: DEMO }, 'us-east-1')).toThrow(/centre\.json: region: the centre's data belongs in ap-southeast-2, the stack was asked for us-east-1/);
      const app = new App({ context: { centre: DEMO, 'aws:cdk:bundling-stacks': [] } });
      expect(() => new MotcuaStack(app, 'Motcua')).toThrow(/needs a region/);
    });

    it('retains and deletion-protects the table, its key and the user pool by default', () => {
      s.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
      s.template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
    });

    it('names no log group, so a redeploy after a deleted stack never meets a retained one', () => {
      const named = s.ofType('AWS::Logs::LogGroup').filter(([, r]) => r.Properties.LogGroupName !== undefined);
      expect(named).toEqual([]);
      expect(s.ofType('AWS::Logs::LogGroup').length).toBeGreaterThan(functions.length);
    });
  });

  it('has the outputs an operator needs', () => {
    const outputs = Object.keys(s.template.toJSON().Outputs);
    for (const name of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TerminalClientId', 'SignInUrl', 'AlarmTopicArn', 'DnsRecord1']) {
      expect(outputs).toContain(name);
    }
  });
});

describe('a synth on a fresh clone with no AWS configuration (issue 19, item 7)', () => {
  it('builds the shipped centre with no account (the account and region stay tokens), cdk-nag acknowledgements included', () => {
    const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'motcua-cdk-')), context: { environment: 'dev', 'aws:cdk:bundling-stacks': [] } });
    // as `npx cdk synth` does without CDK_DEFAULT_ACCOUNT: no account at all
    const stack = new MotcuaStack(app, 'Motcua', { env: { region: 'ap-southeast-1' } });
    const template = app.synth().getStackByName('Motcua').template as Json;
    expect(stack.account).toMatch(/^\$\{Token/);
    expect(Object.keys(template.Resources).length).toBeGreaterThan(100);
  });
});
