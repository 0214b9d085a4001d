import { DynamoDBClient } from './aws/dynamodb';
import { DynamoDBDocumentClient } from './aws/dynamodb';
import { SFNClient } from './aws/sfn';
import { SESv2Client } from './aws/sesv2';
import { SQSClient } from './aws/sqs';
import { S3Client } from './aws/s3';

/**
 * AWS clients, created on first use. The local runtime points them at the stand-ins with the
 * standard service-specific endpoint variables (AWS_ENDPOINT_URL_DYNAMODB, _SFN, _SESV2).
 */
const endpoint = (service: string) => process.env[`AWS_ENDPOINT_URL_${service}`] || undefined;

let ddb: DynamoDBDocumentClient | undefined;
let sfn: SFNClient | undefined;
let ses: SESv2Client | undefined;
let sqs: SQSClient | undefined;
let s3: S3Client | undefined;

export function documentClient(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoint('DYNAMODB'), maxAttempts: 3 }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return ddb;
}

export function stepFunctions(): SFNClient {
  sfn ??= new SFNClient({ endpoint: endpoint('SFN') });
  return sfn;
}

export function email(): SESv2Client {
  ses ??= new SESv2Client({ endpoint: endpoint('SESV2') });
  return ses;
}

/** SQS (the email queue); locally AWS_ENDPOINT_URL_SQS points at infra/local/sqs.ts. */
export function queue(): SQSClient {
  sqs ??= new SQSClient({ endpoint: endpoint('SQS') });
  return sqs;
}

/** S3; with a local endpoint (AWS_ENDPOINT_URL_S3, s3rver) addressed path-style. */
export function objects(): S3Client {
  const local = endpoint('S3');
  s3 ??= new S3Client({ endpoint: local, forcePathStyle: Boolean(local), maxAttempts: 3 });
  return s3;
}

export function bucketName(): string {
  const name = process.env.DOCUMENTS_BUCKET;
  if (!name) throw new Error('DOCUMENTS_BUCKET is not set');
  return name;
}

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

/** Forget cached clients (the local runtime calls this when it points them elsewhere). */
export function resetClients(): void {
  ddb = undefined;
  sfn = undefined;
  ses = undefined;
  sqs = undefined;
  s3 = undefined;
}
