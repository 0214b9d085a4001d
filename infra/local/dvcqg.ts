import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { CapNhatTienDoHoSoMC, DongBoHoSoMC, portalDate } from '../../functions/core/dvcqg';
import { sign } from '../../functions/commons/webhooks';

export const DVCQG_PATH = '/_local/dvcqg';
/** The local account (LOCAL_SECRETS under this name), and the province code the stand-in expects. */
export const LOCAL_DVCQG_SECRET_NAME = 'motcua/local/national-portal';
export const LOCAL_DVCQG_ACCOUNT = {
  username: 'motcua-local',
  password: 'local-portal-password',
  /** The portal signs its pushes with it (Standard Webhooks; commons/dvcqg-inbound.ts). */
  inboundSecret: `whsec_${Buffer.from('motcua-local-national-portal-push-key').toString('base64')}`,
};

/** A push as the portal signs it (Standard Webhooks, the local inbound key): the raw body and its headers. */
export function signedPush(message: Record<string, unknown>, at: Date, secret = LOCAL_DVCQG_ACCOUNT.inboundSecret): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(message);
  const id = `push-${String(message.MaHoSo)}-${at.getTime()}`;
  const ts = Math.floor(at.getTime() / 1000);
  return { body, headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': sign(secret, id, ts, body) } };
}

export interface ReceivedCall {
  n: number;
  service: string;
  body: Record<string, unknown>;
  at: string;
  /** What the stand-in answered: 200 accepted, 400 refused shape, 503 failing on demand. */
  status: number;
}

/**
 * The National Public Service Portal's stand-in (docs/national-portal.md), on the gateway under
 * /_local/dvcqg: the adapter's protocol as OpenCPS speaks it —
 *   POST /authenticate   {username,password} + `dstcode` header → {session, error_code:"0"}
 *   POST /service        {session, madonvi, service, …}: DongBoHoSoMC and CapNhatTienDoHoSoMC
 *                        checked for shape and kept; TraCuuHoSo {MaHoSo} answers the last sync.
 * For tests and demos:
 *   GET    /calls        the calls received, in order (service, body as sent, status answered)
 *   DELETE /calls        forget them
 *   POST   /faults       {"fail": n} the next n service calls answer 503; {"down": true|false};
 *                        {"expireSessions": true} the next call finds its session expired
 *   GET    /dossiers/{MaHoSo}  the portal's view of a dossier (its last DongBoHoSoMC and progress)
 *   PATCH  /dossiers/{MaHoSo}  change fields of the portal's record (a difference to reconcile); DELETE forgets it
 *   POST   /push        a dossier submitted "on the portal" (the inbound message's fields; MaHoSo,
 *                       NgayNopHoSo defaulted): signed and POSTed to /public/national-portal/dossiers,
 *                       answers {status, body} as the province answered; `"signature": "bad"` forges it
 */
export class LocalDvcqg {
  readonly calls: ReceivedCall[] = [];
  private sessions = new Set<string>();
  private failNext = 0;
  private down = false;
  private dossiers = new Map<string, { sync: Record<string, unknown>; progress: Record<string, unknown>[] }>();

  private pushes = 0;

