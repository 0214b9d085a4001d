import { randomBytes } from 'node:crypto';
import { queryOpen } from '../../functions/commons/open-index';
import { LocalOAuth } from './oauth';
import { LOCAL_PAYHUB_SECRET_NAME, LocalPayHub } from './payhub';
import { LOCAL_CITIZEN_SECRET_NAME, LocalOidc } from './oidc';
import { centreCatalogue } from './pages';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import sesServerModule from 'aws-ses-v2-local';
import { resetClients } from '../../functions/commons/aws';
import { forgetCalendar } from '../../functions/commons/calendar';
import { forgetClients } from '../../functions/commons/agency-clients';
import { setClockSource } from '../../functions/commons/clock';
import { resumeDossier } from '../../functions/commons/workflow';
import { queues, stateMachines } from '../registry';
import { LocalClock } from './clock';
import { FaultyProxy } from './faults';
import { LocalGateway } from './gateway';
import { LocalIssuer } from './issuer';
import { LocalLambdas } from './lambdas';
import { TokenBuckets, type RateLimit } from './rate-limit';
import { LocalStepFunctions, stateMachineArn } from './stepfunctions';
import { LocalSqs } from './sqs';
import { LocalEventSourceMapping } from './sqs-poller';
import { LocalSesEvents } from './ses-events';
import { ensureTable, seedIfEmpty } from './table';
import { readFileSync } from 'node:fs';
import { CentreProfile, functionsProfile } from '../../functions/core/centre';
import { startLocalDocuments, type LocalDocuments } from './documents';
import { LocalDvcqg, LOCAL_DVCQG_ACCOUNT, LOCAL_DVCQG_SECRET_NAME, DVCQG_PATH } from './dvcqg';
import { LocalOutboxPoller } from './outbox';
import { tableStream } from './table-stream';
import { existsSync } from 'node:fs';
import { NationalPortalConfig } from '../../functions/core/dvcqg';
import { forgetPortalSession } from '../../functions/commons/dvcqg-client';

/** The centre's profile from its folder, validated (the error names the file and the field). */
export function readCentreProfile(dir: string): CentreProfile {
  const file = join(dir, 'centre.json');
  const parsed = CentreProfile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const TABLE = 'motcua';
// ESM import of a CommonJS module: the server factory is on `.default`.
const sesServer = ((sesServerModule as unknown as { default?: unknown }).default ?? sesServerModule) as (c: {
  host: string;
  port: number;
}) => Promise<Server>;

export interface RuntimeOptions {
  /** Where dynalite keeps its data; undefined keeps everything in memory (tests). */
  dataDir?: string;
  /** Gateway port (0 = any free port). */
  port?: number;
  /** Mailbox port (0 = any free port). */
  sesPort?: number;
  /** Start executions for open dossiers (the resume on every start). */
  resume?: boolean;
  /** Use this mailbox (an aws-ses-v2-local started elsewhere) instead of starting one. */
  sesEndpoint?: string;
  /** Scale of the state machine's Retry intervals (1 = as in the ASL; tests use less). */
  retryScale?: number;
  /** The centre's folder (default config/hanoi, or MOTCUA_CENTRE). */
  centreDir?: string;
  /** Load the centre's folder into the table on start (default true; false leaves it empty). */
  seed?: boolean;
  /** Per-client limit on the citizen's routes, as the WAF on AWS (`npm start` sets it; tests that need it too). */
  publicRateLimit?: RateLimit;
  /** `oauth`: the pages sign in as on AWS (authorization code + PKCE against the managed login's stand-in, infra/local/oauth.ts); default: the local officer picker. */
  signIn?: 'local' | 'oauth';
  /**
   * Run the outbox's poller (the table stream's stand-in, infra/local/outbox.ts): `npm start` and
   * the sync's tests do; other tests do not, so that its reads never take the DynamoDB faults they
   * inject nor add items to the partitions they count (runtime.outbox.once() runs one pass).
   */
  outbox?: boolean;
}

export interface LocalRuntime {
  apiUrl: string;
  mailboxUrl: string;
  stepFunctionsUrl: string;
  dynamoDbUrl: string;
  clock: LocalClock;
  stepFunctions: LocalStepFunctions;
  /** The local token issuer (tests sign expired tokens with it). */
  issuer: LocalIssuer;
  /** Fault injection in front of DynamoDB and SES (local only). */
  faults: { dynamodb: FaultyProxy; ses: FaultyProxy };
  /** The local SQS endpoint (the email queue). */
  sqs: LocalSqs;
  /** The documents bucket on s3rver, and the malware-scan stand-in. */
  documents: LocalDocuments;
  /** The national sign-in's stand-in (/_local/oidc): its issuer, the portal's client id and redirect URI. */
  oidc: LocalOidc;
  /** The national portal's stand-in (/_local/dvcqg) and the outbox's poller feeding it. */
  dvcqg: LocalDvcqg;
  outbox: LocalOutboxPoller;
  /** The aggregates' table stream stand-in (infra/local/table-stream.ts): `paused` during a bulk load. */
  aggregates: ReturnType<typeof tableStream>;
  seeded: boolean;
  resumed: string[];
  /**
   * Nothing left to do at the clock's current time: no function running, no execution inside a
   * task or before a retry (each waits for a token or a time to come), no message in the work
   * queues (visible, in flight or delayed), no SES event being delivered, no clock timer due.
   * Tests wait for it before asserting that something did not happen (test/support/local.ts).
   */
  settled(): boolean;
  stop(): Promise<void>;
}

const listenDynalite = (server: Server, port = 0) =>
  new Promise<number>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
  });

