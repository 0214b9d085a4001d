import { createHash } from 'node:crypto';
import type { S3ClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-s3';
import type { Command, Handler, MetadataBearer, MiddlewareStack } from '@smithy/types';
import { type BinaryResponse, type ClientConfig, credentialsOf, exchange, LiteStack, regionOf, ServiceException, withRetries } from '../../aws-json';
import { canonicalQuery, sha256hex, signRequest, uriEncode } from '../../sigv4';

/**
 * S3 without the SDK's machinery (issue 18, bundles): REST-XML, one SigV4-signed request per
 * command (commons/sigv4.ts; `x-amz-content-sha256`, the canonical URI as sent, not encoded twice),
 * with what the SDK adds around it that the code relies on — the same surface
 * (`client.send(new XxxCommand(input))`, aws-sdk-client-mock stubs it), S3's errors by their
 * `<Error><Code>` (a HEAD has no body: 404 is `NotFound`), `$metadata`, the standard retry mode
 * (commons/aws-json.ts, withRetries), path-style addressing with an endpoint (s3rver), else
 * `https://<bucket>.s3.<region>.amazonaws.com`. Only what functions/ sends: one module per command
 * under aws/s3/, naming its IAM action (test/support/bundle-calls.ts reads it). The SDK is the
 * oracle in aws/s3.test.ts. Bodies are read whole: the documents are a few MB at most.
 */

export interface S3Config extends ClientConfig {
  /** Path-style addressing (`<endpoint>/<bucket>/<key>`): the local stand-in. */
  forcePathStyle?: boolean;
}

/** Where a bucket (and key) is addressed. */
export interface Location {
  protocol: string;
  hostname: string;
  port: string;
  host: string;
  /** `/<key>` or `/<bucket>/<key>`, encoded as sent and signed. */
  path: string;
  /** The base URL of the bucket (for a presigned POST). */
  bucket: string;
}

/** An S3 request: what a command asks. */
export interface S3Request {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  key?: string;
  query?: [string, string][];
  headers?: Record<string, string | undefined>;
  body?: string;
}

/** A command: its input, its request, how its answer reads, and its IAM action. */
export abstract class S3Command<I extends { Bucket?: string }, O extends MetadataBearer> {
  declare readonly middlewareStack: MiddlewareStack<I, O>;
  declare resolveMiddleware: (stack: any, configuration: any, options: any) => Handler<I, O>;
  /** `s3:<Action>`, read by test/support/bundle-calls.ts. */
  abstract readonly action: string;
  constructor(readonly input: I) {}
  abstract request(input: I): S3Request;
  abstract output(res: BinaryResponse): Record<string, unknown>;
}

// ---- a small XML reader: S3's answers are plain elements, text and the five entities ----

export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITY[e] ?? whole),
  );
