import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for a JSON POST (AWS's documented algorithm): used by commons/secrets.ts
 * (Secrets Manager) and commons/aws-json.ts (DynamoDB, SQS, Step Functions, Cognito); compared
 * with the SDK's signer (@smithy/signature-v4) in secrets.test.ts and aws-json.test.ts.
 */
const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

/** The SigV4 headers of a POST of `body` to `url`: AWS's documented algorithm. */
export function signedHeaders(
  url: URL,
  body: string,
  headers: Record<string, string>,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  region: string,
  service: string,
  at: Date,
): Record<string, string> {
  const amzDate = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const all: Record<string, string> = {
    ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host: url.host,
    // as the SDK's signer sends it (optional outside S3; kept so the two sign alike)
    'x-amz-content-sha256': sha256hex(body),
    'x-amz-date': amzDate,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const names = Object.keys(all).sort();
  const canonical = ['POST', url.pathname || '/', '', ...names.map((n) => `${n}:${all[n]}`), '', names.join(';'), sha256hex(body)].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  const { host: _host, ...rest } = all;
  return { ...rest, authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` };
}

