import * as z from 'zod';
import { DossierInput } from './intake';
import { Decision } from '../decide-step/handler';
import { Delay } from '../report-delay/handler';
import { Query as ExportQuery } from '../export-applicant/handler';
import { Query as LogbookQuery } from '../get-logbook/handler';
import { Query as ReportQuery } from '../get-timeliness-report/handler';
import { Rating } from '../public-rating/handler';
import { Withdraw } from '../public-withdraw/handler';
import { SearchQuery } from '../search-dossiers/handler';
import { SupplementBody } from '../commons/supplement';
import { ProcedureBody } from '../core/procedure-rules';
import { Query as TasksQuery } from '../list-agency-tasks/handler';
import { Query as FailedQuery } from '../list-dossiers/handler';
import { AgencyBody } from '../core/catalogue';
import { UploadRequest } from '../core/documents';
import * as R from './responses';
import { consoleContracts } from './console';

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
const pin = { name: 'X-Lookup-Pin', required: true, description: 'The PIN printed on the receipt (never in the URL)' };
const officer = [401, 403];

/** Keyed `METHOD /path` like the registry; test/integration/contract.test.ts checks both hold the same routes. */
export const routeContracts: Record<string, RouteContract> = {
  ...consoleContracts,
  'POST /dossiers': {
    summary: 'Receive a dossier at the one-stop desk (form 01)', operationId: 'receiveDossier',
    body: DossierInput, responses: { 201: R.Received }, errors: [...officer, 409, 422],
    headers: [{ ...idempotency, required: true }],
  },
  'GET /dossiers': {
    summary: 'Search dossiers by code, applicant name or phone (desk, operators)', operationId: 'searchDossiers',
    query: SearchQuery, responses: { 200: R.DossierList }, errors: officer,
  },
  'GET /dossiers/{code}': { summary: 'A dossier with its steps', operationId: 'getDossier', responses: { 200: R.DossierView }, errors: [...officer, 404] },
  'POST /dossiers/{code}/steps/{stepId}/decision': {
    summary: 'Decide a step: approve, request a supplement (form 02), refuse (form 03)', operationId: 'decideStep',
    body: Decision, responses: { 202: R.DecisionAccepted }, errors: [...officer, 404, 409, 422], headers: [idempotency],
  },
  'POST /dossiers/{code}/steps/{stepId}/delay': {
    summary: 'Report a delay before the due time (form 04)', operationId: 'reportDelay',
    body: Delay, responses: { 202: R.DelayAccepted }, errors: [...officer, 404, 409, 422], headers: [idempotency],
  },
  'POST /dossiers/{code}/supplement': {
    summary: 'The desk records the supplement the citizen brought', operationId: 'supplyAtDesk',
    body: SupplementBody, responses: { 202: R.SupplementAccepted }, errors: [...officer, 409], headers: [idempotency],
  },
  'GET /agencies/{agencyCode}/tasks': {
    summary: "An agency's pending steps, soonest due first, a page at a time", operationId: 'listTasks',
    query: TasksQuery, responses: { 200: R.Tasks }, errors: officer,
  },
  'GET /dossiers/{code}/control-sheet': { summary: 'The control sheet (form 06)', operationId: 'getControlSheet', responses: { 200: R.ControlSheet }, errors: [...officer, 404] },
  'GET /agencies/{agencyCode}/logbook': {
    summary: "An agency's logbook for a local day (form 07)", operationId: 'getLogbook',
    query: LogbookQuery, responses: { 200: R.Logbook }, errors: [...officer, 404],
  },
  'GET /reports/timeliness': {
    summary: 'Early / on time / late over a period', operationId: 'getTimelinessReport',
    query: ReportQuery, responses: { 200: R.TimelinessReport }, errors: officer,
  },
  'POST /ops/dossiers/{code}/resume': { summary: "Resume a dossier's workflow", operationId: 'resumeDossier', responses: { 200: R.Resumed, 202: R.Resumed }, errors: [...officer, 404, 409] },
  'GET /ops/applicants/export': {
    summary: 'Everything held about one applicant', operationId: 'exportApplicant',
    query: ExportQuery, responses: { 200: R.ApplicantExport }, errors: officer,
  },
  'GET /public/dossiers/{code}': { summary: 'Citizen: look a dossier up with its code and PIN', operationId: 'publicLookup', responses: { 200: R.CitizenView }, errors: [404, 429], headers: [pin] },
  'POST /public/dossiers/{code}/supplement': {
    summary: 'Citizen: send the supplement asked for', operationId: 'publicSupplement',
    body: SupplementBody, responses: { 202: R.SupplementAccepted }, errors: [404, 409, 429], headers: [pin, idempotency],
  },
  'POST /public/dossiers/{code}/withdraw': {
    summary: 'Citizen: withdraw the dossier', operationId: 'publicWithdraw',
    body: Withdraw, responses: { 202: R.Withdrawn }, errors: [404, 409, 429], headers: [pin, idempotency],
  },
  'POST /public/dossiers/{code}/rating': {
    summary: 'Citizen: rate the service once, after the result', operationId: 'publicRating',
    body: Rating, responses: { 201: R.Rated }, errors: [404, 409, 429], headers: [pin, idempotency],
  },
  'GET /procedures': { summary: 'The procedure catalogue in force today', operationId: 'listProcedures', responses: { 200: R.ProcedureList }, errors: [401] },
  'PUT /procedures/{code}': {
    summary: 'Publish a new version of a procedure', operationId: 'putProcedure',
    body: ProcedureBody, responses: { 200: R.ProcedureVersion, 201: R.ProcedureVersion }, errors: [...officer, 409, 422],
  },
  'GET /calendars/{year}': { summary: "A year's working calendar", operationId: 'getCalendar', responses: { 200: R.CalendarYear }, errors: [...officer, 404] },
  'PUT /calendars/{year}': { summary: "Replace a year's working calendar", operationId: 'putCalendar', body: R.CalendarBody, responses: { 200: R.CalendarYear }, errors: officer },
  'GET /ops/dossiers': {
    summary: 'The open dossiers whose workflow is not running (failed, timed out, aborted, never started)', operationId: 'listFailedDossiers',
    query: FailedQuery, responses: { 200: R.FailedDossiers }, errors: officer,
  },
  'GET /agencies': { summary: 'The agencies of the catalogue', operationId: 'listAgencies', responses: { 200: R.AgencyList }, errors: [401] },
  'PUT /agencies/{code}': {
    summary: "Add an agency or change its names, kind or warnings address", operationId: 'putAgency',
    body: AgencyBody, responses: { 200: R.AgencyStored, 201: R.AgencyStored }, errors: officer,
  },
  'POST /ops/emails/{id}/resend': { summary: 'Send a failed, bounced or sent email again', operationId: 'resendEmail', responses: { 202: R.EmailRequeued }, errors: [...officer, 404, 409] },
  'GET /agencies/{agencyCode}/contacts': { summary: 'The citizens the desk should call (their letter bounced or was complained of)', operationId: 'listContacts', responses: { 200: R.Contacts }, errors: officer },
  'GET /public/centre': { summary: "The centre's public profile (name, address, opening hours, hotline)", operationId: 'publicCentre', responses: { 200: R.PublicCentre }, errors: [] },
  'POST /dossiers/{code}/pin': {
    summary: 'Issue a new lookup PIN and email it to the applicant', operationId: 'reissuePin',
    body: z.object({}).strict(), responses: { 202: R.PinReissued }, errors: [...officer, 404, 409], headers: [idempotency],
  },
  'POST /public/dossiers/{code}/pin-reminder': {
    summary: 'Citizen: I lost my PIN (`{}`: a new PIN and a one-time code are emailed if the code is right; the old PIN keeps working) or the letter\'s one-time code (`{confirmation}`: the new PIN replaces the old one)', operationId: 'publicPinReminder',
    body: z.object({ confirmation: z.string().max(40).optional().meta({ description: "The letter's one-time code (10 symbols, dashes and spaces ignored)" }) }).strict(),
    responses: { 202: R.PinReminder, 200: R.PinConfirmed }, errors: [429], headers: [idempotency],
  },
  'POST /documents/drafts': {
    summary: 'Ask to upload a file before the dossier exists (claimed at intake with {draftId})', operationId: 'draftDocument',
    body: UploadRequest, responses: { 201: R.Draft }, errors: [...officer, 409, 422], headers: [idempotency],
  },
  'POST /dossiers/{code}/documents': {
    summary: "Ask to upload a file into a dossier (the desk; the agency that asked a supplement or deciding)", operationId: 'uploadDocument',
    body: UploadRequest, responses: { 201: R.Upload }, errors: [...officer, 404, 409, 422], headers: [idempotency],
  },
  'POST /dossiers/{code}/documents/{documentId}/complete': {
    summary: 'Register an uploaded file (its size, type and checksum are checked)', operationId: 'completeDocument',
    responses: { 200: R.StoredDocument, 201: R.StoredDocument }, errors: [...officer, 404, 409, 422], headers: [idempotency],
  },
  'GET /dossiers/{code}/documents/{documentId}': {
    summary: 'A short-lived download link to a file of the dossier (409 while it is being scanned)', operationId: 'getDocument',
    responses: { 200: R.Download }, errors: [...officer, 404, 409],
  },
  'POST /public/dossiers/{code}/documents': {
    summary: 'Citizen: ask to upload a file of the supplement asked for', operationId: 'publicUploadDocument',
    body: UploadRequest, responses: { 201: R.Upload }, errors: [404, 409, 422, 429], headers: [pin, idempotency],
  },
  'POST /public/dossiers/{code}/documents/{documentId}/complete': {
    summary: 'Citizen: register an uploaded file', operationId: 'publicCompleteDocument',
    responses: { 200: R.StoredDocument, 201: R.StoredDocument }, errors: [404, 409, 422, 429], headers: [pin, idempotency],
  },
  'GET /public/dossiers/{code}/documents/{documentId}': {
    summary: 'Citizen: a short-lived download link to their own file or the result', operationId: 'publicGetDocument',
    responses: { 200: R.Download }, errors: [404, 409, 429], headers: [pin],
  },
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
