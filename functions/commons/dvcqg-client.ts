import { NationalPortalConfig, type PortalCall } from '../core/dvcqg';
import { secretValue } from './secrets';

/**
 * The national portal's client, as OpenCPS signs in (DVCQGIntegrationActionImpl): POST the
 * account's username and password with the province's `dstcode` header to `<url>/authenticate`
 * → `{session, error_code}`; then every call is a POST to `<url>/service` of
 * `{session, madonvi, service, …fields}` → `{error_code: "0"}` on success. A refused session
 * (error_code "401" or HTTP 401) signs in again once. The account lives in Secrets Manager
 * (`secretName`, `{"username","password"}`), never in the config nor the logs.
 */
let session: { url: string; value: string } | undefined;

export const forgetPortalSession = () => {
  session = undefined;
};

/** The adapter's configuration (config/<centre>/national-portal.json, given to the function as NATIONAL_PORTAL); undefined: not connected. */
export function nationalPortalConfig(env: NodeJS.ProcessEnv = process.env): NationalPortalConfig | undefined {
  if (!env.NATIONAL_PORTAL) return undefined;
  return NationalPortalConfig.parse(JSON.parse(env.NATIONAL_PORTAL));
}

export class PortalError extends Error {
  constructor(message: string, readonly retryable = true) {
    super(message);
    this.name = 'PortalError';
  }
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    throw new PortalError(`network: ${(e as Error).message}`);
  }
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json };
}

async function signIn(cfg: NationalPortalConfig): Promise<string> {
  const account = JSON.parse(await secretValue(cfg.secretName)) as { username: string; password: string };
  const { status, json } = await post(`${cfg.url}/authenticate`, { username: account.username, password: account.password }, { dstcode: cfg.dstcode });
  if (status !== 200 || String(json.error_code ?? '') !== '0' || typeof json.session !== 'string') {
    throw new PortalError(`authenticate: HTTP ${status} error_code ${String(json.error_code ?? '')}`);
  }
  session = { url: cfg.url, value: json.session };
  return json.session;
}

/** Send one call; resolves on success, throws PortalError (retryable unless the portal refused the message's shape). */
export async function sendPortalCall(cfg: NationalPortalConfig, call: PortalCall, madonvi: string): Promise<void> {
  await serviceCall(cfg, call.service, call.body, madonvi);
}

/**
 * `TraCuuHoSo {MaHoSo}`: the portal's record of a dossier (its last sync), or undefined when it
 * has none. The daily reconciliation's read (commons/reconcile.ts).
 */
export async function readPortalDossier(cfg: NationalPortalConfig, maHoSo: string, madonvi: string): Promise<Record<string, unknown> | undefined> {
  const json = await serviceCall(cfg, 'TraCuuHoSo', { MaHoSo: maHoSo }, madonvi);
  const result = Array.isArray(json.result) ? json.result : [];
  return (result[0] as Record<string, unknown> | undefined) ?? undefined;
}

async function serviceCall(cfg: NationalPortalConfig, service: string, body: Record<string, unknown>, madonvi: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const s = session && session.url === cfg.url ? session.value : await signIn(cfg);
    const { status, json } = await post(`${cfg.url}/service`, { session: s, madonvi, service, ...body });
    const code = String(json.error_code ?? '');
    if (status === 401 || code === '401') {
      session = undefined;
      continue;
    }
    if (status === 200 && code === '0') return json;
    throw new PortalError(`${service}: HTTP ${status} error_code ${code} ${String(json.message ?? '').slice(0, 200)}`, status >= 500 || status === 429 || status === 0 || code !== '400');
  }
  throw new PortalError('session refused twice');
}
