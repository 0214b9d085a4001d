import { TRIAL_CORS_ORIGIN } from '../../infra/stack';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type CfnElement, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT, VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { MotcuaStack } from '../../infra/stack';
import { functions, type DocumentAccess } from '../../infra/registry';
import { projectRoot } from '../../infra/constructs/paths';

type Json = Record<string, any>;
const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** The documents bucket, its policy, lifecycle, malware plan and every function's S3 rights (synthesised without bundling). */
describe('documents bucket', () => {
  let stack: MotcuaStack;
  let template: Template;
  let resources: Record<string, Json>;
  let dir: string;
  const idOf = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as CfnElement);
  /** The documents construct's one resource of a type (the web pages have a bucket of their own). */
  const one = (type: string) => {
    const found = Object.entries(resources).filter(([id, r]) => r.Type === type && id.startsWith('Documents'));
    expect(found, type).toHaveLength(1);
    return found[0]!;
  };
  /** Every statement of a role's policies. */
  const statementsOf = (roleId: string) =>
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && asArray<Json>(r.Properties.Roles).some((x) => x.Ref === roleId))
      .flatMap((r) => r.Properties.PolicyDocument.Statement as Json[]);
  const s3Grants = (name: string) => {
    const roleId = resources[idOf(stack.functions.get(name))].Properties.Role['Fn::GetAtt'][0];
    return statementsOf(roleId)
      .filter((s) => asArray<string>(s.Action).some((a) => a.startsWith('s3:')))
      .map((s) => ({ actions: asArray<string>(s.Action).sort(), resources: asArray<Json>(s.Resource).map((r) => JSON.stringify(r)) }));
  };
  const kmsOf = (name: string) => {
    const roleId = resources[idOf(stack.functions.get(name))].Properties.Role['Fn::GetAtt'][0];
    return statementsOf(roleId).flatMap((s) => asArray<string>(s.Action)).filter((a) => a.startsWith('kms:'));
  };

  beforeAll(() => {
    const app = new App({
      outdir: mkdtempSync(path.join(tmpdir(), 'motcua-cdk-')),
      context: { environment: 'dev', senderEmail: 'no-reply@motcua.test', [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false, 'aws:cdk:bundling-stacks': [] },
    });
    stack = new MotcuaStack(app, 'Motcua', { env: { account: '123456789012', region: 'ap-southeast-1' } });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const assembly = app.synth();
    dir = assembly.directory;
    template = Template.fromJSON(assembly.getStackByName('Motcua').template);
    resources = template.toJSON().Resources;
  }, 120_000);

  it('is encrypted with the stack’s customer-managed key, versioned, owner-enforced, with every public access blocked', () => {
    const [, bucket] = one('AWS::S3::Bucket');
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [idOf(stack.data.key as never), 'Arn'] } } },
    ]);
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
  });

  it('expires drafts and unregistered uploads after a day, old versions after 30 days, aborts incomplete multipart uploads', () => {
    const [, bucket] = one('AWS::S3::Bucket');
    const rules = bucket.Properties.LifecycleConfiguration.Rules as Json[];
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Id: 'drafts-expire', Prefix: 'drafts/', ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 }, Status: 'Enabled' }),
        expect.objectContaining({ Id: 'uploads-expire', Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' }),
        expect.objectContaining({ Id: 'noncurrent-versions-expire', NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
        expect.objectContaining({ Id: 'abort-incomplete-multipart', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
      ]),
    );
    expect(rules.find((r) => r.Id === 'noncurrent-versions-expire')!.Prefix).toBeUndefined(); // the whole bucket
  });

  it('allows the pages only (a trial: CloudFront names; with a domain, exactly it: test/infra/pages-origin.test.ts), for presigned POST and GET', () => {
    const [, bucket] = one('AWS::S3::Bucket');
    expect(bucket.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedOrigins: [TRIAL_CORS_ORIGIN], AllowedMethods: ['GET', 'POST'] }),
    ]);
  });

  it('refuses plain HTTP, and any read of a file under dossiers/ not tagged clean by GuardDuty (except by GuardDuty)', () => {
    const [, policy] = one('AWS::S3::BucketPolicy');
    const statements = policy.Properties.PolicyDocument.Statement as Json[];
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Principal: { AWS: '*' } }),
    );
    const scanRoleId = idOf(stack.documents.scanRole as never);
    const deny = statements.find((s) => s.Sid === 'DenyReadsNotScannedClean')!;
    expect(deny).toMatchObject({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Condition: {
        StringNotEquals: { 's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'NO_THREATS_FOUND' },
        ArnNotEquals: { 'aws:PrincipalArn': { 'Fn::GetAtt': [scanRoleId, 'Arn'] } },
      },
    });
    expect(JSON.stringify(deny.Resource)).toContain('/dossiers/*');
    expect(statements.filter((s) => s.Effect === 'Allow')).toEqual([]);
  });

  it('has GuardDuty Malware Protection on dossiers/, tagging on, with its own role', () => {
    const [, plan] = one('AWS::GuardDuty::MalwareProtectionPlan');
    const bucketId = idOf(stack.documents.bucket);
    const scanRoleId = idOf(stack.documents.scanRole as never);
    expect(plan.Properties).toEqual({
      Role: { 'Fn::GetAtt': [scanRoleId, 'Arn'] },
      ProtectedResource: { S3Bucket: { BucketName: { Ref: bucketId }, ObjectPrefixes: ['dossiers/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    expect(resources[scanRoleId].Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'malware-protection-plan.guardduty.amazonaws.com' });
    const actions = statementsOf(scanRoleId).flatMap((s) => asArray<string>(s.Action));
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObjectTagging', 's3:PutBucketNotification', 'events:PutRule', 'kms:Decrypt']));
    expect(actions.filter((a) => /Delete(Object|Bucket)/.test(a))).toEqual([]);
  });

  const EXPECTED: Record<DocumentAccess, { actions: string[]; prefixes: string[] }[]> = {
    'sign-upload': [{ actions: ['s3:PutObject'], prefixes: ['uploads/*', 'drafts/*'] }],
    verify: [{ actions: ['s3:GetObject'], prefixes: ['uploads/*', 'drafts/*'] }, { actions: ['s3:PutObject'], prefixes: ['dossiers/*'] }],
    read: [{ actions: ['s3:GetObject', 's3:GetObjectTagging'], prefixes: ['dossiers/*'] }],
    delete: [{ actions: ['s3:ListBucket', 's3:ListBucketVersions'], prefixes: [] }, { actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'], prefixes: ['dossiers/*'] }],
  };

  it.each(functions.map((f) => [f.name, f.access.documents ?? []] as const))('%s has exactly its S3 rights %j', (name, access) => {
    const grants = s3Grants(name);
    const expected = access.flatMap((a) => EXPECTED[a]);
    expect(grants.map((g) => g.actions)).toEqual(expected.map((e) => e.actions));
    grants.forEach((g, i) => {
      const want = expected[i]!.prefixes;
      if (want.length === 0) expect(g.resources).toEqual([JSON.stringify({ 'Fn::GetAtt': [idOf(stack.documents.bucket), 'Arn'] })]);
      else expect(g.resources.map((r) => /\/([a-z]+\/\*)"/.exec(r)?.[1])).toEqual(want);
    });
    const all = grants.flatMap((g) => g.actions);
    // a function that only signs downloads (or uploads) can never delete nor list
    if (!access.includes('delete')) expect(all.filter((a) => /Delete|List/.test(a))).toEqual([]);
    if (!access.includes('read') && !access.includes('verify')) expect(all).not.toContain('s3:GetObject');
    if (access.length === 0) expect(resources[idOf(stack.functions.get(name))].Properties.Environment.Variables.DOCUMENTS_BUCKET).toBeUndefined();
    else expect(resources[idOf(stack.functions.get(name))].Properties.Environment.Variables.DOCUMENTS_BUCKET).toEqual({ Ref: idOf(stack.documents.bucket) });
    if (access.includes('read')) expect(kmsOf(name)).toContain('kms:Decrypt');
  });

  it('passes cdk-nag with every finding on it acknowledged', () => {
    const report = JSON.parse(readFileSync(path.join(dir, VALIDATION_REPORT_FILE), 'utf8'));
    const findings = (report.pluginReports as Json[])
      .filter((p) => p.pluginName === 'AwsSolutions')
      .flatMap((p) => p.violations as Json[])
      .map((v) => `${v.ruleName} ${(v.violatingConstructs ?? v.violatingResources ?? []).map((c: Json) => c.constructPath).join(',')}`);
    expect(findings).toEqual([]);
  });

  it('outputs the bucket name', () => {
    template.hasOutput('DocumentsBucket', {});
  });
});
