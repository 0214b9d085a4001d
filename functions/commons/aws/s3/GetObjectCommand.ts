import type { GetObjectCommandInput, GetObjectCommandOutput } from '@aws-sdk/client-s3';
import type { BinaryResponse } from '../../aws-json';
import { checkBody, objectHeaders, S3Command, type S3Request } from './client';

export type { GetObjectCommandInput, GetObjectCommandOutput };

/** The body as the SDK's stream mixin reads it (the code reads bytes or text). */
export const bodyOf = (bytes: Buffer) => ({
  // a copy, as the SDK gives: a small Buffer may be a view of node's shared pool
  transformToByteArray: async () => new Uint8Array(bytes),
  transformToString: async (encoding: BufferEncoding = 'utf8') => bytes.toString(encoding),
  transformToWebStream: () => new Blob([new Uint8Array(bytes)]).stream(),
});

/** The response-* overrides a presigned GET carries (commons/aws/s3-request-presigner.ts). */
const OVERRIDES: [keyof GetObjectCommandInput, string][] = [
  ['ResponseCacheControl', 'response-cache-control'],
  ['ResponseContentDisposition', 'response-content-disposition'],
  ['ResponseContentEncoding', 'response-content-encoding'],
  ['ResponseContentLanguage', 'response-content-language'],
  ['ResponseContentType', 'response-content-type'],
];

export class GetObjectCommand extends S3Command<GetObjectCommandInput, GetObjectCommandOutput> {
  readonly action = 's3:GetObject';
  request(input: GetObjectCommandInput): S3Request {
    const query: [string, string][] = [['x-id', 'GetObject']];
    for (const [field, name] of OVERRIDES) if (input[field] !== undefined) query.push([name, String(input[field])]);
    if (input.VersionId) query.push(['versionId', input.VersionId]);
    // the SDK asks for the object's checksum on every GET, and checks the body against it
    return { method: 'GET', key: input.Key!, query, headers: { range: input.Range, 'x-amz-checksum-mode': 'ENABLED' } };
  }
  output(res: BinaryResponse) {
    checkBody(res);
    return { Body: bodyOf(res.body), ...objectHeaders(res) };
  }
}
