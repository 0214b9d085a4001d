/** A subscription of STP as stored (commons/webhooks.ts), for the webhook routes' unit tests. */
export const WEBHOOK_ID = '5b2f1f9e-7c1a-4e0b-9a57-2f4f1d0c9a11';
export const webhookParams = { agencyCode: 'STP', id: WEBHOOK_ID };
export const storedSubscription = (extra: Record<string, unknown> = {}) => ({
  PK: 'WEBHOOK#STP', SK: `SUB#${WEBHOOK_ID}`, id: WEBHOOK_ID, agency: 'STP', url: 'https://203.0.113.5/hook', secret: 'whsec_x', createdAt: '2026-12-07T02:00:00.000Z', createdBy: 'o', ...extra,
});
