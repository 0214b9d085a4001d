import { type CfnElement, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { AnyPrincipal, Effect, type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { DocumentAccess } from '../registry';
import { CLEAN, SCAN_TAG, prefixes } from '../../functions/core/documents';

export interface DocumentsProps {
  /** The stack's customer-managed key (infra/constructs/data.ts). */
  key: IKey;
  /** Origins of the web pages (the centre profile's webOrigins): CORS for presigned POST/GET. */
  webOrigins: string[];
  deletionProtection: boolean;
  /** Days a replaced or deleted version is kept before it expires. */
  noncurrentDays?: number;
}

const GUARDDUTY = 'malware-protection-plan.guardduty.amazonaws.com';

/**
 * The documents bucket: under the stack's CMK, public access blocked, TLS only, versioned.
 * Lifecycle: drafts/ and uploads/ (not yet registered) expire after a day, replaced versions
 * after `noncurrentDays`, incomplete multipart uploads after a day. GuardDuty Malware Protection
 * scans every object under dossiers/ and tags it; the bucket policy refuses GetObject on an
 * object not tagged clean to everyone but the scanner, so no presigned GET can serve it.
 */
export class Documents extends Construct {
  readonly bucket: Bucket;
  readonly scanRole: Role;
  readonly malwareProtection: CfnMalwareProtectionPlan;
  private readonly key: IKey;

  constructor(scope: Construct, id: string, props: DocumentsProps) {
    super(scope, id);
    this.key = props.key;
    const noncurrent = Duration.days(props.noncurrentDays ?? 30);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      lifecycleRules: [
        { id: 'drafts-expire', prefix: prefixes.drafts, expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        { id: 'uploads-expire', prefix: prefixes.uploads, expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        { id: 'noncurrent-versions-expire', noncurrentVersionExpiration: noncurrent },
        { id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [
        {
          allowedOrigins: props.webOrigins,
          allowedMethods: [HttpMethods.GET, HttpMethods.POST],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 600,
        },
      ],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Every access is signed by one of the functions (their logs name the dossier and document ids); server access logs would add a second, unencrypted-by-CMK bucket holding object keys.',
    });

    this.scanRole = new Role(this, 'MalwareScanRole', {
      assumedBy: new ServicePrincipal(GUARDDUTY),
      description: 'GuardDuty Malware Protection for S3: scan and tag the documents bucket',
    });
    this.grantScanner(this.scanRole);
    this.malwareProtection = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: this.scanRole.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [prefixes.dossiers] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    this.malwareProtection.node.addDependency(this.scanRole);

    // No object under dossiers/ is read before GuardDuty tagged it clean — except by GuardDuty itself.
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'DenyReadsNotScannedClean',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects(`${prefixes.dossiers}*`)],
        conditions: {
          StringNotEquals: { [`s3:ExistingObjectTag/${SCAN_TAG}`]: CLEAN },
          ArnNotEquals: { 'aws:PrincipalArn': this.scanRole.roleArn },
        },
      }),
    );
  }

  /** Grant a function's role exactly its registry access (see DocumentAccess in infra/registry.ts). */
  grant(role: IRole, access: DocumentAccess[]): void {
    const b = this.bucket;
    const allow = (actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
      role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions, resources, conditions }));
    const pending = [b.arnForObjects(`${prefixes.uploads}*`), b.arnForObjects(`${prefixes.drafts}*`)];
    const dossiers = [b.arnForObjects(`${prefixes.dossiers}*`)];
    const kms: string[] = [];
    for (const a of access) {
      if (a === 'sign-upload') {
        allow(['s3:PutObject'], pending);
        kms.push('kms:GenerateDataKey');
      } else if (a === 'verify') {
        allow(['s3:GetObject'], pending);
        allow(['s3:PutObject'], dossiers);
        kms.push('kms:Decrypt', 'kms:GenerateDataKey');
      } else if (a === 'read') {
        allow(['s3:GetObject', 's3:GetObjectTagging'], dossiers);
        kms.push('kms:Decrypt');
      } else if (a === 'delete') {
        allow(['s3:ListBucket', 's3:ListBucketVersions'], [b.bucketArn], { StringLike: { 's3:prefix': [`${prefixes.dossiers}*`] } });
        allow(['s3:DeleteObject', 's3:DeleteObjectVersion'], dossiers);
      }
    }
    if (kms.length) allow([...new Set(kms)].sort(), [this.key.keyArn]);
    this.acknowledge(role, access);
  }

  private grantScanner(role: Role): void {
    const stack = Stack.of(this);
    const b = this.bucket;
    const rule = `arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`;
    const statements = [
      new PolicyStatement({ actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'], resources: [rule], conditions: { StringLike: { 'events:ManagedBy': GUARDDUTY } } }),
      new PolicyStatement({ actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [rule] }),
      new PolicyStatement({ actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'], resources: [b.bucketArn] }),
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [b.arnForObjects('malware-protection-resource-validation-object')] }),
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: [b.arnForObjects('*')],
      }),
      new PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [this.key.keyArn], conditions: { StringLike: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } } }),
    ];
    for (const s of statements) role.addToPrincipalPolicy(s);
    Validations.of(role).acknowledge(
      // the rule's ARN as cdk-nag prints it: with the stack's own region and account, or their tokens
      // (an unresolved account or region is a token, which an acknowledgement's id cannot hold: a
      // synth with no AWS configuration names the tokens as cdk-nag prints them)
      ...[
        `${Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region}:${Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account}`,
        '<AWS::Region>:<AWS::AccountId>',
      ]
        .filter((where, i, all) => all.indexOf(where) === i)
        .map((where) => ({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:${where}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]`,
        reason: 'The EventBridge rule GuardDuty manages for the plan: its documented name prefix.',
      })),
      { id: `AwsSolutions-IAM5[Resource::<${this.bucketId()}.Arn>/*]`, reason: 'GuardDuty scans and tags any object of the bucket it protects.' },
    );
  }

  private bucketId(): string {
    return Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement);
  }

  private acknowledge(role: IRole, access: DocumentAccess[]): void {
    const id = this.bucketId();
    const v = Validations.of(role);
    const prefixesUsed = new Set<string>();
    if (access.includes('sign-upload') || access.includes('verify')) prefixesUsed.add(prefixes.uploads).add(prefixes.drafts);
    if (access.some((a) => a !== 'sign-upload')) prefixesUsed.add(prefixes.dossiers);
    for (const p of prefixesUsed) {
      v.acknowledge({ id: `AwsSolutions-IAM5[Resource::<${id}.Arn>/${p}*]`, reason: `Objects under ${p} only: one object per document, named by a random id.` });
    }
  }
}
