import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as sdk from '@aws-sdk/client-s3';
import { createPresignedPost as sdkPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl as sdkSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentials, region, sdkSigner, signingDateOf, unstubSend } from '../../../test/support/sigv4-oracle';
import * as s3 from './s3';
import { createPresignedPost } from './s3-presigned-post';
import { getSignedUrl } from './s3-request-presigner';

/**
 * The SDK-less S3 client (aws/s3/client.ts) and presigners against the AWS SDK as the oracle, as
 * aws-json.test.ts does for the JSON services: each command the code sends is sent by both to one
 * local HTTP server, which records the requests and answers the same; the requests (method, path
 * and query, the headers that matter, the body), the answers as the code sees them, the errors and
 * the retries must agree. The signature of our request is recomputed with the SDK's signer
 * (@smithy/signature-v4): s3rver, the local stand-in, checks none, so this is the proof. The
 * presigned POST and GET are compared with the SDK's for a fixed clock and credentials.
 */

const BUCKET = 'motcua-documents';

interface Seen {
  url: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Reply {
  status: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
}
type Answer = Reply | 'reset';

let server: Server;
let endpoint: string;
const seen: Seen[] = [];
let answers: Answer[] = [];
let fallback: Answer = { status: 200 };

beforeAll(async () => {
  unstubSend(s3.S3Client, sdk.S3Client);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const a = answers.shift() ?? fallback;
      if (a === 'reset') return req.socket.destroy();
      const body = a.body ?? '';
      res.writeHead(a.status, { 'x-amz-request-id': 'req-1', 'x-amz-id-2': 'ext-1', 'content-length': String(Buffer.byteLength(body)), ...a.headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen.length = 0;
  answers = [];
  fallback = { status: 200 };
});

const ours = (extra: object = {}) => new s3.S3Client({ endpoint, forcePathStyle: true, region, credentials, maxAttempts: 3, ...extra });
const theirs = (extra: object = {}) => new sdk.S3Client({ endpoint, forcePathStyle: true, region, credentials, maxAttempts: 3, ...extra });

/** The SDK's own headers (its user agent, invocation id, attempt count), which S3 ignores. */
const SDK_ONLY = new Set(['user-agent', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-date', 'authorization', 'connection', 'host']);

/** What matters of a request on the wire: method, path with query, headers but the SDK's own, body; and the headers signed. */
const wire = (s: Seen) => ({
  method: s.method,
  url: s.url,
  headers: Object.fromEntries(Object.entries(s.headers).filter(([k]) => !SDK_ONLY.has(k))),
  body: s.body,
  signed: /SignedHeaders=([^,]+)/.exec(String(s.headers.authorization))![1]!.split(';').filter((h) => !SDK_ONLY.has(h) || h === 'host'),
});

/** Our request's Authorization, as the SDK's signer computes it for the request as it arrived. */
async function expectSignedRight(s: Seen) {
  const names = /SignedHeaders=([^,]+)/.exec(String(s.headers.authorization))![1]!.split(';');
  const headers: Record<string, string> = {};
  for (const n of names) headers[n] = String(s.headers[n]);
  const [path, search = ''] = s.url.split('?');
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  const signed = await sdkSigner('s3', { uriEscapePath: false, applyChecksum: true }).sign(
    { method: s.method, protocol: 'http:', hostname: '127.0.0.1', port: Number(new URL(endpoint).port), // S3 signs the path as sent (uriEscapePath: false: not encoded twice)
      path: path!, headers, body: s.body || undefined, query },
    { signingDate: signingDateOf(String(s.headers['x-amz-date'])) },
  );
  expect(s.headers.authorization).toBe(signed.headers.authorization);
}

/** Send with ours, then with the SDK; both requests as they arrived and both outputs ($metadata apart). */
async function both(mine: () => Promise<any>, sdks: () => Promise<any>, answer?: Reply) {
  if (answer) fallback = answer;
  const o = await mine();
  const t = await sdks();
  expect(seen).toHaveLength(2);
  const strip = ({ $metadata: _m, Body: _b, ...rest }: Record<string, unknown>) => rest;
  return { ours: seen[0]!, theirs: seen[1]!, out: [strip(o), strip(t)] as const, raw: [o, t] as const };
}

const xml = (s: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${s}`;
const KEY = 'dossiers/TTHCC-261207-0001/Bản sao (1)+x.pdf';

describe('the requests and answers, command by command, as the SDK’s', () => {
  it('GetObjectCommand with a Range: the bytes, the headers as fields, the metadata', async () => {
    const body = Buffer.from('%PDF-1.7');
    const answer: Reply = { status: 206, body, headers: { 'content-type': 'application/pdf', 'content-range': 'bytes 0-7/2048', 'accept-ranges': 'bytes', etag: '"abc"', 'last-modified': 'Mon, 07 Dec 2026 10:00:00 GMT', 'x-amz-meta-origin': 'desk', 'x-amz-version-id': 'v1' } };
    const input = { Bucket: BUCKET, Key: KEY, Range: 'bytes=0-7' };
    const r = await both(() => ours().send(new s3.GetObjectCommand(input)), () => theirs().send(new sdk.GetObjectCommand(input)), answer);
    expect(wire(r.ours)).toEqual(wire(r.theirs));
    expect(r.out[0]).toEqual(r.out[1]);
    expect(Buffer.from(await r.raw[0].Body.transformToByteArray())).toEqual(Buffer.from(await r.raw[1].Body.transformToByteArray()));
    expect(r.raw[0].$metadata).toMatchObject({ httpStatusCode: 206, requestId: 'req-1', extendedRequestId: 'ext-1', attempts: 1 });
    await expectSignedRight(r.ours);
  });

  it('GetObjectCommand of a whole object: the text, and its SHA-256 checked as the SDK checks it', async () => {
    const text = '{"procedures":["Cấp phiếu lý lịch tư pháp"]}';
    const sha = createHash('sha256').update(text).digest('base64');
    const input = { Bucket: 'cdk-hnb659fds-assets-123456789012-ap-southeast-1', Key: 'abc.json' };
    const r = await both(() => ours().send(new s3.GetObjectCommand(input)), () => theirs().send(new sdk.GetObjectCommand(input)), { status: 200, body: text, headers: { 'content-type': 'application/json', 'x-amz-checksum-sha256': sha, 'x-amz-checksum-type': 'FULL_OBJECT' } });
    expect(wire(r.ours)).toEqual(wire(r.theirs));
    expect(r.out[0]).toEqual(r.out[1]);
    expect(await r.raw[0].Body.transformToString('utf8')).toBe(await r.raw[1].Body.transformToString('utf8'));
    // a body that is not what S3 said: both refuse it
    fallback = { status: 200, body: text.replace('Cấp', 'Cap'), headers: { 'x-amz-checksum-sha256': sha } };
    const mine = await ours().send(new s3.GetObjectCommand(input)).then((o) => o.Body!.transformToString()).catch((e: Error) => e);
    const sdks = await theirs().send(new sdk.GetObjectCommand(input)).then((o) => o.Body!.transformToString()).catch((e: Error) => e);
    expect(mine).toBeInstanceOf(Error);
    expect(sdks).toBeInstanceOf(Error);
    expect((mine as Error).message).toMatch(/^Checksum mismatch/);
    // and a CRC32 one
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE((await import('node:zlib')).crc32(text));
    fallback = { status: 200, body: text, headers: { 'x-amz-checksum-crc32': crc.toString('base64') } };
    expect(await (await ours().send(new s3.GetObjectCommand(input))).Body!.transformToString()).toBe(text);
    fallback = { status: 200, body: `${text} `, headers: { 'x-amz-checksum-crc32': crc.toString('base64') } };
    await expect(ours().send(new s3.GetObjectCommand(input))).rejects.toThrow(/Checksum mismatch/);
  });

  it('HeadObjectCommand with ChecksumMode ENABLED: size, type and S3’s SHA-256', async () => {
    const input = { Bucket: BUCKET, Key: 'drafts/6f1c0a52-5d0e-4f7e-9b7e-2f0c1d2e3f40', ChecksumMode: 'ENABLED' as const };
    const answer: Reply = { status: 200, headers: { 'content-type': 'application/pdf', 'content-length': '2048', 'x-amz-checksum-sha256': 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=', 'x-amz-checksum-type': 'FULL_OBJECT', 'last-modified': 'Mon, 07 Dec 2026 10:00:00 GMT', etag: '"e"', 'x-amz-server-side-encryption': 'AES256' } };
    const r = await both(() => ours().send(new s3.HeadObjectCommand(input)), () => theirs().send(new sdk.HeadObjectCommand(input)), answer);
    expect(wire(r.ours)).toEqual(wire(r.theirs));
    expect(r.out[0]).toEqual(r.out[1]);
    expect(r.out[0]).toMatchObject({ ContentLength: 2048, ContentType: 'application/pdf', ChecksumSHA256: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=' });
    await expectSignedRight(r.ours);
  });

  it('CopyObjectCommand as documents.ts sends it (metadata copied, tags replaced, SHA-256)', async () => {
    const input = { Bucket: BUCKET, Key: 'dossiers/TTHCC-261207-0001/d-1', CopySource: `${BUCKET}/drafts/d-1`, MetadataDirective: 'COPY' as const, TaggingDirective: 'REPLACE' as const, ChecksumAlgorithm: 'SHA256' as const };
    const answer: Reply = { status: 200, body: xml('<CopyObjectResult><ETag>"e"</ETag><LastModified>2026-12-07T10:00:00.000Z</LastModified><ChecksumSHA256>x=</ChecksumSHA256></CopyObjectResult>'), headers: { 'x-amz-version-id': 'v2', 'x-amz-copy-source-version-id': 'v1' } };
    const r = await both(() => ours().send(new s3.CopyObjectCommand(input)), () => theirs().send(new sdk.CopyObjectCommand(input)), answer);
    expect(wire(r.ours)).toEqual(wire(r.theirs));
    expect(r.out[0]).toEqual(r.out[1]);
    await expectSignedRight(r.ours);
  });

  it('GetObjectTaggingCommand: the tag set, empty or not', async () => {
    const input = { Bucket: BUCKET, Key: 'dossiers/TTHCC-261207-0001/d-1' };
    for (const set of ['<TagSet><Tag><Key>GuardDutyMalwareScanStatus</Key><Value>NO_THREATS_FOUND</Value></Tag><Tag><Key>a&amp;b</Key><Value>&lt;x&gt;</Value></Tag></TagSet>', '<TagSet/>', '<TagSet></TagSet>']) {
      seen.length = 0;
      const r = await both(() => ours().send(new s3.GetObjectTaggingCommand(input)), () => theirs().send(new sdk.GetObjectTaggingCommand(input)), { status: 200, body: xml(`<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${set}</Tagging>`) });
      expect(wire(r.ours)).toEqual(wire(r.theirs));
      expect(r.out[0]).toEqual(r.out[1]);
    }
    await expectSignedRight(seen[0]!);
  });

  it('ListObjectVersionsCommand: versions, delete markers, the markers of the next page', async () => {
    const input = { Bucket: BUCKET, Prefix: 'dossiers/TTHCC-261207-0001/', KeyMarker: 'dossiers/TTHCC-261207-0001/a', VersionIdMarker: 'v 1' };
    const body = xml(
      '<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>motcua-documents</Name><Prefix>dossiers/TTHCC-261207-0001/</Prefix><KeyMarker>dossiers/TTHCC-261207-0001/a</KeyMarker><VersionIdMarker>v 1</VersionIdMarker><NextKeyMarker>k2</NextKeyMarker><NextVersionIdMarker>v2</NextVersionIdMarker><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>' +
        '<Version><Key>dossiers/TTHCC-261207-0001/b</Key><VersionId>3</VersionId><IsLatest>true</IsLatest><LastModified>2026-12-07T10:00:00.000Z</LastModified><ETag>"e"</ETag><Size>2048</Size><StorageClass>STANDARD</StorageClass><Owner><ID>o</ID></Owner><ChecksumAlgorithm>SHA256</ChecksumAlgorithm><ChecksumType>FULL_OBJECT</ChecksumType></Version>' +
        '<Version><Key>dossiers/TTHCC-261207-0001/c</Key><VersionId>null</VersionId><IsLatest>false</IsLatest><Size>1</Size></Version>' +
        '<DeleteMarker><Key>dossiers/TTHCC-261207-0001/d</Key><VersionId>4</VersionId><IsLatest>true</IsLatest><LastModified>2026-12-07T11:00:00.000Z</LastModified></DeleteMarker></ListVersionsResult>',
    );
    const r = await both(() => ours().send(new s3.ListObjectVersionsCommand(input)), () => theirs().send(new sdk.ListObjectVersionsCommand(input)), { status: 200, body });
    expect(wire(r.ours)).toEqual(wire(r.theirs));
    expect(r.out[0]).toEqual(r.out[1]);
    await expectSignedRight(r.ours);
  });

  it('ListObjectsV2Command: contents and the continuation token', async () => {
    const input = { Bucket: BUCKET, Prefix: 'dossiers/TTHCC-261207-0001/', ContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=' };
    const body = xml(
      '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>motcua-documents</Name><Prefix>dossiers/TTHCC-261207-0001/</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated><NextContinuationToken>next==</NextContinuationToken>' +
        '<Contents><Key>dossiers/TTHCC-261207-0001/a</Key><LastModified>2026-12-07T10:00:00.000Z</LastModified><ETag>"e"</ETag><Size>5</Size><StorageClass>STANDARD</StorageClass></Contents><Contents><Key>dossiers/TTHCC-261207-0001/b</Key><Size>0</Size></Contents></ListBucketResult>',
    );
    const r = await both(() => ours().send(new s3.ListObjectsV2Command(input)), () => theirs().send(new sdk.ListObjectsV2Command(input)), { status: 200, body });
    expect(wire(r.ours)).toEqual(wire(r.theirs));
    expect(r.out[0]).toEqual(r.out[1]);
    await expectSignedRight(r.ours);
  });

  it('DeleteObjectsCommand: the XML body, its CRC32, and the errors S3 lists', async () => {
    const input = { Bucket: BUCKET, Delete: { Objects: [{ Key: 'dossiers/T/a', VersionId: '3' }, { Key: 'dossiers/T/b&<"\'>' }], Quiet: true } };
    const body = xml('<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Deleted><Key>dossiers/T/c</Key><DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>9</DeleteMarkerVersionId></Deleted><Error><Key>dossiers/T/a</Key><VersionId>3</VersionId><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>');
    const r = await both(() => ours().send(new s3.DeleteObjectsCommand(input)), () => theirs().send(new sdk.DeleteObjectsCommand(input)), { status: 200, body });
    expect(wire(r.ours)).toEqual(wire(r.theirs));
    expect(r.out[0]).toEqual(r.out[1]);
    expect(r.out[0]).toMatchObject({ Errors: [{ Code: 'AccessDenied' }] });
    await expectSignedRight(r.ours);
  });

  it('addresses the bucket virtual-hosted without an endpoint, path-style with one', () => {
    vi.stubEnv('AWS_ENDPOINT_URL_S3', '');
    try {
      expect(new s3.S3Client({ region }).locate(BUCKET, 'drafts/a b')).toMatchObject({ protocol: 'https:', host: `${BUCKET}.s3.${region}.amazonaws.com`, path: '/drafts/a%20b' });
      expect(new s3.S3Client({ region, endpoint: 'http://127.0.0.1:4569', forcePathStyle: true }).locate(BUCKET, 'drafts/a')).toMatchObject({ host: '127.0.0.1:4569', path: `/${BUCKET}/drafts/a` });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('errors, as the SDK names them', () => {
  const cases: [string, () => any, () => any, Reply, object][] = [
    [
      'NoSuchKey on a GET',
      () => new s3.GetObjectCommand({ Bucket: BUCKET, Key: 'x' }),
      () => new sdk.GetObjectCommand({ Bucket: BUCKET, Key: 'x' }),
      { status: 404, body: xml('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>x</Key><RequestId>r</RequestId></Error>') },
      { name: 'NoSuchKey', message: 'The specified key does not exist.', Key: 'x', $fault: 'client', $metadata: { httpStatusCode: 404, attempts: 1 } },
    ],
    ['NotFound on a HEAD (no body)', () => new s3.HeadObjectCommand({ Bucket: BUCKET, Key: 'x' }), () => new sdk.HeadObjectCommand({ Bucket: BUCKET, Key: 'x' }), { status: 404 }, { name: 'NotFound', $metadata: { httpStatusCode: 404 } }],
    ['a HEAD refused (403, no body)', () => new s3.HeadObjectCommand({ Bucket: BUCKET, Key: 'x' }), () => new sdk.HeadObjectCommand({ Bucket: BUCKET, Key: 'x' }), { status: 403 }, { $fault: 'client', $metadata: { httpStatusCode: 403 } }],
    [
      'NotImplemented for versions (s3rver)',
      () => new s3.ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: 'p' }),
      () => new sdk.ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: 'p' }),
      { status: 501, body: xml('<Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>') },
      { name: 'NotImplemented', $fault: 'server', $metadata: { httpStatusCode: 501, attempts: 1 } },
    ],
    [
      'AccessDenied',
      () => new s3.GetObjectTaggingCommand({ Bucket: BUCKET, Key: 'x' }),
      () => new sdk.GetObjectTaggingCommand({ Bucket: BUCKET, Key: 'x' }),
      { status: 403, body: xml('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>') },
      { name: 'AccessDenied', message: 'Access Denied', $metadata: { httpStatusCode: 403 } },
    ],
    [
      'an error in a 200 answer to a copy',
      () => new s3.CopyObjectCommand({ Bucket: BUCKET, Key: 'a', CopySource: `${BUCKET}/b` }),
      () => new sdk.CopyObjectCommand({ Bucket: BUCKET, Key: 'a', CopySource: `${BUCKET}/b` }),
      { status: 200, body: xml('<Error><Code>InvalidRequest</Code><Message>copy failed</Message></Error>') },
      { name: 'InvalidRequest', message: 'copy failed' },
    ],
  ];
  for (const [name, mine, sdks, answer, expected] of cases) {
    it(name, async () => {
      fallback = answer;
      const o = await ours().send(mine()).catch((e: unknown) => e);
      const t = await theirs().send(sdks()).catch((e: unknown) => e);
      for (const e of [o, t]) expect(e).toMatchObject(expected);
      expect((o as Error).name).toBe((t as Error).name);
      expect((o as Error).message).toBe((t as Error).message);
    });
  }
});

describe('retries, as the SDK’s standard mode', () => {
  it('retries a 503 SlowDown and a 500, and answers the third attempt, signed anew each time', async () => {
    const script = (): Answer[] => [{ status: 503, body: xml('<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>') }, { status: 500, body: xml('<Error><Code>InternalError</Code></Error>') }, { status: 200, headers: { 'content-length': '3' } }];
    answers = script();
    const o = await ours().send(new s3.HeadObjectCommand({ Bucket: BUCKET, Key: 'k' }));
    answers = script();
    const t = await theirs().send(new sdk.HeadObjectCommand({ Bucket: BUCKET, Key: 'k' }));
    expect(seen).toHaveLength(6);
    expect(o.$metadata.attempts).toBe(3);
    expect(t.$metadata.attempts).toBe(3);
    expect(o.ContentLength).toBe(t.ContentLength);
  });

  it('retries a connection reset; gives up after 3 attempts; never retries a 404', async () => {
    answers = ['reset', { status: 200 }];
    expect((await ours().send(new s3.HeadObjectCommand({ Bucket: BUCKET, Key: 'k' }))).$metadata.attempts).toBe(2);
    seen.length = 0;
    fallback = { status: 500, body: xml('<Error><Code>InternalError</Code></Error>') };
    await expect(ours().send(new s3.HeadObjectCommand({ Bucket: BUCKET, Key: 'k' }))).rejects.toMatchObject({ $metadata: { attempts: 3 } });
    expect(seen).toHaveLength(3);
    seen.length = 0;
    fallback = { status: 404 };
    await expect(ours().send(new s3.HeadObjectCommand({ Bucket: BUCKET, Key: 'k' }))).rejects.toMatchObject({ name: 'NotFound', $metadata: { attempts: 1 } });
    expect(seen).toHaveLength(1);
  });
});

describe('presigning, as the SDK’s presigners for the same clock and credentials', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-12-07T03:04:05.678Z'), toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  const post = {
    Bucket: BUCKET,
    Key: 'drafts/6f1c0a52-5d0e-4f7e-9b7e-2f0c1d2e3f40',
    Expires: 900,
    Fields: { 'Content-Type': 'application/pdf', 'x-amz-checksum-algorithm': 'SHA256', 'x-amz-checksum-sha256': 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=' },
    Conditions: [
      ['content-length-range', 2048, 2048],
      ['eq', '$Content-Type', 'application/pdf'],
      ['eq', '$x-amz-checksum-sha256', 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg='],
    ] as [string, string | number, string | number][],
  };

  it('a POST policy (documents.ts presignUpload): the same URL, fields, policy and signature, path-style and virtual-hosted', async () => {
    for (const [mine, sdks] of [
      [ours(), theirs()],
      [new s3.S3Client({ region, credentials }), new sdk.S3Client({ region, credentials })],
      [new s3.S3Client({ region, credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } }), new sdk.S3Client({ region, credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } })],
    ] as const) {
      const o = await createPresignedPost(mine, post);
      const t = await sdkPresignedPost(sdks, post as Parameters<typeof sdkPresignedPost>[1]);
      expect(o).toEqual(t);
      expect(JSON.parse(Buffer.from(o.fields.Policy!, 'base64').toString()).expiration).toBe('2026-12-07T03:19:05Z');
    }
  });

  it('a GET URL with the response overrides (documents.ts signDownload): the same URL, byte for byte', async () => {
    const input = { Bucket: BUCKET, Key: 'dossiers/TTHCC-261207-0001/d-1', ResponseContentDisposition: `attachment; filename="Ban sao.pdf"; filename*=UTF-8''B%E1%BA%A3n%20sao.pdf`, ResponseContentType: 'application/pdf' };
    for (const [mine, sdks] of [
      [ours(), theirs()],
      [new s3.S3Client({ region, credentials }), new sdk.S3Client({ region, credentials })],
    ] as const) {
      const o = await getSignedUrl(mine, new s3.GetObjectCommand(input), { expiresIn: 300 });
      const t = await sdkSignedUrl(sdks, new sdk.GetObjectCommand(input), { expiresIn: 300 });
      expect(o).toBe(t);
    }
    expect(seen).toHaveLength(0);
  });
});
