import * as z from 'zod';
import { agencyCode } from '../commons/params';

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
