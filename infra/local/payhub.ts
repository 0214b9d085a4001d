import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { canonicalConfirmation, canonicalRequest, sign, signatureValid, type HubConfirmation, type HubRequest } from '../../functions/commons/payment-hub';
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
 * `POST /_local/payhub/replay {"paymentId", "amount"?, "signature"?}`. Its statement of a day:
 * `GET /_local/payhub/settlements?date=`.
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

export class LocalPayHub {
  private readonly payments = new Map<string, HubPayment>();

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
      const date = url.searchParams.get('date') ?? '';
      const settlements = [...this.payments.entries()]
        .filter(([, p]) => p.state === 'paid' && p.settledAt && localDate(p.settledAt) === date)
        .map(([id, p]) => ({ paymentId: id, amount: p.request.total, hubRef: p.hubRef!, paidAt: p.settledAt! }));
      this.send(res, 200, { date, settlements });
      return true;
    }
    this.send(res, 404, { message: 'Not Found' });
    return true;
  }
}
