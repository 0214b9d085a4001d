import { amzDate, credentialScope, signatureOf, signingKey } from '../sigv4';
import { credentialsOf, regionOf } from '../aws-json';
import type { S3Client } from './s3/client';

/**
 * A presigned POST (browser-based upload, S3's POST policy) as @aws-sdk/s3-presigned-post makes
 * it: the fields and conditions given, the SigV4 ones, the key; the policy base64 and its
 * signature (HMAC with the day's signing key). The browser's upload is the function's
 * s3:PutObject (test/support/bundle-calls.ts reads it from this module). Compared with the
 * SDK's for a fixed clock and credentials in aws/s3.test.ts.
 */
export type Condition = Record<string, string> | [string, string, string] | ['content-length-range', number, number] | [string, string | number, string | number];

export interface PresignedPostOptions {
  Bucket: string;
  Key: string;
  Conditions?: Condition[];
  Fields?: Record<string, string>;
  /** Seconds (default 3600). */
  Expires?: number;
}

export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

const iso8601 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function createPresignedPost(client: S3Client, { Bucket, Key, Conditions = [], Fields = {}, Expires = 3600 }: PresignedPostOptions): Promise<PresignedPost> {
  const now = new Date();
  const stamp = amzDate(now);
  const day = stamp.slice(0, 8);
  const region = regionOf(client.options);
  const credentials = credentialsOf(client.options);
  const fields: Record<string, string> = {
    ...Fields,
    bucket: Bucket,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${credentialScope(day, region, 's3')}`,
    'X-Amz-Date': stamp,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  // each condition once, in the SDK's order: those given, then one per field, then the key
  const conditions = new Set<string>(Conditions.map((c) => JSON.stringify(c)));
  for (const [k, v] of Object.entries(fields)) conditions.add(JSON.stringify({ [k]: v }));
  conditions.add(Key.endsWith('${filename}') ? JSON.stringify(['starts-with', '$key', Key.slice(0, Key.lastIndexOf('${filename}'))]) : JSON.stringify({ key: Key }));
  const policy = Buffer.from(JSON.stringify({ expiration: iso8601(new Date(now.valueOf() + Expires * 1000)), conditions: [...conditions].map((c) => JSON.parse(c)) }), 'utf8').toString('base64');
  const signature = signatureOf(signingKey(credentials.secretAccessKey, day, region, 's3'), policy);
  return { url: client.locate(Bucket).bucket, fields: { ...fields, key: Key, Policy: policy, 'X-Amz-Signature': signature } };
}
