import type { ListObjectsV2CommandInput, ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import type { BinaryResponse } from '../../aws-json';
import { S3Command, type S3Request, xmlOutput } from './client';

export type { ListObjectsV2CommandInput, ListObjectsV2CommandOutput };

/** Authorised as s3:ListBucket (mapped in bundle-calls). */
export class ListObjectsV2Command extends S3Command<ListObjectsV2CommandInput, ListObjectsV2CommandOutput> {
  readonly action = 's3:ListObjectsV2';
  request(input: ListObjectsV2CommandInput): S3Request {
    const query: [string, string][] = [['list-type', '2']];
    const add = (name: string, v: unknown) => v !== undefined && query.push([name, String(v)]);
    add('prefix', input.Prefix);
    add('continuation-token', input.ContinuationToken);
    add('start-after', input.StartAfter);
    add('delimiter', input.Delimiter);
    add('max-keys', input.MaxKeys);
    return { method: 'GET', query };
  }
  output(res: BinaryResponse) {
    return xmlOutput(res, { Contents: 'Contents', CommonPrefixes: 'CommonPrefixes' });
  }
}
