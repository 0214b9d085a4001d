import type * as NodeHttp from 'node:http';
import type * as NodeHttps from 'node:https';
import type { Command, Handler, MetadataBearer, MiddlewareStack } from '@smithy/types';
import { signedHeaders } from './sigv4';

/**
 * AWS calls without the SDK's generic machinery (issue 18, bundles): DynamoDB, SQS, Step Functions
 * and Cognito speak JSON over one SigV4-signed POST (`X-Amz-Target: <prefix>.<Operation>`,
 * `application/x-amz-json-1.0/1.1`); SES v2 speaks REST-JSON, and the one call we make of it
 * (SendEmail) is also a POST of JSON, to the command's path (`/v2/email/outbound-emails`), its
 * blobs (an attachment's RawContent) in base64 as the SDK writes them. This module is that POST,
 * with what the SDK adds around it that the code relies on:
 * - the same surface: `client.send(new XxxCommand(input))`, commands are classes with `.input`
 *   (aws-sdk-client-mock stubs `send` on any such client's prototype);
 * - errors named as the service names them (`__type` / `x-amzn-errortype`), the body's fields on
 *   them (`Item`, `CancellationReasons`), `$fault` and `$metadata.httpStatusCode`;
 * - the standard retry mode: 3 attempts, jittered exponential backoff (base 100 ms, 500 ms for
 *   throttling, at most 20 s) on throttling, 5xx/429, and network errors;
 * - `send(command, { abortSignal })`: an aborted call rejects with the SDK's `AbortError` (no
 *   `$metadata.httpStatusCode`: no answer) and is not retried;
 * - keep-alive connections; region from AWS_REGION; the endpoint from the client's option or
 *   AWS_ENDPOINT_URL_<SERVICE>; credentials from AWS_ACCESS_KEY_ID / _SECRET_ACCESS_KEY /
 *   _SESSION_TOKEN (what Lambda gives a function; infra/bundling/credentials-from-env.ts).
 * Signing is commons/sigv4.ts (as commons/secrets.ts signs), compared with @smithy/signature-v4 in the test.
 * S3 (REST-XML, commons/aws/s3/client.ts) shares the exchange, the credentials, the region and the retries.
 * A command's IAM action is in its module (`action = '<service>:<Action>'`):
 * test/support/bundle-calls.ts reads it from the command modules a bundle keeps.
 */

export interface ServiceSpec {
  /** The X-Amz-Target prefix: `DynamoDB_20120810`. None for a REST-JSON service (its commands name their path). */
  target?: string;
  /**
   * `1.0` or `1.1` (`application/x-amz-json-1.x`, `X-Amz-Target`, POST to `/`); `rest` for REST-JSON
   * (SES v2: `application/json`, POST to the command's `path`, blobs in base64, errors named by
   * the `x-amzn-errortype` header first, as the SDK's REST-JSON protocol reads them).
   */
  json: '1.0' | '1.1' | 'rest';
  /** SigV4 signing name and endpoint prefix: `dynamodb`, `states`, `sqs`, `cognito-idp`. */
  signingName: string;
  /** The endpoint's prefix where it is not the signing name: SES v2 signs as `ses` at `email.<region>.amazonaws.com`. */
  endpointPrefix?: string;
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
  /** A REST-JSON command's path (SES v2's `/v2/email/outbound-emails`); a JSON-protocol one POSTs to `/`. */
  declare readonly path?: string;
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
export function exchange(
  url: { protocol: string; hostname: string; port: string },
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Uint8Array | string,
  signal?: AbortSignal,
): Promise<BinaryResponse> {
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
    if (signal) {
      // the answer may never come: the request is given up (and its socket closed), as the SDK's handler does
      const onAbort = () => {
        reject(abortError(signal));
        req.destroy();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      req.once('close', () => signal.removeEventListener('abort', onAbort));
    }
    req.end(body);
  });
}

/** The options `send` takes (the SDK's HttpHandlerOptions, of which the code passes `abortSignal`). */
export interface SendOptions {
  abortSignal?: AbortSignal;
}

/**
 * The error an aborted call rejects with, as the SDK's node-http-handler builds it: `AbortError`,
 * the signal's reason as its cause (AbortSignal.timeout's `TimeoutError`). The SDK's retry strategy
 * does not retry it (its isTransientError excludes the name), nor does ours: retryBase knows no such name.
 */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return Object.assign(new Error('Request aborted'), { name: 'AbortError', cause: reason });
  return Object.assign(new Error(reason ? String(reason) : 'Request aborted'), { name: 'AbortError' });
}

