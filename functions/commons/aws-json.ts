import type * as NodeHttp from 'node:http';
import type * as NodeHttps from 'node:https';
import type { Command, Handler, MetadataBearer, MiddlewareStack } from '@smithy/types';
import { signedHeaders } from './sigv4';

/**
 * AWS calls without the SDK's generic machinery (issue 18, bundles): DynamoDB, SQS, Step Functions
 * and Cognito speak JSON over one SigV4-signed POST (`X-Amz-Target: <prefix>.<Operation>`,
 * `application/x-amz-json-1.0/1.1`). This module is that POST, with what the SDK adds around it
 * that the code relies on:
 * - the same surface: `client.send(new XxxCommand(input))`, commands are classes with `.input`
 *   (aws-sdk-client-mock stubs `send` on any such client's prototype);
 * - errors named as the service names them (`__type` / `x-amzn-errortype`), the body's fields on
 *   them (`Item`, `CancellationReasons`), `$fault` and `$metadata.httpStatusCode`;
 * - the standard retry mode: 3 attempts, jittered exponential backoff (base 100 ms, 500 ms for
 *   throttling, at most 20 s) on throttling, 5xx/429, and network errors;
 * - keep-alive connections; region from AWS_REGION; the endpoint from the client's option or
 *   AWS_ENDPOINT_URL_<SERVICE>; credentials from AWS_ACCESS_KEY_ID / _SECRET_ACCESS_KEY /
 *   _SESSION_TOKEN (what Lambda gives a function; infra/bundling/credentials-from-env.ts).
 * Signing is commons/sigv4.ts (as commons/secrets.ts signs), compared with @smithy/signature-v4 in the test.
 * S3 (REST-XML, commons/aws/s3/client.ts) shares the exchange, the credentials, the region and the retries.
 * A command's IAM action is in its module (`action = '<service>:<Action>'`):
 * test/support/bundle-calls.ts reads it from the command modules a bundle keeps.
 */

export interface ServiceSpec {
  /** The X-Amz-Target prefix: `DynamoDB_20120810`. */
  target: string;
  /** `1.0` or `1.1`. */
  json: '1.0' | '1.1';
  /** SigV4 signing name and endpoint prefix: `dynamodb`, `states`, `sqs`, `cognito-idp`. */
  signingName: string;
  /** The `AWS_ENDPOINT_URL_<SERVICE>` suffix: `DYNAMODB`, `SFN`, `SQS`, `COGNITO_IDENTITY_PROVIDER`. */
  envName: string;
  /** Headers the SDK sends besides the target (SQS: `x-amzn-query-mode`). */
  headers?: Record<string, string>;
  /** Error classes by name (e.g. ConditionalCheckFailedException), for `instanceof`. */
  errors?: Record<string, new (message: string) => ServiceException>;
}

export interface ClientConfig {
  endpoint?: string;
  region?: string;
  maxAttempts?: number;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

/** An error the service answered (or a network error after the last attempt). */
export class ServiceException extends Error {
  $fault: 'client' | 'server' = 'client';
  $metadata: ResponseMetadata = {};
  [key: string]: unknown;
  /** A message, or (as the SDK's exceptions are built) `{ message, $metadata, ...fields }`. */
  constructor(options: string | { message?: string; $metadata?: ResponseMetadata; [key: string]: unknown }) {
    super(typeof options === 'string' ? options : options.message);
    if (typeof options !== 'string') Object.assign(this, options);
    this.name = new.target.name;
  }
}

/**
 * A command: its input, the operation it sends and its IAM action. The `declare`d members exist
 * for the types only (aws-sdk-client-mock's and @smithy/types' Command), never at run time.
 */
export abstract class JsonCommand<I extends object, O extends MetadataBearer> {
  declare readonly middlewareStack: MiddlewareStack<I, O>;
  declare resolveMiddleware: (stack: any, configuration: any, options: any) => Handler<I, O>;
  /** `<service>:<Action>`, read by test/support/bundle-calls.ts. */
  abstract readonly action: string;
  /** The operation named in X-Amz-Target. */
  abstract readonly operation: string;
  constructor(readonly input: I) {}
}

type Middleware = (next: (args: { input: object }) => Promise<{ output: any }>) => (args: { input: object }) => Promise<{ output: any }>;

/** The SDK's `middlewareStack.add(fn, options)`, for the one use left: bench/volume/run.ts counts reads. */
export class LiteStack {
  private readonly list: Middleware[] = [];
  add(middleware: Middleware, _options?: unknown): void {
    this.list.push(middleware);
  }
  run(input: object, last: (input: object) => Promise<any>): Promise<any> {
    let next = async (args: { input: object }) => ({ output: await last(args.input) });
    for (const m of [...this.list].reverse()) next = m(next);
    return next({ input }).then((r) => r.output);
  }
}

const THROTTLING = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);
const TRANSIENT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/** Whether the SDK's standard retry strategy retries this error, and with which base delay. */
export function retryBase(error: ServiceException & { code?: string }): number | undefined {
  if (THROTTLING.has(error.name) || error.$metadata?.httpStatusCode === 429) return 500;
  if (TRANSIENT.has(error.name) || NETWORK.has(String(error.code ?? '')) || TRANSIENT_STATUS.has(error.$metadata?.httpStatusCode ?? 0)) return 100;
  return undefined;
}

