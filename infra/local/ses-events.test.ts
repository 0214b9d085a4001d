import { describe, expect, it } from 'vitest';
import type { LocalLambdas } from './lambdas';
import { LocalSesEvents, sesEvent } from './ses-events';

const at = Date.parse('2026-12-15T02:00:00Z'); // the platform's clock: 09:00 in Hanoi, wherever this machine's is

describe('the local SES events', () => {
  it('carry the platform’s time (the runtime’s clock), not this machine’s', async () => {
    const seen: any[] = [];
    const lambdas = { invoke: async (_: string, event: unknown) => void seen.push(event) } as unknown as LocalLambdas;
    const events = new LocalSesEvents(lambdas, 'record-delivery', () => at);
    events.observe({
      method: 'POST',
      path: '/v2/email/outbound-emails',
      status: 200,
      request: Buffer.from(JSON.stringify({ FromEmailAddress: 'no-reply@motcua.local', Destination: { ToAddresses: ['binh@example.vn'] } })),
      response: Buffer.from(JSON.stringify({ MessageId: 'm-1' })),
    });
    await events.drain();
    expect(seen.map((e) => e['detail-type'])).toEqual(['Email Sent', 'Email Delivered']);
    for (const e of seen) {
      expect(e.time).toBe('2026-12-15T02:00:00.000Z');
      expect(e.detail.mail.timestamp).toBe('2026-12-15T02:00:00.000Z');
    }
    expect(seen[1].detail.delivery.timestamp).toBe('2026-12-15T02:00:00.000Z');
  });

  it('sesEvent takes the clock it is given', () => {
    expect(sesEvent('Bounce', {}, ['a@b.vn'], {}, () => at).time).toBe('2026-12-15T02:00:00.000Z');
  });
});
