import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  canonicalConfirmation,
  canonicalRefundConfirmation,
  canonicalRefundRequest,
  canonicalRequest,
  canonicalStatement,
  sign,
  signatureValid,
  type HubConfirmation,
  type HubRefundConfirmation,
  type HubRefundRequest,
  type HubRequest,
} from '../../functions/commons/payment-hub';
import { escapeHtml } from '../../functions/core/email/format';
import { formatDong } from '../../functions/core/fees';
import { localDate } from '../../functions/core/local-time';

/**
 * The payment hub (PayGov-like) as the platform meets it, served by the local gateway under
 * /_local/payhub/: it takes a signed payment request (POST /_local/payhub/payments) and answers its
 * page; the page (vi+en) has pay / cancel / fail buttons; a settlement is confirmed to the API
 * server to server (POST /public/payments/confirm), signed with the shared secret, as the real
 * hub's would be. A test (or a person) can settle without the page:
 * `POST /_local/payhub/payments/{id}/pay|cancel|fail` (`{"confirm": false}`: settle now, confirm
 * later), and resend a confirmation on demand (late, repeated, or tampered):
 * `POST /_local/payhub/replay {"paymentId", "amount"?, "signature"?}`. Refunds: the platform's
 * signed request (`POST /_local/payhub/refunds`), never more than was paid, confirmed server to
 * server at POST /public/payments/refund-confirm right after (or held:
 * `POST /_local/payhub/refunds/hold {"hold": true}`, then `POST /_local/payhub/refunds/{id}/refund|fail`;
 * `POST /_local/payhub/refunds/{id}/confirm {"amount"?, "signature"?}` sends it again). Its statement
 * of a day, signed: `GET /_local/payhub/settlements?date=` (settlements and refunds;
 * `POST /_local/payhub/statement-fault {"tamper": true}` changes a line after signing).
 */
/** The secret's name the functions read (commons/secrets.ts; the runtime's LOCAL_SECRETS). */
export const LOCAL_PAYHUB_SECRET_NAME = 'motcua/local/payhub';

interface Override {
  amount?: number;
  dossierCode?: string;
  signature?: string;
  resign?: boolean;
}

interface HubPayment {
  request: HubRequest;
  state: 'pending' | 'paid' | 'cancelled' | 'failed';
  hubRef?: string;
  settledAt?: string;
  confirmations: { status: number; at: string }[];
}

interface HubRefund {
  request: HubRefundRequest;
  state: 'pending' | 'refunded' | 'failed';
  hubRef?: string;
  settledAt?: string;
}

export class LocalPayHub {
  private readonly payments = new Map<string, HubPayment>();
  private readonly refunds = new Map<string, HubRefund>();
  /** Refunds wait to be settled by hand (`/refunds/{id}/refund|fail`). */
  private holdRefunds = false;
  /** The statement is changed after it is signed (a tampered statement). */
  private tamperStatement = false;

  constructor(
    readonly secret: string,
    /** The gateway's own address (the API answers there too). */
    private readonly origin: () => string,
    private readonly now: () => number,
  ) {}

  private send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8') {
    res.writeHead(status, { 'content-type': type });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  /**
   * The confirmation the hub sends for a settled payment. A test may change the amount or the
   * dossier: signed over the changed fields with `resign` (a hub that says another amount), else
   * over the original ones (tampered on the way); or give its own signature.
   */
  confirmation(id: string, override: Override = {}): HubConfirmation {
    const p = this.payments.get(id)!;
    const original = {
      paymentId: id,
      dossierCode: p.request.dossierCode,
      amount: p.request.total,
      currency: 'VND',
      status: p.state === 'pending' ? ('failed' as const) : p.state,
      hubRef: p.hubRef ?? `HUB-${id}`,
      paidAt: p.settledAt ?? new Date(this.now()).toISOString(),
    };
    const sent = { ...original, ...(override.amount !== undefined ? { amount: override.amount } : {}), ...(override.dossierCode ? { dossierCode: override.dossierCode } : {}) };
    const signature = override.signature ?? sign(this.secret, canonicalConfirmation(override.resign ? sent : original));
    return { ...sent, signature };
  }