export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The root element of an XML document (declaration, comments and attributes skipped). */
export function parseXml(xml: string): XmlNode | undefined {
  const root: XmlNode = { name: '', children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([\w:.-]+)[^>]*?(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>/g;
  let at = 0;
  for (const m of xml.matchAll(tag)) {
    const top = stack[stack.length - 1]!;
    top.text += unescapeXml(xml.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[4] !== undefined) top.text += m[4];
    if (!m[2]) continue;
    if (m[1]) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const node: XmlNode = { name: m[2].replace(/^\w+:/, ''), children: [], text: '' };
    top.children.push(node);
    if (!m[3]) stack.push(node);
  }
  return root.children[0];
}

const NUMBER = new Set(['Size', 'KeyCount', 'MaxKeys', 'PartNumber', 'ObjectSize']);
const BOOLEAN = new Set(['IsTruncated', 'IsLatest', 'DeleteMarker', 'Quiet']);
const DATE = new Set(['LastModified', 'Initiated', 'Expiration']);
/** Elements the SDK reads as lists even inside an item (`<ChecksumAlgorithm>` of a listed object). */
const LIST = new Set(['ChecksumAlgorithm']);

/** An element as the SDK's deserialiser reads it: leaves typed by name, `lists` element names gathered. */
export function shapeOf(node: XmlNode, lists: Record<string, string> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of node.children) {
    const listName = Object.entries(lists).find(([, item]) => item === c.name)?.[0];
    const value = c.children.length ? shapeOf(c, lists) : leaf(c.name, c.text);
    if (listName) ((out[listName] ??= []) as unknown[]).push(value);
    else if (LIST.has(c.name)) ((out[c.name] ??= []) as unknown[]).push(value);
    else out[c.name] = value;
  }
  return out;
}

function leaf(name: string, text: string): unknown {
  if (NUMBER.has(name)) return Number(text);
  if (BOOLEAN.has(name)) return text === 'true';
  if (DATE.has(name)) return new Date(text);
  return text;
}

// ---- headers ----

const header = (res: BinaryResponse, name: string) => {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** The headers a GetObject or HeadObject answer carries, as the SDK names them (those present). */
const OBJECT_HEADERS: [string, string, ('n' | 'd' | 'b')?][] = [
  ['accept-ranges', 'AcceptRanges'],
  ['cache-control', 'CacheControl'],
  ['content-disposition', 'ContentDisposition'],
  ['content-encoding', 'ContentEncoding'],
  ['content-language', 'ContentLanguage'],
  ['content-length', 'ContentLength', 'n'],
  ['content-range', 'ContentRange'],
  ['content-type', 'ContentType'],
  ['etag', 'ETag'],
  ['last-modified', 'LastModified', 'd'],
  ['x-amz-checksum-crc32', 'ChecksumCRC32'],
  ['x-amz-checksum-crc32c', 'ChecksumCRC32C'],
  ['x-amz-checksum-crc64nvme', 'ChecksumCRC64NVME'],
  ['x-amz-checksum-sha1', 'ChecksumSHA1'],
  ['x-amz-checksum-sha256', 'ChecksumSHA256'],
  ['x-amz-checksum-type', 'ChecksumType'],
  ['x-amz-delete-marker', 'DeleteMarker', 'b'],
  ['x-amz-expiration', 'Expiration'],
  ['x-amz-server-side-encryption', 'ServerSideEncryption'],
  ['x-amz-storage-class', 'StorageClass'],
  ['x-amz-tagging-count', 'TagCount', 'n'],
  ['x-amz-version-id', 'VersionId'],
];

/** An object's headers as output fields, with `Metadata` from the `x-amz-meta-*` headers. */
export function objectHeaders(res: BinaryResponse): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field, type] of OBJECT_HEADERS) {
    const v = header(res, name);
    if (v === undefined) continue;
    out[field] = type === 'n' ? Number(v) : type === 'd' ? new Date(v) : type === 'b' ? v === 'true' : v;
  }
  out.Metadata = Object.fromEntries(Object.keys(res.headers).filter((k) => k.startsWith('x-amz-meta-')).map((k) => [k.slice('x-amz-meta-'.length), header(res, k)!]));
  return out;
}

/** The `x-amz-version-id` of an answer, when there is one. */
export const versionOf = (res: BinaryResponse) => (header(res, 'x-amz-version-id') === undefined ? {} : { VersionId: header(res, 'x-amz-version-id') });

/** The XML body's root element shaped as the SDK reads it. */
export const xmlOutput = (res: BinaryResponse, lists?: Record<string, string>) => {
  const root = parseXml(res.body.toString('utf8'));
  return root ? shapeOf(root, lists) : {};
};

// ---- the body's checksum, checked as the SDK checks it (x-amz-checksum-mode: ENABLED) ----

/** node:zlib's CRC32, loaded at its first use (as aws-json.ts loads node:http): most bundles never need it. */
const crc32 = (data: string | Uint8Array) => (process.getBuiltinModule('node:zlib') as typeof import('node:zlib')).crc32(data);

/**
 * A whole object's body against the checksum S3 answered with it: SHA-256 or CRC32 (what node
 * computes natively; an object stored with CRC32C or CRC64NVME is not checked). A part's (`-N`)
 * composite checksum or a range is not the object's: not checked, as the SDK does not.
 */
export function checkBody(res: BinaryResponse): void {
  if (res.status !== 200) return;
  const sha = header(res, 'x-amz-checksum-sha256');
  const crc = header(res, 'x-amz-checksum-crc32');
  const [expected, actual, name] = sha
    ? [sha, createHash('sha256').update(res.body).digest('base64'), 'x-amz-checksum-sha256']
    : crc
      ? [crc, crc32Base64(res.body), 'x-amz-checksum-crc32']
      : [];
  if (!expected || /-\d+$/.test(expected)) return;
  if (expected !== actual) throw new Error(`Checksum mismatch: expected "${expected}" but received "${actual}" in response header "${name}".`);
}

/** A CRC32, base64 of its four bytes big-endian, as S3 writes it (a DeleteObjects body's, which S3 requires; a body's to check). */
export const crc32Base64 = (body: string | Uint8Array) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32(body));
  return b.toString('base64');
};

// ---- errors ----

/** S3's error: named by `<Code>` (a bodiless answer: `NotFound` for a 404, else `Unknown`, as the SDK names them), with the body's fields. */
export function s3Error(res: BinaryResponse): ServiceException {
  const root = parseXml(res.body.toString('utf8'));
  const body = root?.name === 'Error' ? (shapeOf(root) as Record<string, string>) : {};
  const name = body.Code || (res.status === 404 ? 'NotFound' : 'Unknown');
  const { Message, ...fields } = body;
  const error = new ServiceException(Message ?? 'UnknownError');
  Object.assign(error, fields);
  error.name = name;
  error.$fault = res.status >= 500 ? 'server' : 'client';
  error.$metadata = metadataOf(res);
  return error;
}

