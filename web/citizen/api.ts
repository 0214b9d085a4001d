/**
 * The citizen's calls to the API (`/api/...`, the same origin). The PIN travels only in the
 * `X-Lookup-Pin` header, never in a URL; the page keeps it in memory only.
 */
import type { operations } from '../shared/api-types';
import { timedFetch } from '../shared/clock';

/** What an operation answers with `status`, as the contract (web/shared/api-types.ts, generated) says. */
type Answered<Op extends keyof operations, S extends number> = operations[Op]['responses'] extends Record<S, { content: { 'application/json': infer T } }> ? T : never;
/** What an operation takes as its JSON body. */
type BodyOf<Op extends keyof operations> = operations[Op] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

export type Text = { vi: string; en: string };
export type Centre = Answered<'publicCentre', 200>;
export type DossierView = Answered<'publicLookup', 200>;

export interface Answer<T> {
  status: number;
  body?: T;
  retryAfter?: number;
}

async function call<T>(method: string, path: string, pin?: string, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (pin) headers['x-lookup-pin'] = pin;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = `web-${crypto.randomUUID()}`;
  // the API's errors come back in the page's language
  headers['accept-language'] = document.documentElement.lang === 'en' ? 'en' : 'vi';
  try {
    const res = await timedFetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as T, retryAfter: Number(res.headers.get('retry-after')) || undefined };
  } catch {
    return { status: 0 }; // offline or unreachable
  }
}

const dossier = (code: string) => `/public/dossiers/${encodeURIComponent(code)}`;

export const api = {
  centre: () => call<Centre>('GET', '/public/centre'),
  lookup: (code: string, pin: string) => call<DossierView>('GET', dossier(code), pin),
  supplement: (code: string, pin: string, documents: BodyOf<'publicSupplement'>['documents'], note?: string) =>
    call<Answered<'publicSupplement', 202>>('POST', `${dossier(code)}/supplement`, pin, { documents, ...(note ? { note } : {}) } satisfies BodyOf<'publicSupplement'>),
  withdraw: (code: string, pin: string, reason?: string) =>
    call<Answered<'publicWithdraw', 202>>('POST', `${dossier(code)}/withdraw`, pin, (reason ? { reason } : {}) satisfies BodyOf<'publicWithdraw'>),
  rate: (code: string, pin: string, score: number, comment?: string) =>
    call<Answered<'publicRating', 201>>('POST', `${dossier(code)}/rating`, pin, { score, ...(comment ? { comment } : {}) } satisfies BodyOf<'publicRating'>),
  /** The centre's evaluation form for this dossier, and whether it can still be given (issue 25). */
  evaluationForm: (code: string, pin: string) => call<Answered<'publicEvaluationForm', 200>>('GET', `${dossier(code)}/evaluation`, pin),
  /** The evaluation, once, after the return: 201; 409 twice or too early; 400 names `answers.<criterion>`. */
  evaluate: (code: string, pin: string, body: BodyOf<'publicEvaluate'>) =>
    call<Answered<'publicEvaluate', 201> & { errors?: { field: string; message: string }[] }>('POST', `${dossier(code)}/evaluation`, pin, body),
  /** Issue 11's route: always 202 whether or not the code exists (404 until it is built). */
  pinReminder: (code: string) => call<Answered<'publicPinReminder', 202>>('POST', `${dossier(code)}/pin-reminder`, undefined, {} satisfies BodyOf<'publicPinReminder'>),
  /** The letter's one-time code: the new PIN replaces the old one (200), or 400 when it is not right. */
  confirmPin: (code: string, confirmation: string) =>
    call<Answered<'publicPinReminder', 200>>('POST', `${dossier(code)}/pin-reminder`, undefined, { confirmation } satisfies BodyOf<'publicPinReminder'>),
  /** Feedback or a petition (anonymous allowed): 201 with its code; 400 names the fields (problem+json). */
  sendFeedback: (body: BodyOf<'publicSendFeedback'>) => call<Answered<'publicSendFeedback', 201> & { errors?: { field: string; message: string }[] }>('POST', '/public/feedback', undefined, body),
  /** The published answers, searchable with or without diacritics. */
  publishedFeedback: (q: string) => call<Answered<'publicSearchFeedback', 200>>('GET', `/public/feedback${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`),
  /** Start paying the fees online: the hub's page to go to (the hub confirms to the API; the return here only shows the status). */
  pay: (code: string, pin: string) => call<Answered<'publicPay', 201>>('POST', `${dossier(code)}/payments`, pin, {} satisfies BodyOf<'publicPay'>),
  /** The receipt of a payment as a PDF (the file in base64: GET /public/dossiers/{code}/payments/{id}/receipt). */
  receiptPdf: (code: string, pin: string, paymentId: string) => call<Answered<'publicReceiptPdf', 200>>('GET', `${dossier(code)}/payments/${encodeURIComponent(paymentId)}/receipt`, pin),
  /** Issue 12's route: a result file (the answer carries where to download it). */
  resultFile: (code: string, pin: string, documentId: string) =>
    call<Answered<'publicGetDocument', 200>>('GET', `${dossier(code)}/documents/${encodeURIComponent(documentId)}`, pin),
};
