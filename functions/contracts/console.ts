import * as z from 'zod';
import type { RouteContract } from './routes';
import { Query as EmailsQuery } from '../list-emails/handler';
import { Query as BehindQuery } from '../get-timeliness-dossiers/handler';
import { Query as OverdueQuery } from '../list-overdue/handler';

const officer = [401, 403];

/** The operators' console's own routes (issue 15): GET /ops/emails, GET /reports/timeliness/dossiers, GET /ops/overdue. */
export const consoleContracts: Record<string, RouteContract> = {
  'GET /ops/emails': {
    summary: 'Letters that did not reach the citizen (failed, bounced, complained)', operationId: 'listEmails',
    query: EmailsQuery,
    responses: {
      200: z.object({
        state: z.enum(['failed', 'bounced', 'complained']),
        emails: z.array(z.object({ id: z.string(), dossierCode: z.string(), eventKey: z.string(), event: z.string(), state: z.string(), at: z.string().nullable(), error: z.string().optional() })),
      }),
    },
    errors: officer,
  },
  'GET /reports/timeliness/dossiers': {
    summary: 'The dossiers behind one figure of the timeliness report', operationId: 'getTimelinessDossiers',
    query: BehindQuery,
    responses: { 200: z.object({ from: z.string(), to: z.string(), by: z.string(), key: z.string(), measure: z.string(), count: z.number().int(), dossiers: z.array(z.string()) }) },
    errors: officer,
  },
  'GET /ops/overdue': {
    summary: 'Overdue open dossiers with no activity for a while', operationId: 'listOverdue',
    query: OverdueQuery,
    responses: {
      200: z.object({
        quietDays: z.number().int(),
        dossiers: z.array(z.object({ dossierCode: z.string(), status: z.number(), procedure: z.string(), holding: z.array(z.string()), appointmentAt: z.string().nullable(), lastActivityAt: z.string(), quietDays: z.number().int() })),
      }),
    },
    errors: officer,
  },
};
