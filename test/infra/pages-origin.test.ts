import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { signInUrls } from '../../functions/contracts/web-config';
import { EdgeStack } from '../../infra/constructs/edge-waf';
import { functions, routes } from '../../infra/registry';
import { ORIGIN_HEADER } from '../../functions/commons/router';
import { MotcuaStack, TRIAL_CORS_ORIGIN } from '../../infra/stack';
import { templateText } from '../support/template-text';

/**
 * Issue 19, item 4: one origin for the deployed pages. The sign-in's callback and sign-out URLs,
 * the documents bucket's CORS and the letters' links (portalUrl, in every function's
 * CENTRE_PROFILE) all follow the centre's domain — or, for a trial without one, the
 * distribution's own name. Before, the callback was the profile's webOrigins, which the
 * distribution did not answer, and the sign-out was sent to `/sign-in` while only `/` was allowed.
 */
type Json = Record<string, any>;
const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO = path.join(ROOT, 'test/fixtures/centre-demo');
const ENV = { account: '123456789012', region: 'ap-southeast-2' };
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/pages';

const text = templateText;

function synth(centreDir: string, pagesCertificateArn?: string) {
  const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'motcua-cdk-')), context: { centre: centreDir, 'aws:cdk:bundling-stacks': [] } });
  const stack = new MotcuaStack(app, 'Motcua', { env: ENV, pagesCertificateArn });
  const template = Template.fromJSON(app.synth().getStackByName('Motcua').template);
  const resources = template.toJSON().Resources as Record<string, Json>;
  const id = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as CfnElement);
  const client = resources[id(stack.identity.client)]!.Properties;
  const cors = resources[id(stack.documents.bucket)]!.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins.map(text);
  // every function of the platform (the catalogue loader reads the folder's profile, never the pages' address)
  const platform = new Set([...stack.functions.byName.values()].map((f) => id(f)));
  const profiles = Object.entries(resources)
    .filter(([logical]) => platform.has(logical))
    .map(([, r]) => r)
    .map((r) => JSON.parse(text(r.Properties.Environment.Variables.CENTRE_PROFILE)) as { portalUrl: string; webOrigins?: unknown });
  return { stack, template, resources, id, client, cors, profiles };
}

