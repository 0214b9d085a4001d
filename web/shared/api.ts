import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api-types';
import { timedFetch } from './clock';

export type { paths };
export type Problem = components['schemas']['Problem'];

/**
 * The API client, typed from the OpenAPI document (web/shared/api-types.ts is generated from the
 * contract): paths, parameters, bodies and answers are checked by the compiler. The pages call
 * the API under /api on their own origin (CloudFront on AWS, the local gateway locally).
 */
/**
 * The session is over: 401 (no token), or the gateway's own 403 — plain `{"message":"Forbidden"}`,
 * not the handlers' problem+json — when the API's authorizer refused the token (expired, or of
 * a client no longer registered). A handler's 403 (a role or an agency refused) keeps the session.
 */
export function signedOut(response: Response): boolean {
  if (response.status === 401) return true;
  return response.status === 403 && !(response.headers.get('content-type') ?? '').includes('problem+json');
}

export function apiClient(token: () => string | undefined, onUnauthorized?: () => void) {
  // every answer's Date header sets the pages' clock (web/shared/clock.ts)
  const client = createClient<paths>({ baseUrl: '/api', fetch: (request: Request) => timedFetch(request) });
  const auth: Middleware = {
    onRequest({ request }) {
      const t = token();
      if (t) request.headers.set('authorization', `Bearer ${t}`);
      // the API's errors come back in the page's language
      request.headers.set('accept-language', pageLanguage());
      return request;
    },
    onResponse({ response }) {
      if (signedOut(response)) onUnauthorized?.();
      return response;
    },
  };
  client.use(auth);
  return client;
}
export type ApiClient = ReturnType<typeof apiClient>;

/** The page's language (`<html lang>`, set by the language switch), as an Accept-Language value. */
export const pageLanguage = () => (globalThis.document?.documentElement.lang === 'en' ? 'en' : 'vi');

/** Field → message, from a problem+json answer, in the page's language (`applicant.email` → "Địa chỉ thư điện tử không hợp lệ"). */
export function fieldErrors(p: Problem | undefined): Record<string, string> {
  return Object.fromEntries((p?.errors ?? []).map((e) => [e.field, e.message]));
}

/** A fresh Idempotency-Key for one act (a retry of the same act reuses it). */
export const newKey = () => crypto.randomUUID();
