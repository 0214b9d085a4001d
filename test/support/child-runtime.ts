import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { eventually } from './local';

const ROOT = resolve(import.meta.dirname, '../..');

/** A free TCP port on the loopback (for a runtime started in another process). */
export const freePort = () =>
  new Promise<number>((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => ok(port));
    });
  });

/**
 * The local runtime in a child process, as `npm start` runs it but with node itself and the tsx
 * loader (not the tsx wrapper), so that a SIGKILL reaches the runtime's own process. Resolves
 * once it says it is up; `out()` is what it printed so far.
 */
export async function startRuntimeChild(env: Record<string, string>): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  await eventually(async () => out.includes('Ctrl-C to stop'), 60_000).catch((e) => {
    throw new Error(`runtime did not start: ${e.message}\n${out}`);
  });
  return { child, out: () => out };
}

/** Calls to a runtime in another process, on its port. */
export function runtimeClient(port: () => number) {
  const api = async (method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`http://127.0.0.1:${port()}${path}`, {
      method,
      headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  };
  const token = async (sub: string, group: string) => (await api('POST', '/_local/tokens', { body: { sub, groups: [group] } })).body.token as string;
  return { api, token };
}
