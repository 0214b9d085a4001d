import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { AaaaRecord, ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { projectRoot } from './paths';
import { ORIGIN_HEADER } from '../../functions/commons/router';

/**
 * CloudFront viewer-request function of the pages' behaviour: the single-page fallbacks. The
 * officers' app is at / (its files under /officers/), the citizen's at /c/ (files under
 * /citizen/ in the bucket), the citizens' portal at /dvc/ (files under /dvc/); a path without a file extension gets its app's index.html; the
 * contract (/openapi.json), its reference (/docs) and /config.json are files of their own.
 */
export const REWRITE_SOURCE = `function handler(event) {
  var r = event.request;
  var u = r.uri;
  var file = /\\.[A-Za-z0-9]+$/.test(u);
  if (u === '/docs' || u === '/docs/') { r.uri = '/docs/index.html'; return r; }
  if (u === '/c' || u.indexOf('/c/') === 0) {
    var rest = u.slice(2);
    r.uri = file ? '/citizen' + rest : '/citizen/index.html';
    return r;
  }
  if (u === '/dvc' || u.indexOf('/dvc/') === 0) {
    if (!file) r.uri = '/dvc/index.html';
    return r;
  }
  if (!file) r.uri = '/officers/index.html';
  return r;
}`;

/** Viewer-request function of /api/*: the HTTP API's $default stage has the routes at its root. */
export const STRIP_API_SOURCE = `function handler(event) {
  var r = event.request;
  r.uri = r.uri.replace(/^\\/api(?=\\/|$)/, '') || '/';
  return r;
}`;

export interface WebProps {
  httpApi: HttpApi;
  /** /config.json (functions/contracts/web-config.ts): the centre, its agencies, the sign-in. */
  config: Record<string, unknown>;
  /** The Cognito managed-login domain (host), which the pages' CSP lets them call for tokens. */
  authDomain?: string;
  /** A CLOUDFRONT-scope WAF web ACL (its ARN), when there is one. */
  webAclId?: string;
  /** Other origins the pages send to (the documents bucket: presigned POST and GET). */
  connectOrigins?: string[];
  deletionProtection: boolean;
  /** Built pages (default web/dist, built here when missing). */
  distDir?: string;
  /** The value CloudFront adds as ORIGIN_HEADER to every API request: the functions answer nothing without it. */
  originSecret?: string;
  /** The pages' own domain, its certificate (us-east-1, the edge stack's), and its Route 53 zone if in this account. */
  domain?: { name: string; certificateArn: string; hostedZoneId?: string };
}

/** The pages' security headers: a CSP without inline scripts, HSTS, no framing. */
export function contentSecurityPolicy(authDomain?: string, origins: string[] = []): string {
  const connect = ["'self'", ...(authDomain ? [`https://${authDomain}`] : []), ...origins].join(' ');
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src ${connect}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'`;
}

/**
 * The web pages on AWS: a private S3 bucket read by CloudFront through origin access control,
 * the HTTP API behind the same distribution under /api/* (one origin for pages and API, one
 * place for a WAF), the security headers, the single-page fallbacks, and the built files (with
 * /config.json) deployed by the stack.
 */
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** The pages' origin: `https://<domain>`, or the distribution's own name (a trial). */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const dist = props.distDir ?? path.join(projectRoot, 'web/dist');
    if (!existsSync(path.join(dist, 'officers', 'index.html'))) {
      execFileSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'web/build.ts')], { cwd: projectRoot, stdio: 'inherit' });
    }

    this.bucket = new Bucket(this, 'Pages', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      // Built pages only: nothing to keep, but CloudFormation deletes a bucket only once it is empty.
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'motcua pages: CSP without inline scripts, HSTS, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.authDomain, props.connectOrigins), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, preload: false, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });
    const rewrite = new CloudFrontFunction(this, 'Rewrite', { code: FunctionCode.fromInline(REWRITE_SOURCE), runtime: FunctionRuntime.JS_2_0, comment: 'Single-page fallbacks' });
    const stripApi = new CloudFrontFunction(this, 'StripApi', { code: FunctionCode.fromInline(STRIP_API_SOURCE), runtime: FunctionRuntime.JS_2_0, comment: '/api/x → /x' });
    const region = Stack.of(this).region;
    // The API through the distribution only: CloudFront names itself to the functions with a
    // header they check (functions/commons/router.ts), and its managed origin request policy
    // forwards the viewer's address (CloudFront-Viewer-Address), which the PIN limits count.
    const apiOrigin = new HttpOrigin(`${props.httpApi.apiId}.execute-api.${region}.${Stack.of(this).urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      ...(props.originSecret ? { customHeaders: { [ORIGIN_HEADER]: props.originSecret } } : {}),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'motcua: officers and citizens pages, API under /api',
      defaultRootObject: 'officers/index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      webAclId: props.webAclId,
      ...(props.domain
        ? { domainNames: [props.domain.name], certificate: Certificate.fromCertificateArn(this, 'PagesCertificate', props.domain.certificateArn) }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [{ function: rewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
          functionAssociations: [{ function: stripApi, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });

    this.origin = props.domain ? `https://${props.domain.name}` : `https://${this.distribution.distributionDomainName}`;

    new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [Source.asset(dist), Source.jsonData('config.json', props.config)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 512,
    });

    Validations.of(this.bucket).acknowledge(
      { id: 'AwsSolutions-S1', reason: 'The bucket holds only the built public pages, redeployed by the stack; CloudFront is the only reader (origin access control).' },
    );
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Officers and citizens of the centre may travel; the centre decides on geo restriction in its WAF (webAclId).' },
      { id: 'AwsSolutions-CFR2', reason: 'The WAF web ACL is passed as webAclId by the stack when the centre has one (the trust issue\'s construct).' },
      { id: 'AwsSolutions-CFR3', reason: 'The API keeps its own access logs (HTTP API stage); page requests carry no personal data.' },
      ...(props.domain ? [] : [{ id: 'AwsSolutions-CFR4', reason: "A trial without the centre's domain: the default CloudFront certificate allows TLSv1 at the edge; with `domain` in centre.json its certificate and TLS_V1_2_2021 apply." }]),
    );
    // BucketDeployment's handler is a stack-level singleton made by aws-cdk-lib: its findings, one by one.
    const stack = Stack.of(this);
    const nagRegion = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement);
    const copy = 'BucketDeployment (aws-cdk-lib) copies the built pages from the CDK assets bucket into this bucket and invalidates the distribution';
    for (const child of stack.node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      Validations.of(child).acknowledge(
        { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: `${copy}; it logs with the basic execution role.` },
        ...['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map((a) => ({ id: `AwsSolutions-IAM5[Action::${a}]`, reason: `${copy}: ${a} on those two buckets only.` })),
        { id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`, reason: `${copy}: every object of the pages' bucket.` },
        { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${nagRegion}/*]`, reason: `${copy}: it reads the asset it was given.` },
        { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${copy}: cloudfront:CreateInvalidation/GetInvalidation support no resource scoping in the handler's policy.` },
        { id: 'AwsSolutions-L1', reason: 'The handler runtime is chosen by aws-cdk-lib.' },
      );
    }

    new CfnOutput(Stack.of(this), 'WebUrl', { value: this.origin, description: 'The pages (officers at /, citizens at /c/) and the API under /api' });
    if (props.domain) {
      if (props.domain.hostedZoneId) {
        const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: props.domain.hostedZoneId, zoneName: props.domain.name });
        const target = RecordTarget.fromAlias(new CloudFrontTarget(this.distribution));
        new ARecord(this, 'PagesAlias', { zone, target });
        new AaaaRecord(this, 'PagesAliasV6', { zone, target });
      }
      new CfnOutput(Stack.of(this), 'PagesDnsRecord', {
        value: `${props.domain.name} CNAME ${this.distribution.distributionDomainName}`,
        description: props.domain.hostedZoneId ? 'Made in the hosted zone (A/AAAA alias records)' : "Create this record at the domain's DNS (or A/AAAA alias records to the distribution)",
      });
    }
  }
}