const metadataOf = (res: BinaryResponse) => ({ httpStatusCode: res.status, requestId: header(res, 'x-amz-request-id'), extendedRequestId: header(res, 'x-amz-id-2') });

/** A bucket name that can be a host name's label (otherwise path-style, as the SDK decides). */
const DNS_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** A key as it goes in a path: each character encoded but `/`. */
export const keyPath = (key: string) => key.split('/').map(uriEncode).join('/');

/**
 * S3. `config` and `middlewareStack` are typed as the SDK client's (aws-sdk-client-mock's
 * mockClient sees the same types); at run time `config` is the options given.
 */
export class S3Client {
  declare readonly config: S3ClientResolvedConfig;
  declare readonly middlewareStack: MiddlewareStack<ServiceInputTypes, ServiceOutputTypes>;
  protected readonly stack = new LiteStack();
  constructor(readonly options: S3Config = {}) {
    Object.assign(this, { middlewareStack: this.stack, config: options });
  }

  destroy(): void {}

  /** Where a bucket's key is: path-style with an endpoint (AWS_ENDPOINT_URL_S3 or the option) and forcePathStyle, else virtual-hosted. */
  locate(bucket: string, key?: string): Location {
    const region = regionOf(this.options);
    const endpoint = this.options.endpoint || process.env.AWS_ENDPOINT_URL_S3;
    const base = new URL(endpoint || `https://s3.${region}.amazonaws.com`);
    const pathStyle = Boolean(this.options.forcePathStyle) || !DNS_BUCKET.test(bucket);
    const prefix = base.pathname.replace(/\/$/, '');
    const host = pathStyle ? base.host : `${bucket}.${base.host}`;
    const bucketPath = pathStyle ? `${prefix}/${uriEncode(bucket)}` : prefix;
    const path = key === undefined ? `${bucketPath}/` : `${bucketPath}/${keyPath(key)}`;
    const hostname = pathStyle ? base.hostname : `${bucket}.${base.hostname}`;
    return { protocol: base.protocol, hostname, port: base.port, host, path, bucket: `${base.protocol}//${host}${pathStyle ? bucketPath : '/'}` };
  }

  /** The service's answer to a command, or its error. */
  send<In extends ServiceInputTypes, Out extends ServiceOutputTypes>(command: Command<ServiceInputTypes, In, ServiceOutputTypes, Out, any>): Promise<Out> {
    const c = command as unknown as S3Command<In & { Bucket?: string }, Out>;
    if (typeof c.request !== 'function') throw new TypeError(`${command.constructor.name} is not a command of functions/commons/aws/s3 (an @aws-sdk command?): run scripts/codemod-lite-aws.ts`);
    return this.stack.run(command.input, (input) => this.call(c, input as In & { Bucket?: string }));
  }

  private async call<I extends { Bucket?: string }, O extends MetadataBearer>(command: S3Command<I, O>, input: I): Promise<O> {
    const region = regionOf(this.options);
    const credentials = credentialsOf(this.options);
    const r = command.request(input);
    const where = this.locate(input.Bucket!, r.key);
    const query = r.query ?? [];
    // sent in the canonical order, as the SDK sends it
    const search = query.length ? `?${canonicalQuery(query)}` : '';
    const given = Object.fromEntries(Object.entries(r.headers ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
    if (r.body !== undefined) given['content-length'] = String(Buffer.byteLength(r.body));
    const payloadHash = sha256hex(r.body ?? '');
    return withRetries(this.options.maxAttempts ?? 3, async () => {
      const headers = signRequest({ method: r.method, host: where.host, path: where.path, query, headers: given, payloadHash }, credentials, region, 's3', new Date());
      let res: BinaryResponse;
      try {
        res = await exchange(where, r.method, `${where.path}${search}`, headers, r.body ?? (r.method === 'PUT' ? '' : undefined));
      } catch (e) {
        throw Object.assign(e as ServiceException, { $metadata: {} });
      }
      // a 200 may carry an error (CopyObject's, when S3 fails after it has answered)
      if (res.status < 200 || res.status >= 300 || (r.method === 'PUT' && /^(<\?xml[^>]*>\s*)?<Error>/.test(res.body.toString('utf8', 0, 200)))) throw s3Error(res);
      const output = command.output(res) as unknown as O;
      output.$metadata = metadataOf(res);
      return output;
    });
  }
}
