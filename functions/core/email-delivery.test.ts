import { describe, expect, it } from 'vitest';
import { DELIVERY_EVENTS, EMAIL_ID, backoffSeconds, decide, isDefiniteRefusal, isThrottle, needsContact } from './email-delivery';

describe('email delivery rules', () => {
  const now = 1_000_000;
  it('sends a queued or retrying letter, never a sent or failed one', () => {
    expect(decide({ state: 'queued' }, now)).toEqual({ action: 'claim' });
    expect(decide({ state: 'retrying', nextAttemptAt: now - 1 }, now)).toEqual({ action: 'claim' });
    expect(decide({ state: 'sent' }, now)).toEqual({ action: 'drop', reason: 'sent' });
    expect(decide({ state: 'failed' }, now)).toEqual({ action: 'drop', reason: 'failed' });
    expect(decide(undefined, now)).toEqual({ action: 'drop', reason: 'missing' });
  });

  it('waits for a claim whose sender may still be calling SES, and takes it over once its lease is over', () => {
    expect(decide({ state: 'claimed', leaseUntil: now + 30_000 }, now)).toEqual({ action: 'later', delaySeconds: 31, reason: 'in-flight' });
    expect(decide({ state: 'claimed', leaseUntil: now }, now)).toEqual({ action: 'claim' });
    expect(decide({ state: 'claimed' }, now)).toEqual({ action: 'claim' });
  });

  it('keeps a retry for its time', () => {
    expect(decide({ state: 'retrying', nextAttemptAt: now + 60_000 }, now)).toEqual({ action: 'later', delaySeconds: 60, reason: 'backoff' });
  });

  it('backs off from 30 s, doubling, to 15 min: at least 24 h takes about a hundred attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffSeconds)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    let t = 0;
    let n = 0;
    while (t < 24 * 3600) t += backoffSeconds(++n);
    expect(n).toBeGreaterThan(90);
  });

  it('tells a throttle (wait) from a refusal (retry) from no answer (keep the claim)', () => {
    expect(isThrottle({ name: 'TooManyRequestsException' })).toBe(true);
    expect(isThrottle({ $metadata: { httpStatusCode: 429 } })).toBe(true);
    expect(isThrottle({ name: 'MessageRejected', $metadata: { httpStatusCode: 400 } })).toBe(false);
    expect(isDefiniteRefusal({ $metadata: { httpStatusCode: 503 } })).toBe(true);
    expect(isDefiniteRefusal({ $metadata: {} })).toBe(false);
  });

  it('ranks delivery news so that a bounce or complaint overrides a delivery, and a delivery a delay', () => {
    const rank = (t: string) => DELIVERY_EVENTS[t]!.rank;
    expect(rank('Send')).toBeLessThan(rank('DeliveryDelay'));
    expect(rank('DeliveryDelay')).toBeLessThan(rank('Delivery'));
    expect(rank('Delivery')).toBeLessThan(rank('Complaint'));
    expect(rank('Complaint')).toBeLessThan(rank('Bounce'));
    expect(['bounced', 'complained', 'rejected'].every((s) => needsContact(s as never))).toBe(true);
    expect(needsContact('delivered')).toBe(false);
  });

  it('names an email <dossierCode>~<eventKey>', () => {
    expect(EMAIL_ID.exec('TTHCC-261201-0001~apology-s1-stp-2')?.slice(1)).toEqual(['TTHCC-261201-0001', 'apology-s1-stp-2']);
    for (const bad of ['TTHCC-261201-0001', 'TTHCC-261201-0001~', 'x~receipt', 'TTHCC-261201-0001~Receipt', 'TTHCC-261201-0001~a#b']) expect(EMAIL_ID.test(bad)).toBe(false);
  });
});
