import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/**
 * AWS Signature Version 4 (AWS's documented algorithm): a JSON POST for commons/secrets.ts
 * (Secrets Manager) and commons/aws-json.ts (DynamoDB, SQS, Step Functions, Cognito); any method,
 * path and query for S3 (commons/aws/s3.ts), and S3's query-signed URLs and POST policies
 * (commons/aws/s3-request-presigner.ts, s3-presigned-post.ts). Compared with the SDK's signer
 * (@smithy/signature-v4) in secrets.test.ts, aws-json.test.ts and aws/s3.test.ts.
 */
export const sha256hex = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** `20261207T225418Z`: the signing time as SigV4 writes it. */
export const amzDate = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** `20261207/ap-southeast-1/s3/aws4_request`: a signature's scope (`day`: the amzDate's first 8 characters). */
export const credentialScope = (day: string, region: string, service: string) => `${day}/${region}/${service}/aws4_request`;

/**
 * The key of a day, region and service (derived from the secret, never the secret itself), kept
 * for the day as the SDK's signer keeps it, as a KeyObject: Node's createHmac with a Buffer key
 * spends ≈ 45 µs a call working out the key's type (8 µs with a KeyObject, measured on Node 24
 * here); four such HMACs and a fifth for the signature were ≈ 6 % of the CPU the local runtime
 * spent on an intake (--cpu-prof).
 */
const keys = new Map<string, { secret: string; key: KeyObject }>();
export function signingKey(secret: string, day: string, region: string, service: string): KeyObject {
  const id = `${day}/${region}/${service}`;
  const kept = keys.get(id);
  if (kept?.secret === secret) return kept.key;
  const key = createSecretKey(hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request'));
  if (keys.size >= 32) keys.clear(); // a few services a day: a bound, not an eviction policy
  keys.set(id, { secret, key });
  return key;
}

/** HMAC-SHA256 of `text` with a signing key, hex: the signature. */
export const signatureOf = (key: KeyObject, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex');

/** RFC 3986 percent-encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export const uriEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A header's value as signed (and sent): line breaks and runs of spaces as one space, no space at either end. */
export const headerValue = (v: string) => v.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');

/** The canonical query string: names and values encoded, sorted by name then value. */
export function canonicalQuery(query: [string, string][]): string {
  return query
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export interface SignedRequest {
  method: string;
  /** `host[:port]`, signed as the `host` header. */
  host: string;
  /** The path as sent, already encoded (S3: not encoded twice). */
  path: string;
  query?: [string, string][];
  headers: Record<string, string>;
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  payloadHash: string;
}

/** The canonical request's lines, the string to sign's scope and the signature. */
export function signature(req: SignedRequest, names: string[], all: Record<string, string>, credentials: Credentials, region: string, service: string, at: Date) {
  const stamp = amzDate(at);
  const day = stamp.slice(0, 8);
  const canonical = [req.method, req.path || '/', canonicalQuery(req.query ?? []), ...names.map((n) => `${n}:${all[n]}`), '', names.join(';'), req.payloadHash].join('\n');
  const scope = credentialScope(day, region, service);
  const toSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256hex(canonical)].join('\n');
  return { scope, signature: signatureOf(signingKey(credentials.secretAccessKey, day, region, service), toSign) };
}

/** The headers of a request signed in its Authorization header (all of them but host, which the transport sends). */
export function signRequest(req: SignedRequest, credentials: Credentials, region: string, service: string, at: Date): Record<string, string> {
  const all: Record<string, string> = {
    ...Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), headerValue(v)])),
    host: req.host,
    // S3 requires it; the SDK's signer sends it to every service (kept so the two sign alike)
    'x-amz-content-sha256': req.payloadHash,
    'x-amz-date': amzDate(at),
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const names = Object.keys(all).sort();
  const { scope, signature: sig } = signature(req, names, all, credentials, region, service, at);
  const { host: _host, ...rest } = all;
  return { ...rest, authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${sig}` };
}

/** The SigV4 headers of a POST of `body` to `url` (the JSON services and Secrets Manager). */
export function signedHeaders(url: URL, body: string, headers: Record<string, string>, credentials: Credentials, region: string, service: string, at: Date): Record<string, string> {
  return signRequest({ method: 'POST', host: url.host, path: url.pathname || '/', headers, payloadHash: sha256hex(body) }, credentials, region, service, at);
}
