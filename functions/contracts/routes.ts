import * as z from 'zod';
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


/** Keyed `METHOD /path` like the registry; test/integration/contract.test.ts checks both hold the same routes. */
export const routeContracts: Record<string, RouteContract> = {
  // every route module (functions/<name>/route.ts) carries its own contract
  ...Object.fromEntries(
    apiRoutes.map((r) => [
      routeKey(r),
      { summary: r.summary, operationId: r.operationId, query: r.query, body: r.body, responses: r.responses, errors: r.errors, headers: r.headers } satisfies RouteContract,
    ]),
  ),
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
