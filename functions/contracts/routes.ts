import * as z from 'zod';
import { Query as ExportQuery } from '../export-applicant/handler';
import { Query as ReportQuery } from '../get-timeliness-report/handler';
import { SupplementBody } from '../commons/supplement';
import { ProcedureBody } from '../core/procedure-rules';
import { Query as FailedQuery } from '../list-dossiers/handler';
import { AgencyBody } from '../core/catalogue';
import { UploadRequest } from '../core/documents';
import * as R from './responses';
import { consoleContracts } from './console';
import { apiRoutes } from '../api';
import { routeKey } from '../commons/route';

/** One route's contract: its summary, its query, body and answers (the path comes from the registry). */
export interface RouteContract {
  summary: string;
  operationId: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success status → schema. */
  responses: Record<number, z.ZodType>;
  /** Error statuses this route answers with problem+json, besides 400 (input) and 500/503. */
  errors: number[];
  headers?: { name: string; required: boolean; description: string }[];
}

const idempotency = { name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body gets the first answer and changes nothing' };
const officer = [401, 403];

/** Keyed `METHOD /path` like the registry; test/integration/contract.test.ts checks both hold the same routes. */
export const routeContracts: Record<string, RouteContract> = {
  // route modules (functions/<name>/route.ts) carry their own contract
  ...Object.fromEntries(
    apiRoutes.map((r) => [
      routeKey(r),
      { summary: r.summary, operationId: r.operationId, query: r.query, body: r.body, responses: r.responses, errors: r.errors, headers: r.headers } satisfies RouteContract,
    ]),
  ),
  ...consoleContracts,
  'GET /reports/timeliness': {
    summary: 'Early / on time / late over a period', operationId: 'getTimelinessReport',
    query: ReportQuery, responses: { 200: R.TimelinessReport }, errors: officer,
  },
  'POST /ops/dossiers/{code}/resume': { summary: "Resume a dossier's workflow", operationId: 'resumeDossier', responses: { 200: R.Resumed, 202: R.Resumed }, errors: [...officer, 404, 409] },
  'GET /ops/applicants/export': {
    summary: 'Everything held about one applicant', operationId: 'exportApplicant',
    query: ExportQuery, responses: { 200: R.ApplicantExport }, errors: officer,
  },
  'PUT /procedures/{code}': {
    summary: 'Publish a new version of a procedure', operationId: 'putProcedure',
    body: ProcedureBody, responses: { 200: R.ProcedureVersion, 201: R.ProcedureVersion }, errors: [...officer, 409, 422],
  },
  'PUT /calendars/{year}': { summary: "Replace a year's working calendar", operationId: 'putCalendar', body: R.CalendarBody, responses: { 200: R.CalendarYear }, errors: officer },
  'GET /ops/dossiers': {
    summary: 'The open dossiers whose workflow is not running (failed, timed out, aborted, never started)', operationId: 'listFailedDossiers',
    query: FailedQuery, responses: { 200: R.FailedDossiers }, errors: officer,
  },
  'PUT /agencies/{code}': {
    summary: "Add an agency or change its names, kind or warnings address", operationId: 'putAgency',
    body: AgencyBody, responses: { 200: R.AgencyStored, 201: R.AgencyStored }, errors: officer,
  },
  'POST /ops/emails/{id}/resend': { summary: 'Send a failed, bounced or sent email again', operationId: 'resendEmail', responses: { 202: R.EmailRequeued }, errors: [...officer, 404, 409] },
};

/** Path parameters, by name, as the handlers check them. */
export const pathParameters: Record<string, z.ZodType> = {
  code: z.string().describe('A dossier code such as TTHCC-261127-0001, or a procedure code'),
  stepId: z.string().regex(/^[a-z0-9-]{1,40}$/),
  agencyCode: z.string().regex(/^[A-Z0-9]{2,12}$/),
  year: z.number().int().min(2000).max(2100),
  id: z.string().describe('An email id <dossierCode>~<eventKey>'),
  documentId: z.string().regex(/^[0-9a-f]{32}$/),
};
