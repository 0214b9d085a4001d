import type { DeleteObjectsCommandInput, DeleteObjectsCommandOutput } from '@aws-sdk/client-s3';
import type { BinaryResponse } from '../../aws-json';
import { crc32Base64, escapeXml, S3Command, type S3Request, xmlOutput } from './client';

export type { DeleteObjectsCommandInput, DeleteObjectsCommandOutput };

/** A deletion names a version or none: s3:DeleteObject and s3:DeleteObjectVersion (mapped in bundle-calls). */
export class DeleteObjectsCommand extends S3Command<DeleteObjectsCommandInput, DeleteObjectsCommandOutput> {
  readonly action = 's3:DeleteObjects';
  request(input: DeleteObjectsCommandInput): S3Request {
    const objects = (input.Delete?.Objects ?? [])
      .map((o) => `<Object><Key>${escapeXml(o.Key!)}</Key>${o.VersionId !== undefined ? `<VersionId>${escapeXml(o.VersionId)}</VersionId>` : ''}</Object>`)
      .join('');
    const quiet = input.Delete?.Quiet !== undefined ? `<Quiet>${input.Delete.Quiet}</Quiet>` : '';
    const body = `<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${objects}${quiet}</Delete>`;
    // S3 refuses a multi-object delete without a checksum of its body: CRC32, as the SDK sends
    return { method: 'POST', query: [['delete', '']], headers: { 'content-type': 'application/xml', 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-checksum-crc32': crc32Base64(body) }, body };
  }
  output(res: BinaryResponse) {
    return xmlOutput(res, { Deleted: 'Deleted', Errors: 'Error' });
  }
}