/** The demo folder with a domain of its own. */
function withDomain(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-centre-'));
  cpSync(DEMO, dir, { recursive: true });
  const file = path.join(dir, 'centre.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...extra }, null, 2));
  return dir;
}

describe("the pages' one origin", () => {
  it("a trial: sign-in, sign-out and the letters' links all on the distribution's own name; the bucket's CORS on CloudFront's names", () => {
    const s = synth(DEMO);
    const origin = `https://\${${s.id(s.stack.web.distribution)}.DomainName}`;
    expect(s.client.CallbackURLs.map(text)).toEqual([signInUrls(origin).callback]);
    expect(s.client.LogoutURLs.map(text)).toEqual([signInUrls(origin).signedOut]);
    // the distribution's name cannot be the bucket's CORS origin (CSP → bucket → CORS → distribution: a cycle)
    expect(s.cors).toEqual([TRIAL_CORS_ORIGIN]);
    expect(s.profiles.length).toBeGreaterThan(3);
    for (const p of s.profiles) {
      expect(p.portalUrl).toBe(origin);
      expect(p.webOrigins).toBeUndefined();
    }
    expect(text(s.template.toJSON().Outputs.WebUrl.Value)).toBe(origin);
    // no alias, so no certificate of the centre's
    expect(s.resources[s.id(s.stack.web.distribution)]!.Properties.DistributionConfig.Aliases).toBeUndefined();
  }, 120_000);

  it('a domain: the distribution answers it with the certificate from us-east-1, and everything follows it', () => {
    const s = synth(withDomain({ domain: 'motcua.tinhthunghiem.gov.vn' }), CERT);
    const origin = 'https://motcua.tinhthunghiem.gov.vn';
    const config = s.resources[s.id(s.stack.web.distribution)]!.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['motcua.tinhthunghiem.gov.vn']);
    expect(config.ViewerCertificate).toMatchObject({ AcmCertificateArn: CERT, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
    expect(s.client.CallbackURLs).toEqual([`${origin}/auth/callback`]);
    expect(s.client.LogoutURLs).toEqual([`${origin}/sign-in`]);
    expect(s.cors).toEqual([origin]);
    for (const p of s.profiles) expect(p.portalUrl).toBe(origin);
    const outputs = s.template.toJSON().Outputs as Json;
    expect(outputs.WebUrl.Value).toBe(origin);
    expect(text(outputs.PagesDnsRecord.Value)).toBe(`motcua.tinhthunghiem.gov.vn CNAME \${${s.id(s.stack.web.distribution)}.DomainName}`);
    s.template.resourceCountIs('AWS::Route53::RecordSet', 0);
  }, 120_000);

  it("a domain with its hosted zone: the alias records are made there", () => {
    const s = synth(withDomain({ domain: 'motcua.tinhthunghiem.gov.vn', domainHostedZoneId: 'Z0123456789ABC' }), CERT);
    s.template.resourceCountIs('AWS::Route53::RecordSet', 2);
    s.template.hasResourceProperties('AWS::Route53::RecordSet', { Type: 'A', HostedZoneId: 'Z0123456789ABC' });
  }, 120_000);

  it('refuses a domain without its certificate, and a folder whose old webOrigins disagree with its domain', () => {
    expect(() => synth(withDomain({ domain: 'motcua.tinhthunghiem.gov.vn' }))).toThrow(/domain: motcua\.tinhthunghiem\.gov\.vn needs its certificate in us-east-1/);
    expect(() => synth(withDomain({ domain: 'motcua.tinhthunghiem.gov.vn', portalUrl: 'https://other.tinhthunghiem.gov.vn' }), CERT)).toThrow(/portalUrl/);
  }, 120_000);

  it("the edge stack makes the domain's certificate in us-east-1, validated in its zone when there is one", () => {
    const edge = new EdgeStack(new App(), 'Edge', { env: { account: '123456789012' }, domain: 'motcua.tinhthunghiem.gov.vn', hostedZoneId: 'Z0123456789ABC' });
    const t = Template.fromStack(edge);
    expect(edge.region).toBe('us-east-1');
    t.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'motcua.tinhthunghiem.gov.vn',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'motcua.tinhthunghiem.gov.vn', HostedZoneId: 'Z0123456789ABC' }],
    });
    t.resourceCountIs('AWS::WAFv2::WebACL', 0);
  });

  it("the API answers through the distribution only: CloudFront's origin header is what the API's functions check, and they count the viewer's address", () => {
    const s = synth(DEMO);
    const config = s.resources[s.id(s.stack.web.distribution)]!.Properties.DistributionConfig;
    const api = config.Origins.find((o: Json) => o.CustomOriginConfig);
    const header = api.OriginCustomHeaders.find((h: Json) => h.HeaderName === ORIGIN_HEADER);
    expect(header).toBeDefined();
    const behaviour = config.CacheBehaviors.find((b: Json) => b.PathPattern === '/api/*');
    // AllViewerExceptHostHeader: every viewer header and CloudFront's, CloudFront-Viewer-Address among them
    expect(behaviour.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    const apiFunctions = [...new Set(routes.map((r) => r.function))];
    for (const name of apiFunctions) {
      const env = s.resources[s.id(s.stack.functions.get(name))]!.Properties.Environment.Variables;
      expect(env.ORIGIN_VERIFY, name).toEqual(header.HeaderValue);
      expect(env.CLIENT_IP_HEADER, name).toBe('cloudfront-viewer-address');
    }
    // the task functions are not on the API: nothing to check
    for (const f of functions.filter((x) => !apiFunctions.includes(x.name))) {
      expect(s.resources[s.id(s.stack.functions.get(f.name))]!.Properties.Environment.Variables.ORIGIN_VERIFY, f.name).toBeUndefined();
    }
    expect(text(s.template.toJSON().Outputs.ApiUrl.Value)).toBe(`https://\${${s.id(s.stack.web.distribution)}.DomainName}/api`);
  }, 120_000);
});
