import { ArnFormat, CfnOutput, Stack } from 'aws-cdk-lib';
import { HostedZone } from 'aws-cdk-lib/aws-route53';
import {
  ConfigurationSet,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  Identity,
  MailFromBehaviorOnMxFailure,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailProps {
  /** The centre's sender (centre.json `sender`): an address of its own domain. */
  sender: { address: string; domain: string; hostedZoneId?: string };
}

/** The MAIL FROM subdomain of the sender's domain (bounces, SPF alignment). */
export const MAIL_FROM_LABEL = 'mail';

/**
 * SES: the sender's domain as identity with Easy DKIM (2048-bit) and a custom MAIL FROM domain
 * (`mail.<domain>`), so that a gov.vn domain with a strict DMARC policy delivers; the
 * configuration set every email goes through, with reputation metrics and the account's
 * suppression list for bounces and complaints. With `sender.hostedZoneId` (Route 53 in this
 * account) the DNS records are created; otherwise they are stack outputs (DnsRecord*) to add at
 * the domain's DNS host.
 */
export class Email extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly senderEmail: string;
  readonly mailFromDomain: string;
  /** ARN of the configuration set (the L2 does not expose one). */
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    const { domain } = props.sender;
    this.senderEmail = props.sender.address;
    this.mailFromDomain = `${MAIL_FROM_LABEL}.${domain}`;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    const zone = props.sender.hostedZoneId
      ? HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: props.sender.hostedZoneId, zoneName: domain })
      : undefined;
    this.identity = new EmailIdentity(this, 'Sender', {
      identity: zone ? Identity.publicHostedZone(zone) : Identity.domain(domain),
      dkimSigning: true,
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      mailFromDomain: this.mailFromDomain,
      // Until the MX record exists, send with SES's own MAIL FROM rather than not at all.
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
      configurationSet: this.configurationSet,
    });
    this.configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    if (!zone) {
      const record = (n: number, value: string, description: string) =>
        new CfnOutput(this, `DnsRecord${n}`, { value, description }).overrideLogicalId(`DnsRecord${n}`);
      this.identity.dkimRecords.forEach((r, i) => record(i + 1, `${r.name} CNAME ${r.value}`, `Easy DKIM record ${i + 1} of 3 for ${domain}`));
      const region = Stack.of(this).region;
      record(4, `${this.mailFromDomain} MX 10 feedback-smtp.${region}.amazonses.com`, 'MAIL FROM domain: MX');
      record(5, `${this.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`, 'MAIL FROM domain: SPF');
      record(6, `_dmarc.${domain} TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}"`, 'DMARC (if the domain has none yet)');
    }
  }
}