/**
 * node:http and node:https loaded at the first call, not at import: an ESM import of node:http
 * reads every export, and its lazy WebSocket/EventSource getters load undici (≈ 20 ms of a cold
 * start measured with --cpu-prof on the workflow's bundle). Plain http is only ever the local
 * stand-ins.
 */
const transports = new Map<string, { request: typeof NodeHttp.request; agent: NodeHttp.Agent }>();
function transport(protocol: 'http:' | 'https:') {
  let t = transports.get(protocol);
  if (!t) {
    const m = process.getBuiltinModule(protocol === 'https:' ? 'node:https' : 'node:http') as typeof NodeHttps;
    t = { request: m.request, agent: new m.Agent({ keepAlive: true, maxSockets: 50 }) };
    transports.set(protocol, t);
  }
  return t;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An answer as bytes (S3's objects). */
export interface BinaryResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP exchange on the kept-alive connections: `path` is sent as given (already encoded). */
export function exchange(url: { protocol: string; hostname: string; port: string }, method: string, path: string, headers: Record<string, string>, body?: Uint8Array | string): Promise<BinaryResponse> {
  const t = transport(url.protocol === 'https:' ? 'https:' : 'http:');
  return new Promise((resolve, reject) => {
    const req = t.request(
      { protocol: url.protocol, hostname: url.hostname, port: url.port, method, path, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: t.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function post(url: URL, headers: Record<string, string>, body: string): Promise<RawResponse> {
  const res = await exchange(url, 'POST', `${url.pathname}${url.search}`, headers, body);
  return { ...res, body: res.body.toString('utf8') };
}

/** Credentials from the client's options, else the environment (what Lambda gives a function). */
export function credentialsOf(options: ClientConfig) {
  const credentials = options.credentials ?? {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
    sessionToken: process.env.AWS_SESSION_TOKEN || undefined,
  };
  if (!credentials.accessKeyId || !credentials.secretAccessKey) throw new Error('No AWS credentials in the environment');
  return credentials;
}

/** The region from the client's options, else AWS_REGION. */
export function regionOf(options: ClientConfig): string {
  const region = options.region ?? process.env.AWS_REGION;
  if (!region) throw new Error('AWS_REGION is not set');
  return region;
}

/**
 * `once` tried as the SDK's standard retry mode tries (see retryBase): its answer with
 * `$metadata.attempts` and `totalRetryDelay`, or its last error with them.
 */
export async function withRetries<T extends MetadataBearer>(maxAttempts: number, once: () => Promise<T>): Promise<T> {
  let totalRetryDelay = 0;
  for (let attempt = 1; ; attempt++) {
    let error: ServiceException;
    try {
      const output = await once();
      output.$metadata = { ...output.$metadata, attempts: attempt, totalRetryDelay };
      return output;
    } catch (e) {
      error = e as ServiceException;
      error.$metadata ??= {};
    }
    error.$metadata.attempts = attempt;
    error.$metadata.totalRetryDelay = totalRetryDelay;
    const base = retryBase(error);
    if (base === undefined || attempt >= maxAttempts) throw error;
    const delay = Math.floor(Math.random() * Math.min(20_000, base * 2 ** (attempt - 1)));
    totalRetryDelay += delay;
    await sleep(delay);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The error a non-2xx answer means: named by `__type` (or the x-amzn-errortype header), with the body's fields. */
export function errorOf(spec: ServiceSpec, res: RawResponse): ServiceException {
  let body: Record<string, unknown> = {};
  try {
    body = res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
  } catch {
    // not JSON (a proxy's page): named by the status below
  }
  const header = res.headers['x-amzn-errortype'];
  const type = String(body.__type ?? body.code ?? (Array.isArray(header) ? header[0] : header) ?? '');
  const name = type.split('#').pop()!.split(':')[0]! || (res.status >= 500 ? 'UnknownError' : `Http${res.status}Error`);
  const message = String(body.message ?? body.Message ?? body.errorMessage ?? name);
  const Known = spec.errors?.[name];
  const error = Known ? new Known(message) : new ServiceException(message);
  const { __type: _type, message: _m, Message: _M, code: _c, ...fields } = body;
  Object.assign(error, fields);
  error.name = name;
  error.$fault = res.status >= 500 ? 'server' : 'client';
  error.$metadata = { httpStatusCode: res.status, requestId: String(res.headers['x-amzn-requestid'] ?? '') || undefined };
  return error;
}

/**
 * A JSON-protocol client of one AWS service. `config` and `middlewareStack` are typed as the SDK
 * client's (aws-sdk-client-mock's `mockClient` and the bench's read counter see the same types);
 * at run time `middlewareStack` is a LiteStack and `config` the options given.
 */
export class JsonClient<I extends object = any, O extends MetadataBearer = any, C = unknown> {
  declare readonly config: C;
  declare readonly middlewareStack: MiddlewareStack<I, O>;
  protected readonly stack = new LiteStack();
  constructor(
    private readonly spec: ServiceSpec,
    readonly options: ClientConfig = {},
  ) {
    Object.assign(this, { middlewareStack: this.stack, config: options });
  }

  destroy(): void {}

  /** The service's answer to a command, or its error. */
  send<In extends I, Out extends O>(command: Command<I, In, O, Out, any>): Promise<Out> {
    const operation = (command as unknown as JsonCommand<In, Out>).operation;
    if (!operation) throw new TypeError(`${command.constructor.name} is not a command of functions/commons/aws (an @aws-sdk command?): run scripts/codemod-lite-aws.ts`);
    return this.stack.run(command.input, (input) => this.call(operation, input));
  }

  /** POST `input` as `<target>.<operation>`; the parsed answer with `$metadata`. */
  async call(operation: string, input: object): Promise<Record<string, unknown> & MetadataBearer> {
    const region = regionOf(this.options);
    const credentials = credentialsOf(this.options);
    const spec = this.spec;
    const url = new URL(this.options.endpoint || process.env[`AWS_ENDPOINT_URL_${spec.envName}`] || `https://${spec.signingName}.${region}.amazonaws.com/`);
    const body = JSON.stringify(input);
    return withRetries(this.options.maxAttempts ?? 3, async () => {
      const headers = signedHeaders(
        url,
        body,
        { 'content-type': `application/x-amz-json-${spec.json}`, 'x-amz-target': `${spec.target}.${operation}`, ...spec.headers },
        credentials,
        region,
        spec.signingName,
        new Date(),
      );
      let res: RawResponse;
      try {
        res = await post(url, headers, body);
      } catch (e) {
        throw Object.assign(e as ServiceException, { $metadata: {} });
      }
      if (res.status < 200 || res.status >= 300) throw errorOf(spec, res);
      const output = (res.body ? JSON.parse(res.body) : {}) as Record<string, unknown> & MetadataBearer;
      output.$metadata = { httpStatusCode: res.status, requestId: String(res.headers['x-amzn-requestid'] ?? '') || undefined };
      return output;
    });
  }
}
