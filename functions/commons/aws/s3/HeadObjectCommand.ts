import type { HeadObjectCommandInput, HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import type { BinaryResponse } from '../../aws-json';
import { objectHeaders, S3Command, type S3Request } from './client';

export type { HeadObjectCommandInput, HeadObjectCommandOutput };

/** HEAD: authorised as s3:GetObject (test/support/bundle-calls.ts maps it). */
export class HeadObjectCommand extends S3Command<HeadObjectCommandInput, HeadObjectCommandOutput> {
  readonly action = 's3:HeadObject';
  request(input: HeadObjectCommandInput): S3Request {
    return { method: 'HEAD', key: input.Key!, query: input.VersionId ? [['versionId', input.VersionId]] : [], headers: { range: input.Range, 'x-amz-checksum-mode': input.ChecksumMode } };
  }
  output(res: BinaryResponse) {
    return objectHeaders(res);
  }
}
