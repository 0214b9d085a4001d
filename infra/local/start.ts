import { resolve } from 'node:path';
import { PUBLIC_RATE_LIMIT } from './rate-limit';
import { ROOT, startLocalRuntime } from './runtime';

/**
 * `npm start`: the whole platform on this machine, data kept under .motcua/ (MOTCUA_DATA to change);
 * PORT and MAILBOX_PORT change the ports; MAILBOX_URL uses a mailbox that runs elsewhere.
 */
const dataDir = resolve(process.env.MOTCUA_DATA ?? resolve(ROOT, '.motcua'));
const runtime = await startLocalRuntime({
  dataDir,
  port: Number(process.env.PORT ?? 3000),
  sesPort: Number(process.env.MAILBOX_PORT ?? 8005),
  sesEndpoint: process.env.MAILBOX_URL || undefined,
  publicRateLimit: PUBLIC_RATE_LIMIT,
});

console.log(`
motcua is running locally (data in ${dataDir}${runtime.seeded ? ', seeded just now' : ''})
  API        ${runtime.apiUrl}
  Mailbox    ${runtime.mailboxUrl}   (JSON: ${runtime.mailboxUrl}/store)
  Clock      GET/POST ${runtime.apiUrl}/_local/clock   {"advance":"P3D"}
  Token      curl -s -X POST ${runtime.apiUrl}/_local/tokens -d '{"sub":"desk-1","groups":["desk"]}'
${runtime.resumed.length ? `  Resumed    ${runtime.resumed.length} open dossier(s)\n` : ''}Ctrl-C to stop.`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await runtime.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
