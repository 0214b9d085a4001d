import * as z from 'zod';
import type { RouteContract } from './routes';
import { Query as EmailsQuery } from '../list-emails/handler';
import { Query as BehindQuery } from '../get-timeliness-dossiers/handler';
import { Query as OverdueQuery } from '../list-overdue/handler';
import { AgencyBody } from '../core/catalogue';

const officer = [401, 403];
const Text = z.object({ vi: z.string(), en: z.string() });
const Loose = z.object({}).catchall(z.unknown());

/**
 * The operators' console's routes (issue 15): its own two (GET /ops/emails, GET
 * /reports/timeliness/dossiers), and the routes its pages call that had no contract yet. Spread
 * first into `routeContracts`, so an entry written in routes.ts for the same route wins.
 */
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
  'GET /ops/dossiers': {
    summary: 'Open dossiers whose workflow is not running', operationId: 'listFailedDossiers',
    query: z.object({ state: z.enum(['failed']) }),
    responses: {
      200: z.object({
        state: z.string(),
        dossiers: z.array(z.object({ dossierCode: z.string(), status: z.number().optional(), execution: z.string().optional(), executionStatus: z.string(), error: z.string().optional(), stoppedAt: z.string().optional() })),
      }),
    },
    errors: officer,
  },
  'POST /ops/emails/{id}/resend': {
    summary: 'Send an email again', operationId: 'resendEmail',
    responses: { 202: z.object({ id: z.string(), dossierCode: z.string(), eventKey: z.string(), state: z.string() }) }, errors: [...officer, 404, 409],
  },
  'GET /agencies': {
    summary: 'The agencies of the catalogue', operationId: 'listAgencies',
    responses: { 200: z.object({ agencies: z.array(z.object({ code: z.string(), kind: z.string(), name: Text, email: z.string().optional() }).catchall(z.unknown())) }) },
    errors: [401],
  },
  'PUT /agencies/{code}': {
    summary: 'Add or change an agency', operationId: 'putAgency',
    body: AgencyBody,
    responses: { 200: Loose, 201: Loose }, errors: officer,
  },
  'GET /agencies/{agencyCode}/contacts': { summary: 'The desk: citizens to call', operationId: 'listContacts', responses: { 200: Loose }, errors: officer },
  'GET /public/centre': { summary: "The public part of the centre's profile", operationId: 'publicCentre', responses: { 200: Loose }, errors: [] },
};
