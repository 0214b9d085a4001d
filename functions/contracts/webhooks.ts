import * as z from 'zod';
import { agencyCode } from '../commons/params';
import type { Subscription } from '../commons/webhooks';
import { toLocalIso } from '../core/local-time';

export const WebhookPath = z.object({ agencyCode, id: z.uuid({ error: 'a subscription id (a UUID)' }) });

/** A subscription as listed: never its secret. */
export const WebhookView = z.object({
  id: z.string(),
  agency: z.string(),
  url: z.string(),
  events: z.array(z.string()).optional(),
  state: z.enum(['enabled', 'disabled']),
  disabledAt: z.string().optional(),
  disabledReason: z.string().optional(),
  createdAt: z.string(),
});

/** What a subscription shows: everything but its secret. */
export const webhookView = (s: Subscription) => ({
  id: s.id,
  agency: s.agency,
  url: s.url,
  ...(s.events ? { events: s.events } : {}),
  state: s.disabledAt ? ('disabled' as const) : ('enabled' as const),
  ...(s.disabledAt ? { disabledAt: toLocalIso(s.disabledAt) } : {}),
  ...(s.disabledReason ? { disabledReason: s.disabledReason } : {}),
  createdAt: toLocalIso(s.createdAt),
});
