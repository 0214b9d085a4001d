import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT, VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { MotcuaStack } from '../../infra/stack';
import { REWRITE_SOURCE, STRIP_API_SOURCE } from '../../infra/constructs/web';

type Json = Record<string, any>;

/** The CloudFront Function's source, run as CloudFront would (a `handler(event)`). */
const run = (source: string, uri: string) => (new Function(`${source}; return handler;`)() as (e: Json) => Json)({ request: { uri } }).uri;

describe('the single-page fallbacks and the /api prefix (CloudFront Functions)', () => {
  it('serves each app its index.html for page paths and its files as they are', () => {
    expect(run(REWRITE_SOURCE, '/')).toBe('/officers/index.html');
    expect(run(REWRITE_SOURCE, '/desk/receive')).toBe('/officers/index.html');
    expect(run(REWRITE_SOURCE, '/dossier/TTHCC-261202-0001')).toBe('/officers/index.html');
    expect(run(REWRITE_SOURCE, '/officers/main.js')).toBe('/officers/main.js');
    expect(run(REWRITE_SOURCE, '/c/TTHCC-261202-0001')).toBe('/citizen/index.html');
    expect(run(REWRITE_SOURCE, '/c')).toBe('/citizen/index.html');
    expect(run(REWRITE_SOURCE, '/c/main.js')).toBe('/citizen/main.js');
    expect(run(REWRITE_SOURCE, '/dvc')).toBe('/dvc/index.html');
    expect(run(REWRITE_SOURCE, '/dvc/')).toBe('/dvc/index.html');
    expect(run(REWRITE_SOURCE, '/dvc/my/TTHCC-261202-0001')).toBe('/dvc/index.html');
    expect(run(REWRITE_SOURCE, '/dvc/callback')).toBe('/dvc/index.html');
    expect(run(REWRITE_SOURCE, '/dvc/main.js')).toBe('/dvc/main.js');
    expect(run(REWRITE_SOURCE, '/dvcx')).toBe('/officers/index.html');
    expect(run(REWRITE_SOURCE, '/openapi.json')).toBe('/openapi.json');
    expect(run(REWRITE_SOURCE, '/config.json')).toBe('/config.json');
    expect(run(REWRITE_SOURCE, '/docs')).toBe('/docs/index.html');
    expect(run(REWRITE_SOURCE, '/docs/docs.css')).toBe('/docs/docs.css');
  });
  it('hands /api/x to the HTTP API as /x', () => {
    expect(run(STRIP_API_SOURCE, '/api/dossiers')).toBe('/dossiers');
    expect(run(STRIP_API_SOURCE, '/api/dossiers/TTHCC-261202-0001/steps/s1-stp/decision')).toBe('/dossiers/TTHCC-261202-0001/steps/s1-stp/decision');
    expect(run(STRIP_API_SOURCE, '/api')).toBe('/');
    expect(run(STRIP_API_SOURCE, '/apidocs')).toBe('/apidocs');
  });
});

describe('the web distribution in the template', () => {
  let template: Template;
  let resources: Record<string, Json>;
  let findings: { rule: string; paths: string[] }[];
  beforeAll(() => {
    // The Web construct builds web/dist when it is missing.
    const outdir = mkdtempSync(path.join(tmpdir(), 'motcua-web-'));
    const app = new App({ outdir, context: { environment: 'dev', senderEmail: 'no-reply@motcua.test', webAclId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/motcua/abc', [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false, 'aws:cdk:bundling-stacks': [] } });
    const stack = new MotcuaStack(app, 'Motcua', { env: { account: '123456789012', region: 'ap-southeast-1' } });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const assembly = app.synth();
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources;
    const report = JSON.parse(readFileSync(path.join(assembly.directory, VALIDATION_REPORT_FILE), 'utf8'));
    findings = (report.pluginReports as Json[]).flatMap((p) => p.violations as Json[]).map((v) => ({ rule: v.ruleName, paths: (v.violatingConstructs ?? v.violatingResources ?? []).map((c: Json) => c.constructPath) }));
  }, 180_000);

  it('keeps the bucket private, encrypted and TLS-only, read by CloudFront through origin access control', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: Match.objectLike({}),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }) });
    const policies = Object.values(resources).filter((r) => r.Type === 'AWS::S3::BucketPolicy');
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Json[]);
    expect(statements.some((s) => s.Principal?.Service === 'cloudfront.amazonaws.com' && s.Action === 's3:GetObject')).toBe(true);
    expect(statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(true);
    expect(statements.some((s) => s.Principal === '*' && s.Effect === 'Allow')).toBe(false);
  });

  it('puts the API under /api/* on the same distribution, uncached, with the WAF ACL when given', () => {
    const dist = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;
    expect(dist.WebACLId).toBe('arn:aws:wafv2:us-east-1:123456789012:global/webacl/motcua/abc');
    expect(dist.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const api = dist.CacheBehaviors.find((b: Json) => b.PathPattern === '/api/*');
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']));
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
    expect(api.FunctionAssociations).toHaveLength(1);
    const apiOrigin = dist.Origins.find((o: Json) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('execute-api');
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(dist.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
  });

  it('sends a CSP without inline scripts, HSTS and frame-ancestors none', () => {
    const policy = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy')!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // a string, or a join with the documents bucket's domain (connect-src for presigned uploads)
    const raw = policy.ContentSecurityPolicy.ContentSecurityPolicy as string | { 'Fn::Join': [string, unknown[]] };
    const csp = typeof raw === 'string' ? raw : raw['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : '<bucket>')).join(raw['Fn::Join'][0]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src [^;]*https:\/\/<bucket>/); // the pages upload to the documents bucket
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('connect-src \'self\' https://motcua-hanoi.auth.ap-southeast-1.amazoncognito.com');
    expect(policy.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true });
    expect(policy.FrameOptions.FrameOption).toBe('DENY');
  });

  it('deploys the built pages with /config.json (the centre and the managed-login client), and outputs the URL', () => {
    const deploy = Object.values(resources).find((r) => r.Type === 'Custom::CDKBucketDeployment')!;
    expect(deploy.Properties.SourceObjectKeys).toHaveLength(2);
    expect(JSON.stringify(deploy.Properties.SourceMarkers ?? {})).toContain('UserPoolClient');
    expect(deploy.Properties.DistributionPaths).toEqual(['/*']);
    const outputs = template.toJSON().Outputs as Json;
    expect(JSON.stringify(outputs.WebUrl.Value)).toContain('DomainName');
  });

  it('leaves no unacknowledged cdk-nag finding in the web construct', () => {
    expect(findings.filter((f) => f.paths.some((p) => p.includes('/Web/') || p.includes('BucketDeployment') || p.includes('CDKBucketDeployment')))).toEqual([]);
  });
});