/** Resume: a fresh execution for every open dossier; it reads where the dossier stands and goes on. */
export async function resumeOpenDossiers(): Promise<string[]> {
  const open = await queryOpen();
  const codes = open.map((i) => String(i.code));
  const resumed: string[] = [];
  for (const code of codes) if ((await resumeDossier(code)) === 'resumed') resumed.push(code);
  return resumed;
}

/**
 * The whole platform on one machine: dynalite, aws-ses-v2-local, the local Step Functions
 * endpoint running the ASL files, and the local gateway, all sharing one controllable clock.
 */
export async function startLocalRuntime(options: RuntimeOptions = {}): Promise<LocalRuntime> {
  const { dataDir } = options;
  const centreDir = resolve(ROOT, options.centreDir ?? process.env.MOTCUA_CENTRE ?? 'config/hanoi');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const clock = new LocalClock(dataDir ? join(dataDir, 'clock.json') : undefined);
  // While the catalogue loads, handlers' reads are not facts: the clock may still be set back after it.
  setClockSource(() => clock.now());

  const db = dynalite({ path: dataDir ? join(dataDir, 'dynamodb') : undefined, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  // the table stream's stand-in for the aggregates, right in front of dynalite: every writer passes it
  const dynaliteUrl = `http://127.0.0.1:${await listenDynalite(db)}`;
  // one proxy in front of dynalite: the table stream's stand-in (every write passes it) and the
  // fault injector (only on the functions' address; the runtime's own writes use the direct one)
  const stream = new FaultyProxy(dynaliteUrl);
  const aggregates = tableStream(dynaliteUrl);
  stream.settle = (exchange) => aggregates.settle(exchange);
  const dynamoDbUrl = await stream.listenDirect();
  const ses = options.sesEndpoint ? undefined : await sesServer({ host: '127.0.0.1', port: options.sesPort ?? 0 });
  const mailboxUrl = options.sesEndpoint ?? `http://127.0.0.1:${(ses!.address() as AddressInfo).port}`;
  const faults = { dynamodb: stream, ses: new FaultyProxy(mailboxUrl) };
  const [dynamoDbProxy, sesProxy] = [await faults.dynamodb.listen(), await faults.ses.listen()];

  const documents = await startLocalDocuments(dataDir, { accessKeyId: 'local', secretAccessKey: 'local' });

  const lambdas = new LocalLambdas(ROOT);
  const stepFunctions = new LocalStepFunctions(ROOT, stateMachines, lambdas, clock, options.retryScale ?? 1);
  const stepFunctionsUrl = await stepFunctions.listen(0);
  // SQS: the email queue (journaled in the data folder), drained by an in-process event source mapping
  const sqs = new LocalSqs(dataDir);
  const sqsUrl = await sqs.listen(0);
  const queueEnv: Record<string, string> = {};
  for (const q of queues) {
    sqs.createQueue(`${q.name}-dlq`, { visibilityTimeoutSeconds: 30, retentionSeconds: 14 * 86400 });
    queueEnv[q.urlEnv] = sqs.createQueue(q.name, {
      visibilityTimeoutSeconds: q.visibilityTimeoutSeconds,
      maxReceiveCount: q.maxReceiveCount,
      deadLetterQueue: `${q.name}-dlq`,
      retentionSeconds: q.retentionDays * 86400,
    });
  }
  const mappings = queues.map((q) => new LocalEventSourceMapping(sqs, q, lambdas));
  // SES's events through the configuration set, produced on the stand-in's path (simulator addresses)
  const sesEvents = new LocalSesEvents(lambdas, 'record-delivery', () => clock.now());
  faults.ses.observe = (exchange) => sesEvents.observe(exchange);

  Object.assign(process.env, {
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoDbProxy,
    AWS_ENDPOINT_URL_SFN: stepFunctionsUrl,
    AWS_ENDPOINT_URL_SESV2: sesProxy,
    AWS_ENDPOINT_URL_SQS: sqsUrl,
    ...queueEnv,
    EMAIL_SENDERS: String(queues[0]?.maxConcurrency ?? 1),
    EMAIL_RETRY_SCALE: String(options.retryScale ?? 1),
    AWS_ENDPOINT_URL_S3: documents.endpoint,
    DOCUMENTS_BUCKET: documents.bucket,
    TABLE_NAME: TABLE,
    STATE_MACHINE_ARN: stateMachineArn('dossier'),
    SENDER_EMAIL: process.env.SENDER_EMAIL ?? 'motcua@localhost',
    POWERTOOLS_SERVICE_NAME: 'motcua',
    CENTRE_PROFILE: JSON.stringify(functionsProfile(readCentreProfile(centreDir))),
    MOTCUA_CENTRE_DIR: centreDir,
    // the payment hub's shared secret (on AWS: Secrets Manager); its address is set once the gateway listens
    PAYHUB_SECRET_NAME: LOCAL_PAYHUB_SECRET_NAME,
  });
  resetClients();
  forgetCalendar();
  forgetClients();

  const client = new DynamoDBClient({ endpoint: dynamoDbUrl });
  await ensureTable(client, TABLE);
  const seeded = options.seed === false ? false : await seedIfEmpty(centreDir);
  setClockSource(() => clock.read());

  const port = options.port ?? 0;
  const issuer = await LocalIssuer.create(`http://127.0.0.1:${port}/_local/issuer`, dataDir ? join(dataDir, 'issuer-key.json') : undefined);
  const gateway = new LocalGateway(lambdas, issuer, clock, faults, options.publicRateLimit && new TokenBuckets(options.publicRateLimit));
  const settled = () => {
    if (lambdas.inFlight > 0 || sesEvents.busy > 0 || clock.due() > 0 || !stepFunctions.idle()) return false;
    return queues.every((q) => {
      const a = sqs.queue(q.name)!.attributes();
      return a.ApproximateNumberOfMessages === '0' && a.ApproximateNumberOfMessagesNotVisible === '0' && a.ApproximateNumberOfMessagesDelayed === '0';
    });
  };
  gateway.settled = settled;
  const apiUrl = await gateway.listen(port);
  if (options.signIn === 'oauth') {
    gateway.oauth = new LocalOAuth(issuer, () => apiUrl, () => [
      { sub: 'desk-1', groups: ['desk'], label: 'Cán bộ bộ phận một cửa · Desk officer' },
      { sub: 'operator-1', groups: ['operator'], label: 'Cán bộ vận hành · Operator' },
      ...(centreCatalogue().profile.branches ?? []).map((b) => ({ sub: `desk-${b.code.toLowerCase()}`, groups: ['desk', `branch-${b.code}`], label: `Cán bộ một cửa, ${b.name.vi} · Desk officer, ${b.name.en}` })),
      ...centreCatalogue().agencies.filter((a) => a.kind !== 'desk').map((a) => ({ sub: `officer-${a.code.toLowerCase()}`, groups: [`agency-${a.code}`], label: `Cán bộ ${a.name.vi} · ${a.name.en} officer` })),
    ]);
  }
  // The payment hub's stand-in (infra/local/payhub.ts), on the gateway's address.
  const payhubSecret = randomBytes(32).toString('hex');
  gateway.payhub = new LocalPayHub(payhubSecret, () => apiUrl, () => clock.now());
  process.env.PAYHUB_URL = `${apiUrl}/_local/payhub`;
  // The national sign-in's stand-in on this gateway (/_local/oidc): the centre's citizenSignIn
  // points at it, and its client secret is the public function's (commons/secrets.ts, LOCAL_SECRETS).
  const oidc = await LocalOidc.create(apiUrl);
  gateway.oidc = oidc;
  // The national portal's stand-in on this gateway: the centre's mapping (national-portal.json)
  // with the adapter's URL and account pointed at it; the outbox's poller feeds it.
  const dvcqg = new LocalDvcqg('LOCAL', () => apiUrl, () => new Date(clock.now()));
  gateway.dvcqg = dvcqg;
  process.env.LOCAL_SECRETS = JSON.stringify({
    [LOCAL_CITIZEN_SECRET_NAME]: oidc.clientSecret,
    [LOCAL_DVCQG_SECRET_NAME]: JSON.stringify(LOCAL_DVCQG_ACCOUNT),
    [LOCAL_PAYHUB_SECRET_NAME]: payhubSecret,
  });
  const portalFile = join(centreDir, 'national-portal.json');
  const portal = existsSync(portalFile) ? NationalPortalConfig.parse(JSON.parse(readFileSync(portalFile, 'utf8'))) : { centreUnit: 'LOCAL', procedures: {}, units: {} };
  // NATIONAL_PORTAL_URL: a stand-in that runs elsewhere (test/e2e/portal-sigkill.test.ts keeps its own, so it outlives a killed runtime)
  process.env.NATIONAL_PORTAL = JSON.stringify({ ...portal, url: process.env.NATIONAL_PORTAL_URL || `${apiUrl}${DVCQG_PATH}`, secretName: LOCAL_DVCQG_SECRET_NAME, dstcode: dvcqg.dstcode });
  process.env.OUTBOX_RETRY_SCALE ??= String(options.retryScale ?? 1);
  // agencies' webhook receivers may listen on this machine's loopback (never on AWS: commons/webhooks.ts)
  process.env.WEBHOOK_ALLOW_LOOPBACK = '1';
  forgetPortalSession();
  const outbox = new LocalOutboxPoller();
  const citizenSignIn = { issuer: oidc.issuer, clientId: oidc.clientId, clientSecretName: LOCAL_CITIZEN_SECRET_NAME, scope: 'openid', acrValues: 'LoA1' };
  // The letters' links lead to this gateway's citizen pages (/c/<code>) unless MOTCUA_PORTAL_URL says otherwise.
  process.env.CENTRE_PROFILE = JSON.stringify({ ...JSON.parse(process.env.CENTRE_PROFILE!), portalUrl: process.env.MOTCUA_PORTAL_URL || apiUrl, citizenSignIn });
  const resumed = options.resume === false ? [] : await resumeOpenDossiers();
  for (const m of mappings) m.start();
  if (options.outbox) outbox.start();

  return {
    apiUrl,
    mailboxUrl,
    stepFunctionsUrl,
    dynamoDbUrl,
    clock,
    stepFunctions,
    faults,
    sqs,
    documents,
    oidc,
    dvcqg,
    outbox,
    /** The aggregates' table stream stand-in (infra/local/table-stream.ts): `paused` during a bulk load. */
    aggregates,
    issuer,
    seeded,
    resumed,
    settled,
    async stop() {
      await outbox.stop();
      for (const m of mappings) await m.stop();
      await sesEvents.drain();
      await gateway.close();
      await sqs.close();
      await stepFunctions.close();
      clock.stop();
      await stream.close(); // faults.dynamodb: the same proxy
      await faults.ses.close();
      await documents.stop();
      if (ses) {
        await new Promise<void>((ok) => ses.close(() => ok()));
        ses.closeAllConnections?.();
      }
      await new Promise<void>((ok) => db.close(() => ok()));
      client.destroy();
      resetClients();
    },
  };
}
