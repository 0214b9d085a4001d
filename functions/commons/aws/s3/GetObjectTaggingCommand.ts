import type { GetObjectTaggingCommandInput, GetObjectTaggingCommandOutput } from '@aws-sdk/client-s3';
import type { BinaryResponse } from '../../aws-json';
import { S3Command, type S3Request, parseXml, shapeOf, versionOf } from './client';

export type { GetObjectTaggingCommandInput, GetObjectTaggingCommandOutput };

export class GetObjectTaggingCommand extends S3Command<GetObjectTaggingCommandInput, GetObjectTaggingCommandOutput> {
  readonly action = 's3:GetObjectTagging';
  request(input: GetObjectTaggingCommandInput): S3Request {
    return { method: 'GET', key: input.Key!, query: [['tagging', ''], ...(input.VersionId ? ([['versionId', input.VersionId]] as [string, string][]) : [])] };
  }
  output(res: BinaryResponse) {
    const set = parseXml(res.body.toString('utf8'))?.children.find((c) => c.name === 'TagSet');
    return { ...versionOf(res), TagSet: (set?.children ?? []).filter((c) => c.name === 'Tag').map((t) => shapeOf(t)) };
  }
}
