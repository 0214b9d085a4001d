import { amzDate, canonicalQuery, credentialScope, headerValue, signature } from '../sigv4';
import { credentialsOf, regionOf } from '../aws-json';
import type { S3Client, S3Command } from './s3/client';

/**
 * A query-signed URL for a command (the code presigns GetObject for a download), as
 * @aws-sdk/s3-request-presigner makes it: the command's query and its x-amz-* headers in the
 * query, X-Amz-Expires, `UNSIGNED-PAYLOAD`, only `host` signed. The command module is in the
 * bundle, so its action (s3:GetObject) is read from it. Compared with the SDK's URL for a fixed
 * clock and credentials in aws/s3.test.ts.
 */
export async function getSignedUrl(client: S3Client, command: S3Command<any, any>, options: { expiresIn?: number } = {}): Promise<string> {
  const now = new Date();
  const stamp = amzDate(now);
  const day = stamp.slice(0, 8);
  const region = regionOf(client.options);
  const credentials = credentialsOf(client.options);
  const r = command.request(command.input);
  const where = client.locate(command.input.Bucket, r.key);
  const signed: Record<string, string> = { host: where.host };
  const query: [string, string][] = [
    ...(r.query ?? []),
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD'],
    ['X-Amz-Credential', `${credentials.accessKeyId}/${credentialScope(day, region, 's3')}`],
    ['X-Amz-Date', stamp],
    ['X-Amz-Expires', String(options.expiresIn ?? 900)],
    ...(credentials.sessionToken ? ([['X-Amz-Security-Token', credentials.sessionToken]] as [string, string][]) : []),
  ];
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    if (v === undefined) continue;
    if (k.startsWith('x-amz-')) query.push([k, v]);
    else signed[k] = headerValue(v);
  }
  const names = Object.keys(signed).sort();
  query.push(['X-Amz-SignedHeaders', names.join(';')]);
  const { signature: sig } = signature({ method: r.method, host: where.host, path: where.path, query, headers: {}, payloadHash: 'UNSIGNED-PAYLOAD' }, names, signed, credentials, region, 's3', now);
  return `${where.protocol}//${where.host}${where.path}?${canonicalQuery([...query, ['X-Amz-Signature', sig]])}`;
}
