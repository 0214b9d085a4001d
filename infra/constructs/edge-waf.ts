import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation } from 'aws-cdk-lib/aws-certificatemanager';
import { HostedZone } from 'aws-cdk-lib/aws-route53';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * Per-client limits where the citizen's routes are served: a WAF WebACL for the CloudFront
 * distribution that fronts the pages and the API (`/api/*`). HTTP APIs take no WAF, so it sits
 * on CloudFront, whose WebACLs live in us-east-1 (see EdgeStack). The figures match the local
 * gateway's token bucket (infra/local/rate-limit.ts) and docs/security.md's arithmetic.
 */
export const EDGE_LIMITS = {
  /** Requests per client IP per 5 minutes on /api/public/* (any route of the citizen's). */
  publicPer5Min: 100,
  /** Of which "I lost my PIN" (/api/public/…/pin-reminder). */
  reminderPer5Min: 10,
  windowSeconds: 300,
} as const;

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const TOO_MANY = 'too-many-requests';

/** Block with the same 429 problem+json as the handlers', and when to come back. */
const tooMany: CfnWebACL.RuleActionProperty = {
  block: {
    customResponse: {
      responseCode: 429,
      customResponseBodyKey: TOO_MANY,
      responseHeaders: [{ name: 'retry-after', value: String(EDGE_LIMITS.windowSeconds) }],
    },
  },
};

const pathStarts = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: prefix,
    textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
  },
});

const pathEnds = (suffix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'ENDS_WITH',
    searchString: suffix,
    textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
  },
});

const managed = (name: string, priority: number, overrides: string[] = []): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ...(overrides.length ? { ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
    },
  },
  visibilityConfig: visibility(name),
});

export class EdgeWaf extends Construct {
  readonly webAcl: CfnWebACL;
  /** For the distribution's `webAclId` (CloudFront takes the WebACL's ARN there). */
  readonly webAclArn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: 'motcua-edge',
      description: 'motcua: per-client limits on the citizen routes, AWS managed rules',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('motcua-edge'),
      customResponseBodies: {
        [TOO_MANY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'Too many requests from this address: try again later' }),
        },
      },
      rules: [
        {
          name: 'PinReminderPerClient',
          priority: 0,
          action: tooMany,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: EDGE_LIMITS.reminderPer5Min,
              evaluationWindowSec: EDGE_LIMITS.windowSeconds,
              scopeDownStatement: { andStatement: { statements: [pathStarts('/api/public/'), pathEnds('/pin-reminder')] } },
            },
          },
          visibilityConfig: visibility('PinReminderPerClient'),
        },
        {
          name: 'CitizenRoutesPerClient',
          priority: 1,
          action: tooMany,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: EDGE_LIMITS.publicPer5Min,
              evaluationWindowSec: EDGE_LIMITS.windowSeconds,
              scopeDownStatement: pathStarts('/api/public/'),
            },
          },
          visibilityConfig: visibility('CitizenRoutesPerClient'),
        },
        managed('AWSManagedRulesAmazonIpReputationList', 2),
        // the API takes bodies up to 256 KB (supplements): the common set's 8 KB body rule only counts
        managed('AWSManagedRulesCommonRuleSet', 3, ['SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 4),
      ],
    });
    this.webAclArn = this.webAcl.attrArn;
  }
}

/**
 * The edge's own small stack, in us-east-1 (where CloudFront's WebACLs must be). The main stack
 * takes `edge.webAclArn` for its distribution through a cross-region reference
 * (`crossRegionReferences: true` on both), wired where the distribution is built.
 */
export interface EdgeStackProps extends StackProps {
  /** The WAF for the distribution (`-c edgeWaf=true`). */
  waf?: boolean;
  /** The pages' own domain (centre.json `domain`): its certificate, which CloudFront takes from us-east-1 only. */
  domain?: string;
  /** The domain's Route 53 zone, if in this account: the certificate is validated there by itself. */
  hostedZoneId?: string;
}

/**
 * What CloudFront takes from us-east-1 only: the WAF web ACL (`-c edgeWaf=true`) and the
 * certificate of the pages' domain (centre.json `domain`). The main stack reads them through
 * cross-region references. Without a hosted zone, the certificate waits for its DNS validation
 * record: `aws acm describe-certificate --region us-east-1 --certificate-arn <PagesCertificateArn>`
 * lists it (docs/deploy.md).
 */
export class EdgeStack extends Stack {
  readonly waf?: EdgeWaf;
  readonly webAclArn?: string;
  readonly certificate?: Certificate;
  readonly certificateArn?: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps = { waf: true }) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' }, crossRegionReferences: true });
    if (props.waf) {
      this.waf = new EdgeWaf(this, 'Waf');
      this.webAclArn = this.waf.webAclArn;
      new CfnOutput(this, 'WebAclArn', { value: this.webAclArn, description: "WebACL for the CloudFront distribution's webAclId" });
    }
    if (props.domain) {
      const zone = props.hostedZoneId ? HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: props.hostedZoneId, zoneName: props.domain }) : undefined;
      this.certificate = new Certificate(this, 'PagesCertificate', {
        domainName: props.domain,
        validation: CertificateValidation.fromDns(zone),
      });
      this.certificateArn = this.certificate.certificateArn;
      new CfnOutput(this, 'PagesCertificateArn', {
        value: this.certificateArn,
        description: `The certificate of ${props.domain}; its DNS validation record: aws acm describe-certificate --region us-east-1 --certificate-arn <this>`,
      });
    }
  }
}
