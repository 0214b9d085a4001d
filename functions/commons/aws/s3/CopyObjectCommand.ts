import type { CopyObjectCommandInput, CopyObjectCommandOutput } from '@aws-sdk/client-s3';
import type { BinaryResponse } from '../../aws-json';
import { S3Command, type S3Request, parseXml, shapeOf, versionOf } from './client';

export type { CopyObjectCommandInput, CopyObjectCommandOutput };

/** A copy reads its source and writes its target (s3:GetObject and s3:PutObject, mapped in bundle-calls). */
export class CopyObjectCommand extends S3Command<CopyObjectCommandInput, CopyObjectCommandOutput> {
  readonly action = 's3:CopyObject';
  request(input: CopyObjectCommandInput): S3Request {
    const metadata = Object.fromEntries(Object.entries(input.Metadata ?? {}).map(([k, v]) => [`x-amz-meta-${k.toLowerCase()}`, v]));
    return {
      method: 'PUT',
      key: input.Key!,
      query: [['x-id', 'CopyObject']],
      headers: {
        // as given, as the SDK sends it (the caller encodes a key that needs it)
        'x-amz-copy-source': input.CopySource,
        'x-amz-checksum-algorithm': input.ChecksumAlgorithm,
        'x-amz-metadata-directive': input.MetadataDirective,
        'x-amz-tagging-directive': input.TaggingDirective,
        'x-amz-tagging': input.Tagging,
        'content-type': input.ContentType,
        'x-amz-server-side-encryption': input.ServerSideEncryption,
        ...metadata,
      },
    };
  }
  output(res: BinaryResponse) {
    const root = parseXml(res.body.toString('utf8'));
    const source = res.headers['x-amz-copy-source-version-id'];
    return { ...(root ? { CopyObjectResult: shapeOf(root) } : {}), ...versionOf(res), ...(source ? { CopySourceVersionId: String(source) } : {}) };
  }
}
