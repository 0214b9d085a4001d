import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * What `npm start` checks before it starts anything, so that a newcomer meets one clear line
 * naming what is in use, not a stack trace from deep inside a stand-in.
 */
export class StartError extends Error {
  override name = 'StartError';
}

/** Refuse a fixed port another process listens on (0 = any free port: nothing to check). */
export async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  if (!port) return;
  const free = await new Promise<boolean>((ok) => {
    const probe = createServer();
    probe.once('error', () => ok(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => ok(true)));
  });
  if (!free) {
    throw new StartError(`Port ${port} (${what}) is already in use: another \`npm start\`? Stop it, or pick another port: ${variable}=${port + 1} npm start`);
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One runtime per data folder: `<dir>/motcua.pid` names the process that uses it. A folder whose
 * process is gone (killed, crashed) is taken over. Answers the release.
 */
export function lockDataFolder(dir: string): () => void {
  const file = join(dir, 'motcua.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new StartError(`The data folder ${dir} is in use by another \`npm start\` (pid ${pid}): stop it (kill ${pid}), or use another folder: MOTCUA_DATA=${dir}-2 npm start`);
    }
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      /* already gone */
    }
  };
}
