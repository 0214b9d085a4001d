import { randomUUID } from 'node:crypto';
import type { Exchange } from './faults';
import type { LocalLambdas } from './lambdas';

/** SES's eventType → EventBridge's detail-type for events of a configuration set. */
const DETAIL_TYPE: Record<string, string> = {
  Send: 'Email Sent',
  Delivery: 'Email Delivered',
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  DeliveryDelay: 'Email Delivery Delayed',
  Reject: 'Email Rejected',
  'Rendering Failure': 'Email Rendering Failed',
};

/** What SES's mailbox simulator does with each address (anything else is delivered). */
export function simulatorOutcome(address: string): { type: string; extra?: Record<string, unknown> }[] {
  const [local = '', domain = ''] = address.toLowerCase().split('@');
  if (domain !== 'simulator.amazonses.com') return [{ type: 'Delivery' }];
  switch (local.split('+')[0]) {
    case 'bounce':
      return [{ type: 'Bounce', extra: { bounceType: 'Permanent', bounceSubType: 'General' } }];
    case 'suppressionlist':
      return [{ type: 'Bounce', extra: { bounceType: 'Permanent', bounceSubType: 'OnAccountSuppressionList' } }];
    case 'complaint':
      return [{ type: 'Delivery' }, { type: 'Complaint', extra: { complaintFeedbackType: 'abuse' } }];
    default: // success@, ooto@ (the auto-reply is not an SES event)
      return [{ type: 'Delivery' }];
  }
}

/** An EventBridge event as SES publishes it for a configuration set's event destination. */
export function sesEvent(type: string, mail: Record<string, unknown>, recipients: string[], extra: Record<string, unknown> = {}, now: () => number = Date.now) {
  const at = new Date(now()).toISOString();
  const body: Record<string, unknown> = { timestamp: at, ...extra };
  if (type === 'Delivery') Object.assign(body, { recipients, processingTimeMillis: 40, smtpResponse: '250 2.6.0 Message received', reportingMTA: 'local' });
  if (type === 'Bounce') Object.assign(body, { bouncedRecipients: recipients.map((emailAddress) => ({ emailAddress, action: 'failed', status: '5.1.1' })), feedbackId: randomUUID() });
  if (type === 'Complaint') Object.assign(body, { complainedRecipients: recipients.map((emailAddress) => ({ emailAddress })), feedbackId: randomUUID() });
  const key = { Send: 'send', Delivery: 'delivery', Bounce: 'bounce', Complaint: 'complaint', DeliveryDelay: 'deliveryDelay', Reject: 'reject', 'Rendering Failure': 'failure' }[type] ?? 'detail';
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': DETAIL_TYPE[type] ?? type,
    source: 'aws.ses',
    account: '000000000000',
    time: at,
    region: 'ap-southeast-1',
    resources: [],
    detail: { eventType: type, mail, [key]: type === 'Send' ? {} : body },
  };
}

/**
 * The local side of the configuration set's event destination: for every email the SES stand-in
 * accepts, the events SES would publish to EventBridge (Send, then what the mailbox simulator
 * does with the address), delivered to `record-delivery` in this process, at least once: an
 * invocation that fails is retried with backoff, as EventBridge retries its targets.
 */
export class LocalSesEvents {
  private pending = new Set<Promise<void>>();
  delivered = 0;

  /** `now`: the platform's clock (the runtime's LocalClock), so a letter is not "delivered" before it was queued. */
  constructor(private readonly lambdas: LocalLambdas, private readonly target = 'record-delivery', private readonly now: () => number = Date.now) {}

  observe(x: Exchange): void {
    if (x.method !== 'POST' || !x.path.startsWith('/v2/email/outbound-emails') || x.status !== 200) return;
    const req = JSON.parse(x.request.toString('utf8') || '{}') as {
      FromEmailAddress?: string;
      Destination?: { ToAddresses?: string[] };
      EmailTags?: { Name: string; Value: string }[];
      ConfigurationSetName?: string;
    };
    const { MessageId } = JSON.parse(x.response.toString('utf8') || '{}') as { MessageId?: string };
    if (!MessageId) return;
    const to = req.Destination?.ToAddresses ?? [];
    const tags: Record<string, string[]> = { 'ses:configuration-set': [req.ConfigurationSetName ?? 'local'] };
    for (const t of req.EmailTags ?? []) tags[t.Name] = [t.Value];
    const mail = { timestamp: new Date(this.now()).toISOString(), source: req.FromEmailAddress, messageId: MessageId, destination: to, headersTruncated: false, tags };
    const events = [sesEvent('Send', mail, to, {}, this.now), ...simulatorOutcome(to[0] ?? '').map((o) => sesEvent(o.type, mail, to, o.extra, this.now))];
    const run = this.deliver(events);
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  private async deliver(events: unknown[]): Promise<void> {
    await new Promise((r) => setTimeout(r, 20));
    for (const event of events) {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.lambdas.invoke(this.target, event);
          this.delivered++;
          break;
        } catch {
          if (attempt >= 12) break; // EventBridge would put it in the target's dead-letter queue
          await new Promise((r) => setTimeout(r, Math.min(5000, 50 * 2 ** attempt)));
        }
      }
    }
  }

  /** Events still being delivered (the runtime's `settled()` reads it). */
  get busy(): number {
    return this.pending.size;
  }

  /** Wait for the events in flight (the runtime's stop). */
  async drain(): Promise<void> {
    await Promise.race([Promise.all([...this.pending]), new Promise((r) => setTimeout(r, 3000))]);
  }
}
