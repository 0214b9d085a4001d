import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/local';
import { freePort } from '../support/child-runtime';

const ROOT = resolve(import.meta.dirname, '../..');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `npm start` as a newcomer meets it: what is in use is named in one line; `kill <npm's pid>` stops everything. */
describe('npm start and stop', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const dataDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'motcua-start-'));
    dirs.push(d);
    return d;
  };
  const npmStart = (env: Record<string, string>) => {
    const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const out = { stdout: '', stderr: '' };
    child.stdout!.on('data', (c) => (out.stdout += c));
    child.stderr!.on('data', (c) => (out.stderr += c));
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    return { child, out, exited };
  };
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('names the port or the data folder in use in one line, and kill <npm pid> stops everything', async () => {
    const [api, mailbox] = [await freePort(), await freePort()];
    const data = dataDir();
    const first = npmStart({ PORT: String(api), MAILBOX_PORT: String(mailbox), MOTCUA_DATA: data });
    await eventually(async () => first.out.stdout.includes('Ctrl-C to stop'), 80_000).catch((e) => {
      throw new Error(`did not start: ${e.message}\n${first.out.stdout}\n${first.out.stderr}`);
    });
    const runtimePid = Number(/pid (\d+)\)/.exec(first.out.stdout)![1]);
    expect(alive(runtimePid)).toBe(true);

    const [api2, mailbox2] = [await freePort(), await freePort()];
    const cases = [
      { env: { PORT: String(api), MAILBOX_PORT: String(mailbox2), MOTCUA_DATA: dataDir() }, line: `motcua: Port ${api} (the API) is already in use` },
      { env: { PORT: String(api2), MAILBOX_PORT: String(mailbox), MOTCUA_DATA: dataDir() }, line: `motcua: Port ${mailbox} (the mailbox) is already in use` },
      { env: { PORT: String(api2), MAILBOX_PORT: String(mailbox2), MOTCUA_DATA: data }, line: `motcua: The data folder ${data} is in use by another \`npm start\` (pid ${runtimePid})` },
    ];
    for (const c of cases) {
      const second = npmStart(c.env);
      expect(await second.exited).not.toBe(0);
      const lines = second.out.stderr.split('\n').filter((l) => l.startsWith('motcua:'));
      expect(lines, second.out.stderr).toHaveLength(1);
      expect(lines[0]).toContain(c.line);
      expect(second.out.stderr).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    }

    first.child.kill('SIGTERM'); // npm's own pid
    await first.exited;
    await eventually(async () => !alive(runtimePid), 20_000);
    // its ports are free again
    const again = npmStart({ PORT: String(api), MAILBOX_PORT: String(mailbox), MOTCUA_DATA: data });
    await eventually(async () => again.out.stdout.includes('Ctrl-C to stop'), 80_000);
    again.child.kill('SIGTERM');
    await again.exited;
  }, 240_000);
});