  constructor(
    readonly dstcode = 'LOCAL',
    private readonly apiUrl: () => string = () => '',
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Push a dossier to the province as the portal would (signed), answering what it answered. */
  async push(fields: Record<string, unknown>, forge = false): Promise<{ status: number; body: unknown }> {
    this.pushes += 1;
    const at = this.clock();
    const message = { MaHoSo: `G22-${portalDate(at.toISOString())}-${String(this.pushes).padStart(4, '0')}`, NgayNopHoSo: portalDate(at.toISOString()), ...fields };
    const { body, headers } = signedPush(message, at, forge ? `whsec_${Buffer.from('not the key').toString('base64')}` : undefined);
    const res = await fetch(`${this.apiUrl()}/public/national-portal/dossiers`, { method: 'POST', headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  }

  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  /** True when the request was the stand-in's. */
  handle(method: string, path: string, headers: Record<string, string | string[] | undefined>, raw: Buffer, res: ServerResponse): boolean {
    if (path !== DVCQG_PATH && !path.startsWith(`${DVCQG_PATH}/`)) return false;
    const sub = path.slice(DVCQG_PATH.length) || '/';
    let body: Record<string, unknown> = {};
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      this.json(res, 400, { error_code: '400', message: 'not JSON' });
      return true;
    }
    if (method === 'GET' && sub === '/calls') return this.json(res, 200, { calls: this.calls }), true;
    if (method === 'DELETE' && sub === '/calls') {
      this.calls.length = 0;
      this.dossiers.clear();
      return this.json(res, 200, { calls: [] }), true;
    }
    if (method === 'POST' && sub === '/faults') {
      if (typeof body.fail === 'number') this.failNext = body.fail;
      if (typeof body.down === 'boolean') this.down = body.down;
      if (body.expireSessions === true) this.sessions.clear();
      return this.json(res, 200, { fail: this.failNext, down: this.down }), true;
    }
    if (method === 'POST' && sub === '/push') {
      const { signature, ...fields } = body;
      this.push(fields, signature === 'bad').then(
        (answer) => this.json(res, 200, answer),
        (e: Error) => this.json(res, 502, { message: e.message }),
      );
      return true;
    }
    const read = /^\/dossiers\/([^/]+)$/.exec(sub);
    if (method === 'GET' && read) {
      const d = this.dossiers.get(decodeURIComponent(read[1]!));
      return this.json(res, d ? 200 : 404, d ?? { message: 'Not Found' }), true;
    }
    // for the reconciliation's tests: the portal's record changed (PATCH its fields) or lost (DELETE)
    if (method === 'PATCH' && read) {
      const d = this.dossiers.get(decodeURIComponent(read[1]!));
      if (!d) return this.json(res, 404, { message: 'Not Found' }), true;
      d.sync = { ...d.sync, ...body };
      return this.json(res, 200, d), true;
    }
    if (method === 'DELETE' && read) {
      this.dossiers.delete(decodeURIComponent(read[1]!));
      return this.json(res, 200, {}), true;
    }
    if (method === 'POST' && sub === '/authenticate') {
      const ok = headers.dstcode === this.dstcode && body.username === LOCAL_DVCQG_ACCOUNT.username && body.password === LOCAL_DVCQG_ACCOUNT.password;
      if (!ok) return this.json(res, 200, { error_code: '403', message: 'sai tài khoản' }), true;
      const session = randomBytes(16).toString('hex');
      this.sessions.add(session);
      return this.json(res, 200, { session, error_code: '0' }), true;
    }
    if (method === 'POST' && sub === '/service') {
      if (this.down || this.failNext > 0) {
        if (this.failNext > 0) this.failNext -= 1;
        this.record(String(body.service ?? ''), body, 503);
        return this.json(res, 503, { error_code: '503', message: 'Hệ thống đang bảo trì' }), true;
      }
      if (typeof body.session !== 'string' || !this.sessions.has(body.session)) return this.json(res, 200, { error_code: '401', message: 'phiên hết hạn' }), true;
      const { session: _s, madonvi, service, ...fields } = body;
      if (typeof madonvi !== 'string' || !madonvi) return this.json(res, 400, { error_code: '400', message: 'madonvi' }), true;
      if (service === 'TraCuuHoSo') {
        const d = this.dossiers.get(String(fields.MaHoSo));
        return this.json(res, 200, { error_code: '0', result: d ? [d.sync] : [] }), true;
      }
      const schema = service === 'DongBoHoSoMC' ? DongBoHoSoMC : service === 'CapNhatTienDoHoSoMC' ? CapNhatTienDoHoSoMC : undefined;
      if (!schema) return this.json(res, 400, { error_code: '400', message: `unknown service ${String(service)}` }), true;
      const parsed = schema.safeParse(fields);
      if (!parsed.success) {
        this.record(String(service), { madonvi, ...fields }, 400);
        return this.json(res, 400, { error_code: '400', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }), true;
      }
      this.record(String(service), { madonvi, ...fields }, 200);
      const code = String(fields.MaHoSo);
      const d = this.dossiers.get(code) ?? { sync: {}, progress: [] };
      if (service === 'DongBoHoSoMC') d.sync = fields;
      else {
        d.progress.push(fields);
        // a progress line moves the portal's status of the dossier too (what TraCuuHoSo answers)
        d.sync = { ...d.sync, TrangThaiHoSo: fields.TrangThai };
      }
      this.dossiers.set(code, d);
      return this.json(res, 200, { error_code: '0', message: 'thành công' }), true;
    }
    this.json(res, 404, { message: 'Not Found' });
    return true;
  }

  private record(service: string, body: Record<string, unknown>, status: number) {
    this.calls.push({ n: this.calls.length + 1, service, body, at: new Date().toISOString(), status });
  }
}