  /** Send a confirmation to the API, server to server; answers the API's answer. */
  async confirm(id: string, override: Override = {}): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.origin()}/public/payments/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.confirmation(id, override)),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    this.payments.get(id)!.confirmations.push({ status: res.status, at: new Date(this.now()).toISOString() });
    return { status: res.status, body };
  }

  /** The hub's confirmation of a refund (signed; `amount` or `signature` changed for a test). */
  refundConfirmation(id: string, override: { amount?: number; signature?: string } = {}): HubRefundConfirmation {
    const r = this.refunds.get(id)!;
    const original = {
      refundId: id,
      paymentId: r.request.paymentId,
      amount: r.request.amount,
      currency: 'VND',
      status: r.state === 'refunded' ? ('refunded' as const) : ('failed' as const),
      hubRef: r.hubRef ?? `HUBR-${id}`,
      refundedAt: r.settledAt ?? new Date(this.now()).toISOString(),
    };
    const signature = override.signature ?? sign(this.secret, canonicalRefundConfirmation(original));
    return { ...original, ...(override.amount !== undefined ? { amount: override.amount } : {}), signature };
  }

  async confirmRefund(id: string, override: { amount?: number; signature?: string } = {}): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.origin()}/public/payments/refund-confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.refundConfirmation(id, override)),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status, body: text };
    }
  }

  private settleRefund(id: string, outcome: 'refund' | 'fail') {
    const r = this.refunds.get(id)!;
    if (r.state !== 'pending') return false;
    r.state = outcome === 'refund' ? 'refunded' : 'failed';
    r.hubRef = `HUBR-${randomBytes(6).toString('hex').toUpperCase()}`;
    r.settledAt = new Date(this.now()).toISOString();
    return true;
  }

  /** The hub's statement of a local day: its settlements and refunds, signed (tampered on demand, after signing). */
  statement(date: string) {
    const settlements = [...this.payments.entries()]
      .filter(([, p]) => p.state === 'paid' && p.settledAt && localDate(p.settledAt) === date)
      .map(([id, p]) => ({ paymentId: id, amount: p.request.total, hubRef: p.hubRef!, paidAt: p.settledAt! }));
    const refunds = [...this.refunds.entries()]
      .filter(([, r]) => r.state === 'refunded' && r.settledAt && localDate(r.settledAt) === date)
      .map(([id, r]) => ({ refundId: id, paymentId: r.request.paymentId, amount: r.request.amount, hubRef: r.hubRef!, refundedAt: r.settledAt! }));
    const signature = sign(this.secret, canonicalStatement({ date, settlements, refunds }));
    if (this.tamperStatement) {
      // a line changed on the way: one settlement less (or one invented when there is none)
      if (settlements.length) settlements.pop();
      else settlements.push({ paymentId: `P${'F'.repeat(20)}`, amount: 1000, hubRef: 'HUB-FORGED', paidAt: `${date}T03:00:00.000Z` });
    }
    return { date, settlements, refunds, signature };
  }

  private settle(id: string, outcome: 'pay' | 'cancel' | 'fail') {
    const p = this.payments.get(id)!;
    if (p.state !== 'pending') return false;
    p.state = outcome === 'pay' ? 'paid' : outcome === 'cancel' ? 'cancelled' : 'failed';
    p.hubRef = `HUB-${randomBytes(6).toString('hex').toUpperCase()}`;
    p.settledAt = new Date(this.now()).toISOString();
    return true;
  }

  private page(id: string, p: HubPayment): string {
    const r = p.request;
    const e = escapeHtml;
    const lines = r.lines.map((l) => `<li>${e(l.code)}: ${e(formatDong(l.amount))}</li>`).join('');
    const done = p.state !== 'pending';
    const states = { paid: 'Đã thanh toán · Paid', cancelled: 'Đã hủy · Cancelled', failed: 'Không thành công · Failed', pending: '' };
    return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thanh toán (thử nghiệm) · Payment hub (local)</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}button{font-size:1rem;padding:.6rem 1rem;margin:.3rem .3rem 0 0}</style></head>
