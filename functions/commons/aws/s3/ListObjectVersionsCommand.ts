import type { ListObjectVersionsCommandInput, ListObjectVersionsCommandOutput } from '@aws-sdk/client-s3';
import type { BinaryResponse } from '../../aws-json';
import { S3Command, type S3Request, xmlOutput } from './client';

export type { ListObjectVersionsCommandInput, ListObjectVersionsCommandOutput };

/** Authorised as s3:ListBucketVersions (mapped in bundle-calls). */
export class ListObjectVersionsCommand extends S3Command<ListObjectVersionsCommandInput, ListObjectVersionsCommandOutput> {
  readonly action = 's3:ListObjectVersions';
  request(input: ListObjectVersionsCommandInput): S3Request {
    const query: [string, string][] = [['versions', '']];
    const add = (name: string, v: unknown) => v !== undefined && query.push([name, String(v)]);
    add('prefix', input.Prefix);
    add('key-marker', input.KeyMarker);
    add('version-id-marker', input.VersionIdMarker);
    add('delimiter', input.Delimiter);
    add('max-keys', input.MaxKeys);
    return { method: 'GET', query };
  }
  output(res: BinaryResponse) {
    return xmlOutput(res, { Versions: 'Version', DeleteMarkers: 'DeleteMarker', CommonPrefixes: 'CommonPrefixes' });
  }
}
