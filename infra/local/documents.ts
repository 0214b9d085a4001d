import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { CLEAN, SCAN_TAG, prefixes } from '../../functions/core/documents';

const require = createRequire(import.meta.url);

export const LOCAL_BUCKET = 'motcua-documents';

/** The EICAR test string: antivirus engines (GuardDuty too) flag any file containing it. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: 'event', listener: (e: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => void): void;
}

export interface LocalDocuments {
  endpoint: string;
  bucket: string;
  /** The malware-scan stand-in: scans every new object under dossiers/ and tags it. */
  scanner: LocalScanner;
  stop(): Promise<void>;
}

/**
 * A stand-in for GuardDuty Malware Protection for S3: every object created under dossiers/ is
 * read and tagged `GuardDutyMalwareScanStatus` = NO_THREATS_FOUND, or THREATS_FOUND when it holds
 * the EICAR test string — asynchronously, as on AWS, so a download may first find it unscanned.
 */
export class LocalScanner {
  scanned = 0;
  private readonly running = new Set<Promise<void>>();
  constructor(private readonly client: S3Client, private readonly bucket: string) {}

  onCreated(key: string): void {
    if (!key.startsWith(prefixes.dossiers)) return;
    const job = this.scan(key).catch(() => undefined).finally(() => this.running.delete(job));
    this.running.add(job);
  }

  private async scan(key: string): Promise<void> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    const text = Buffer.from(await out.Body!.transformToByteArray()).toString('latin1');
    const verdict = text.includes(EICAR) ? 'THREATS_FOUND' : CLEAN;
    await this.client.send(new PutObjectTaggingCommand({ Bucket: this.bucket, Key: key, Tagging: { TagSet: [{ Key: SCAN_TAG, Value: verdict }] } }));
    this.scanned++;
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}

/** CORS for presigned POST/GET from the pages (the local gateway's origin, on any port). */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>http://127.0.0.1:*</AllowedOrigin>
    <AllowedOrigin>http://localhost:*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/**
 * s3rver (the S3 protocol on one machine) with the documents bucket, on a free port; data under
 * `<dataDir>/s3`, or a temporary folder removed at stop (tests). It accepts the runtime's
 * credentials (`local`/`local`); it does not enforce POST policies nor versioning (see
 * functions/commons/documents.ts for what stands in for them).
 */
export async function startLocalDocuments(dataDir: string | undefined, credentials: { accessKeyId: string; secretAccessKey: string }): Promise<LocalDocuments> {
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;
  const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } };
  DUMMY_ACCOUNT.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
  const temporary = !dataDir;
  const directory = dataDir ? join(dataDir, 's3') : mkdtempSync(join(tmpdir(), 'motcua-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: LOCAL_BUCKET, configs: [CORS] }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new S3Client({ endpoint, forcePathStyle: true, region: 'ap-southeast-1', credentials });
  const scanner = new LocalScanner(client, LOCAL_BUCKET);
  server.on('event', (e) => {
    for (const r of e.Records) if (r.eventName.startsWith('ObjectCreated:')) scanner.onCreated(decodeURIComponent(r.s3.object.key));
  });
  return {
    endpoint,
    bucket: LOCAL_BUCKET,
    scanner,
    async stop() {
      await scanner.idle();
      await server.close();
      client.destroy();
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
}