<body><main>
<h1>Cổng thanh toán <span lang="en">· Payment hub</span></h1>
<p>Hồ sơ <span lang="en">· Dossier</span>: <strong>${e(r.dossierCode)}</strong></p>
<p>Người nộp <span lang="en">· Payer</span>: ${e(r.payerName)}</p>
<ul>${lines}</ul>
<p>Tổng cộng <span lang="en">· Total</span>: <strong data-total="${r.total}">${e(formatDong(r.total))}</strong></p>
${
  done
    ? `<p role="status">${states[p.state]}</p><p><a href="${e(r.returnUrl)}">Quay lại hồ sơ · Back to the dossier</a></p>`
    : `<form method="post" action="/_local/payhub/payments/${e(id)}/pay?from=page"><button>Thanh toán · Pay</button></form>
<form method="post" action="/_local/payhub/payments/${e(id)}/cancel?from=page"><button>Hủy · Cancel</button></form>
<form method="post" action="/_local/payhub/payments/${e(id)}/fail?from=page"><button>Giả lập lỗi · Fail</button></form>`
}
</main></body></html>`;
  }

  /** Handles /_local/payhub/*; false for any other path. */
  async handle(method: string, url: URL, body: Buffer, res: ServerResponse): Promise<boolean> {
    const path = url.pathname;
    if (!path.startsWith('/_local/payhub/')) return false;
    const json = () => {
      try {
        return JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    if (method === 'POST' && path === '/_local/payhub/payments') {
      const { signature, ...request } = json() as unknown as HubRequest & { signature: string };
      if (typeof signature !== 'string' || !request.paymentId || !signatureValid(this.secret, canonicalRequest(request), signature)) {
        this.send(res, 401, { message: 'signature' });
        return true;
      }
      if (!this.payments.has(request.paymentId)) this.payments.set(request.paymentId, { request, state: 'pending', confirmations: [] });
      this.send(res, 201, { payUrl: `${this.origin()}/_local/payhub/pay/${request.paymentId}` });
      return true;
    }
    const page = /^\/_local\/payhub\/pay\/([A-Z0-9]{1,40})$/.exec(path);
    if (method === 'GET' && page) {
      const p = this.payments.get(page[1]!);
      if (!p) this.send(res, 404, 'Không có giao dịch này · No such payment', 'text/plain; charset=utf-8');
      else this.send(res, 200, this.page(page[1]!, p), 'text/html; charset=utf-8');
      return true;
    }
    const act = /^\/_local\/payhub\/payments\/([A-Z0-9]{1,40})\/(pay|cancel|fail)$/.exec(path);
    if (method === 'POST' && act) {
      const [, id, outcome] = act as unknown as [string, string, 'pay' | 'cancel' | 'fail'];
      const p = this.payments.get(id);
      if (!p) {
        this.send(res, 404, { message: 'No such payment' });
        return true;
      }
      const settled = this.settle(id, outcome);
      const fromPage = url.searchParams.get('from') === 'page';
      const wantsConfirm = (json() as { confirm?: boolean }).confirm !== false;
      const confirmation = settled && wantsConfirm ? await this.confirm(id) : undefined;
      if (fromPage) {
        res.writeHead(303, { location: `/_local/payhub/pay/${id}` });
        res.end();
      } else this.send(res, settled ? 200 : 409, { paymentId: id, state: p.state, ...(confirmation ? { confirmation } : {}) });
      return true;
    }
    if (method === 'POST' && path === '/_local/payhub/replay') {
      const input = json() as { paymentId?: string } & Override;
      if (!input.paymentId || !this.payments.has(input.paymentId)) {
        this.send(res, 404, { message: 'No such payment' });
        return true;
      }
      const { paymentId, ...override } = input;
      this.send(res, 200, { paymentId, confirmation: await this.confirm(paymentId, override) });
      return true;
    }
    if (method === 'GET' && path === '/_local/payhub/settlements') {
      this.send(res, 200, this.statement(url.searchParams.get('date') ?? ''));
      return true;
    }
    if (method === 'POST' && path === '/_local/payhub/statement-fault') {
      this.tamperStatement = (json() as { tamper?: boolean }).tamper === true;
      this.send(res, 200, { tamper: this.tamperStatement });
      return true;
    }
    if (method === 'POST' && path === '/_local/payhub/refunds') {
      const { signature, ...request } = json() as unknown as HubRefundRequest & { signature: string };
      if (typeof signature !== 'string' || !request.refundId || !signatureValid(this.secret, canonicalRefundRequest(request), signature)) {
        this.send(res, 401, { message: 'signature' });
        return true;
      }
      const paid = this.payments.get(request.paymentId);
      if (!paid || paid.state !== 'paid') {
        this.send(res, 409, { message: 'No paid payment to refund' });
        return true;
      }
      const before = [...this.refunds.values()].filter((r) => r.request.paymentId === request.paymentId && r.request.refundId !== request.refundId && r.state !== 'failed');
      if (!Number.isSafeInteger(request.amount) || request.amount <= 0 || before.reduce((t, r) => t + r.request.amount, 0) + request.amount > paid.request.total) {
        this.send(res, 422, { message: 'More than was paid' });
        return true;
      }
      const known = this.refunds.get(request.refundId);
      if (!known || known.state === 'failed') this.refunds.set(request.refundId, { request, state: 'pending' });
      const r = this.refunds.get(request.refundId)!;
      this.send(res, 202, { refundId: request.refundId, state: r.state });
      // the hub refunds and confirms server to server, after answering (as a real hub would)
      if (!this.holdRefunds) {
        setTimeout(() => {
          this.settleRefund(request.refundId, 'refund');
          void this.confirmRefund(request.refundId).catch(() => undefined);
        }, 0);
      }
      return true;
    }
    if (method === 'POST' && path === '/_local/payhub/refunds/hold') {
      this.holdRefunds = (json() as { hold?: boolean }).hold === true;
      this.send(res, 200, { hold: this.holdRefunds });
      return true;
    }
    const refundAct = /^\/_local\/payhub\/refunds\/([A-Z0-9]{1,40})\/(refund|fail|confirm)$/.exec(path);
    if (method === 'POST' && refundAct) {
      const [, id, act] = refundAct as unknown as [string, string, 'refund' | 'fail' | 'confirm'];
      if (!this.refunds.has(id)) {
        this.send(res, 404, { message: 'No such refund' });
        return true;
      }
      if (act !== 'confirm') this.settleRefund(id, act);
      const confirmation = await this.confirmRefund(id, act === 'confirm' ? (json() as { amount?: number; signature?: string }) : {});
      this.send(res, 200, { refundId: id, state: this.refunds.get(id)!.state, confirmation });
      return true;
    }
    this.send(res, 404, { message: 'Not Found' });
    return true;
  }
}
