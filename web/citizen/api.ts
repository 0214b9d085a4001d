/**
 * The citizen's calls to the API (`/api/...`, the same origin). The PIN travels only in the
 * `X-Lookup-Pin` header, never in a URL; the page keeps it in memory only.
 */
import { timedFetch } from '../shared/clock';

export interface Text {
  vi: string;
  en: string;
}
export interface Centre {
  name: Text;
  address: Text;
  openingHours: Text;
  hotline: string;
  portalUrl: string;
}
export interface DossierView {
  code: string;
  status: number;
  statusText: Text;
  procedure: { code: string; name: Text };
  receivedAt: string;
  appointmentAt: string;
  collection: { from: string; until: string } | null;
  history: { at: string; event: string; text: Text }[];
  /** `dueAt`: when a procedure's rules give a deadline for supplementing (none is stored today). */
  supplement: { requestedAt: string; agency: Text; missing: string[]; reason: string; dueAt?: string | null } | null;
  stop: { kind: 'withdrawn' | 'refused'; at: string; reason: string } | null;
  returnedAt: string | null;
  canWithdraw: boolean;
  canRate: boolean;
  rating: { score: number; at: string } | null;
  /** Issue 12: the result files returned electronically (absent until that route exists). */
  resultDocuments?: { documentId: string; name: string }[];
}

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
  supplement: (code: string, pin: string, documents: ({ name: string; ref: string } | { documentId: string })[], note?: string) =>
    call('POST', `${dossier(code)}/supplement`, pin, { documents, ...(note ? { note } : {}) }),
  withdraw: (code: string, pin: string, reason?: string) => call('POST', `${dossier(code)}/withdraw`, pin, reason ? { reason } : {}),
  rate: (code: string, pin: string, score: number, comment?: string) => call('POST', `${dossier(code)}/rating`, pin, { score, ...(comment ? { comment } : {}) }),
  /** Issue 11's route: always 202 whether or not the code exists (404 until it is built). */
  pinReminder: (code: string) => call('POST', `${dossier(code)}/pin-reminder`, undefined, {}),
  /** The letter's one-time code: the new PIN replaces the old one (200), or 400 when it is not right. */
  confirmPin: (code: string, confirmation: string) => call('POST', `${dossier(code)}/pin-reminder`, undefined, { confirmation }),
  /** Issue 12's route: a result file (the answer carries where to download it). */
  resultFile: (code: string, pin: string, documentId: string) =>
    call<{ url?: string }>('GET', `${dossier(code)}/documents/${encodeURIComponent(documentId)}`, pin),
};