async function post(url: URL, headers: Record<string, string>, body: string, signal?: AbortSignal): Promise<RawResponse> {
  const res = await exchange(url, 'POST', `${url.pathname}${url.search}`, headers, body, signal);
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
export async function withRetries<T extends MetadataBearer>(maxAttempts: number, once: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  let totalRetryDelay = 0;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortError(signal);
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
    // aborted: this attempt's error as it is (an AbortError when the abort cut it short), as the SDK's retry middleware throws it
    if (base === undefined || attempt >= maxAttempts || signal?.aborted) throw error;
    const delay = Math.floor(Math.random() * Math.min(20_000, base * 2 ** (attempt - 1)));
    totalRetryDelay += delay;
    await pause(delay, signal);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A backoff that ends early, with the SDK's AbortError, when the call is aborted. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return sleep(ms);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** JSON.stringify's replacer for REST-JSON bodies: a blob (Uint8Array, Buffer) as base64, as the SDK serialises one. */
function blobsAsBase64(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : value;
}

/** The error a non-2xx answer means: named by `__type` (or the x-amzn-errortype header), with the body's fields. */
export function errorOf(spec: ServiceSpec, res: RawResponse): ServiceException {
  let body: Record<string, unknown> = {};
  try {
    body = res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
  } catch {
    // not JSON (a proxy's page): named by the status below
  }
  const header = res.headers['x-amzn-errortype'];
  const headerType = Array.isArray(header) ? header[0] : header;
  // the SDK's order: the body's __type first for the JSON protocols, the header first for REST-JSON
  const type = String((spec.json === 'rest' ? (headerType ?? body.code ?? body.__type) : (body.__type ?? body.code ?? headerType)) ?? '');
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

  /** The service's answer to a command, or its error; `abortSignal` gives the call up (SES's timeout). */
  // (the callback form is in the type only so that aws-sdk-client-mock sees the SDK's `send`; none of our code uses it)
  send<In extends I, Out extends O>(command: Command<I, In, O, Out, any>, options?: SendOptions | ((err: unknown, data?: Out) => void)): Promise<Out> {
    const { operation, path } = command as unknown as JsonCommand<In, Out>;
    if (!operation) throw new TypeError(`${command.constructor.name} is not a command of functions/commons/aws (an @aws-sdk command?): run scripts/codemod-lite-aws.ts`);
    if (typeof options === 'function') throw new TypeError('send(command, callback) is not supported: await send(command)');
    return this.stack.run(command.input, (input) => this.call(operation, input, { path, abortSignal: options?.abortSignal }));
  }

  /** POST `input` as `<target>.<operation>` (REST-JSON: to `path`); the parsed answer with `$metadata`. */
  async call(operation: string, input: object, options: { path?: string; abortSignal?: AbortSignal } = {}): Promise<Record<string, unknown> & MetadataBearer> {
    const region = regionOf(this.options);
    const credentials = credentialsOf(this.options);
    const spec = this.spec;
    const rest = spec.json === 'rest';
    const signal = options.abortSignal;
    const base = new URL(this.options.endpoint || process.env[`AWS_ENDPOINT_URL_${spec.envName}`] || `https://${spec.endpointPrefix ?? spec.signingName}.${region}.amazonaws.com/`);
    // REST-JSON: the command's path after the endpoint's own (if any), as the SDK joins them
    const url = rest ? new URL(base.pathname.replace(/\/+$/, '') + (options.path ?? '/'), base) : base;
    const body = rest ? JSON.stringify(input, blobsAsBase64) : JSON.stringify(input);
    const contentHeaders: Record<string, string> = rest
      ? { 'content-type': 'application/json', ...spec.headers }
      : { 'content-type': `application/x-amz-json-${spec.json}`, 'x-amz-target': `${spec.target}.${operation}`, ...spec.headers };
    return withRetries(this.options.maxAttempts ?? 3, async () => {
      const headers = signedHeaders(url, body, contentHeaders, credentials, region, spec.signingName, new Date());
      let res: RawResponse;
      try {
        res = await post(url, headers, body, signal);
      } catch (e) {
        throw Object.assign(e as ServiceException, { $metadata: {} });
      }
      if (res.status < 200 || res.status >= 300) throw errorOf(spec, res);
      const output = (res.body ? JSON.parse(res.body) : {}) as Record<string, unknown> & MetadataBearer;
      output.$metadata = { httpStatusCode: res.status, requestId: String(res.headers['x-amzn-requestid'] ?? '') || undefined };
      return output;
    }, signal);
  }
}
