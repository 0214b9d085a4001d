import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FeeLine } from '../core/fees';
import { secretValue } from './secrets';

/**
 * The payment hub's adapter (PayGov-like; OpenCPS KeypayDVCQGTerm's fields). The platform sends a
 * payment request server to server, signed with HMAC-SHA256 over its canonical fields, and gets
 * back the hub's page to send the citizen to; the hub confirms server to server (POST
 * /public/payments/confirm), signed the same way. The browser's return only shows the status.
 * The hub is given no personal data but the payer's name, and no card data ever reaches the
 * platform. The secret: by name from Secrets Manager (commons/secrets.ts; locally the runtime's).
 */
export interface HubRequest {
  paymentId: string;
  dossierCode: string;
  procedureCode: string;
  /** MaDonVi: the unit collecting (the receiving desk). */
  unit: string;
  lines: Pick<FeeLine, 'code' | 'kind' | 'amount'>[];
  total: number;
  currency: 'VND';
  returnUrl: string;
  /** The payer's name (the only personal data the hub receives). */
  payerName: string;
}

export interface HubConfirmation {
  paymentId: string;
  dossierCode: string;
  amount: number;
  currency: string;
  status: 'paid' | 'cancelled' | 'failed';
  /** The hub's transaction reference. */
  hubRef: string;
  /** When the hub settled it (ISO). */
  paidAt: string;
  signature: string;
}

const linesOf = (lines: HubRequest['lines']) => lines.map((l) => `${l.code}:${l.kind}:${l.amount}`).join(',');

/** The canonical string a request's signature covers: fixed order, `key=value` joined by `&`. */
export function canonicalRequest(r: Omit<HubRequest, 'payerName'>): string {
  return [
    ['paymentId', r.paymentId],
    ['dossierCode', r.dossierCode],
    ['procedureCode', r.procedureCode],
    ['unit', r.unit],
    ['lines', linesOf(r.lines)],
    ['total', String(r.total)],
    ['currency', r.currency],
    ['returnUrl', r.returnUrl],
  ]
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export function canonicalConfirmation(c: Omit<HubConfirmation, 'signature'>): string {
  return [
    ['paymentId', c.paymentId],
    ['dossierCode', c.dossierCode],
    ['amount', String(c.amount)],
    ['currency', c.currency],
    ['status', c.status],
    ['hubRef', c.hubRef],
    ['paidAt', c.paidAt],
  ]
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export const sign = (secret: string, canonical: string) => createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');

/** Constant-time comparison of a given signature with the expected one. */
export function signatureValid(secret: string, canonical: string, given: string): boolean {
  const expected = Buffer.from(sign(secret, canonical), 'hex');
  const actual = Buffer.from(/^[0-9a-f]{64}$/i.test(given) ? given : '', 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The hub's shared secret: by its name in Secrets Manager (PAYHUB_SECRET_NAME; locally the runtime's LOCAL_SECRETS). */
export function hubSecret(): Promise<string> {
  const name = process.env.PAYHUB_SECRET_NAME;
  if (!name) throw new Error('PAYHUB_SECRET_NAME is not set');
  return secretValue(name);
}

export function hubUrl(): string {
  const u = process.env.PAYHUB_URL;
  if (!u) throw new Error('PAYHUB_URL is not set');
  return u.replace(/\/$/, '');
}

/** Send the signed request to the hub; answers the page the citizen pays on. */
export async function requestHubPayment(r: HubRequest): Promise<{ payUrl: string }> {
  const signature = sign(await hubSecret(), canonicalRequest(r));
  const res = await fetch(`${hubUrl()}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...r, signature }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`payment hub answered ${res.status}`);
  const body = (await res.json()) as { payUrl?: string };
  if (!body.payUrl) throw new Error('payment hub gave no page');
  return { payUrl: body.payUrl };
}

export interface Settlement {
  paymentId: string;
  amount: number;
  hubRef: string;
  paidAt: string;
}
export interface SettledRefund {
  refundId: string;
  paymentId: string;
  amount: number;
  hubRef: string;
  refundedAt: string;
}
/** The hub's statement of a local day: what it settled and refunded, signed by the hub. */
export interface Statement {
  date: string;
  settlements: Settlement[];
  refunds: SettledRefund[];
  signature: string;
}

/** The canonical string a statement's signature covers: the date, then every line in the order given. */
export function canonicalStatement(s: Omit<Statement, 'signature'>): string {
  const settled = s.settlements.map((x) => `${x.paymentId}:${x.amount}:${x.hubRef}:${x.paidAt}`).join(',');
  const refunded = s.refunds.map((x) => `${x.refundId}:${x.paymentId}:${x.amount}:${x.hubRef}:${x.refundedAt}`).join(',');
  return `date=${s.date}&settlements=${settled}&refunds=${refunded}`;
}

/** A statement whose signature is not the hub's (tampered on the way, or not from the hub). */
export class StatementUnsigned extends Error {
  override name = 'StatementUnsigned';
}

/**
 * The hub's statement of a local day (settlements and refunds), asked with a signed request; its
 * own signature is checked (constant time) before a line of it is believed: StatementUnsigned if not.
 */
export async function hubStatement(date: string): Promise<Omit<Statement, 'signature'>> {
  const secret = await hubSecret();
  const res = await fetch(`${hubUrl()}/settlements?date=${encodeURIComponent(date)}`, {
    headers: { 'x-signature': sign(secret, `date=${date}`) },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`payment hub answered ${res.status}`);
  const body = (await res.json()) as Partial<Statement>;
  const statement = { date: String(body.date ?? ''), settlements: Array.isArray(body.settlements) ? body.settlements : [], refunds: Array.isArray(body.refunds) ? body.refunds : [] };
  if (statement.date !== date || typeof body.signature !== 'string' || !signatureValid(secret, canonicalStatement(statement), body.signature)) {
    throw new StatementUnsigned(`the hub's statement of ${date} is not signed by the hub`);
  }
  return statement;
}

/** A refund asked of the hub (server to server, signed): the payment's hub reference and the amount. */
export interface HubRefundRequest {
  refundId: string;
  paymentId: string;
  hubRef: string;
  amount: number;
  currency: 'VND';
}

export interface HubRefundConfirmation {
  refundId: string;
  paymentId: string;
  amount: number;
  currency: string;
  status: 'refunded' | 'failed';
  hubRef: string;
  refundedAt: string;
  signature: string;
}

export const canonicalRefundRequest = (r: HubRefundRequest) =>
  `refundId=${r.refundId}&paymentId=${r.paymentId}&hubRef=${r.hubRef}&amount=${r.amount}&currency=${r.currency}`;

export const canonicalRefundConfirmation = (c: Omit<HubRefundConfirmation, 'signature'>) =>
  `refundId=${c.refundId}&paymentId=${c.paymentId}&amount=${c.amount}&currency=${c.currency}&status=${c.status}&hubRef=${c.hubRef}&refundedAt=${c.refundedAt}`;

/** Ask the hub to refund (it answers at once; the money's return is confirmed later at POST /public/payments/refund-confirm). */
export async function requestHubRefund(r: HubRefundRequest): Promise<void> {
  const signature = sign(await hubSecret(), canonicalRefundRequest(r));
  const res = await fetch(`${hubUrl()}/refunds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...r, signature }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`payment hub answered ${res.status}`);
}
