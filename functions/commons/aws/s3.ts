/** S3 without the SDK's machinery (aws/s3/client.ts): the client and the commands the code sends. */
export { S3Client, type S3Config } from './s3/client';
export * from './s3/CopyObjectCommand';
export * from './s3/DeleteObjectsCommand';
export * from './s3/GetObjectCommand';
export * from './s3/GetObjectTaggingCommand';
export * from './s3/HeadObjectCommand';
export * from './s3/ListObjectVersionsCommand';
export * from './s3/ListObjectsV2Command';
export type { S3ClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes, Tag, ObjectVersion, _Object } from '@aws-sdk/client-s3';
