import './log-level';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertPortFree, lockDataFolder, StartError } from './preflight';
import { PUBLIC_RATE_LIMIT } from './rate-limit';
import { ROOT, startLocalRuntime, type LocalRuntime } from './runtime';

/**
 * `npm start`: the whole platform on this machine, data kept under .motcua/ (MOTCUA_DATA to change);
 * PORT and MAILBOX_PORT change the ports; MAILBOX_URL uses a mailbox that runs elsewhere;
 * NATIONAL_PORTAL_URL a national portal's stand-in that runs elsewhere (default: /_local/dvcqg);
 * MOTCUA_CENTRE another centre's folder. One process: `kill <its pid>` (or npm's) stops everything.
 * `--build-web` (as `npm start` passes) bundles the web apps first.
 */
const dataDir = resolve(process.env.MOTCUA_DATA ?? resolve(ROOT, '.motcua'));
const port = Number(process.env.PORT ?? 3000);
const sesPort = Number(process.env.MAILBOX_PORT ?? 8005);
const sesEndpoint = process.env.MAILBOX_URL || undefined;

let runtime: LocalRuntime | undefined;
let release = () => {};
try {
  await assertPortFree(port, 'the API', 'PORT');
  if (!sesEndpoint) await assertPortFree(sesPort, 'the mailbox', 'MAILBOX_PORT');
  mkdirSync(dataDir, { recursive: true });
  release = lockDataFolder(dataDir);
  if (process.argv.includes('--build-web')) await (await import('../../web/build')).buildWeb();
  // MOTCUA_SIGN_IN=oauth: the pages sign in as on AWS (code + PKCE against the managed login's stand-in)
  const signIn = process.env.MOTCUA_SIGN_IN === 'oauth' ? 'oauth' : 'local';
  runtime = await startLocalRuntime({ dataDir, port, sesPort, sesEndpoint, publicRateLimit: PUBLIC_RATE_LIMIT, signIn, outbox: true });
} catch (error) {
  release();
  const e = error as NodeJS.ErrnoException & { port?: number };
  if (error instanceof StartError) console.error(`motcua: ${e.message}`);
  else if (e.code === 'EADDRINUSE') console.error(`motcua: port ${e.port ?? ''} is already in use (${e.message}); set PORT / MAILBOX_PORT to free ones`);
  else console.error(`motcua: could not start: ${e.message}`);
  process.exit(1);
}

console.log(`
motcua is running locally (data in ${dataDir}${runtime.seeded ? ', catalogue loaded just now' : ''}; pid ${process.pid})
  API        ${runtime.apiUrl}
  Mailbox    ${runtime.mailboxUrl}   (JSON: ${runtime.mailboxUrl}/store)
  Documents  ${runtime.documents.endpoint}/${runtime.documents.bucket}   (s3rver; a malware-scan stand-in tags each file)
  Clock      GET/POST ${runtime.apiUrl}/_local/clock   {"advance":"P3D"}
  Token      curl -s -X POST ${runtime.apiUrl}/_local/tokens -d '{"sub":"desk-1","groups":["desk"]}'
  Agency     curl -s -X POST ${runtime.apiUrl}/_local/agency-clients -d '{"agency":"STP"}'   (then /_local/tokens {"client":"STP","scopes":[…]})
  Citizens   ${runtime.oidc.issuer}   (the national sign-in's stand-in; test citizens: infra/local/citizens.json)
${runtime.resumed.length ? `  Resumed    ${runtime.resumed.length} open dossier(s)\n` : ''}Ctrl-C to stop (or kill ${process.pid}).`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await runtime!.stop().catch(() => {});
  release();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGHUP', shutdown);
// If whatever started us (npm, a shell) dies without passing the signal on, stop too rather than
// live on re-parented, holding the ports and the data folder.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown();
}, 1000).unref();
