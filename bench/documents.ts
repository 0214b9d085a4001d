// Documents: one file through the platform (ask → presigned POST → complete) beside the raw
// PutObject of the same bytes to the same local S3 stand-in, measured in the same run, for three
// sizes up to the 20 MB limit. Registration (complete) re-reads and hashes the bytes locally
// (s3rver keeps no checksum); on AWS it reads S3's own SHA-256 instead, so this is the local worst case.
// Run: POWERTOOLS_LOG_LEVEL=WARN npx tsx bench/documents.ts
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { applicant, startHarness, uniqueKey } from '../test/support/local';
import { declare, pdf, postToS3 } from '../test/support/documents';
import { median, round, table } from './lib/stats';

const SIZES = [100 * 1024, 5 * 1024 * 1024, 20 * 1024 * 1024];
const REPS = Number(process.env.BENCH_DOCUMENT_REPS ?? 5);

const h = await startHarness({ resume: false });
try {
  await h.call('POST', '/_local/clock', { body: { set: '2026-12-01T09:00:00+07:00' } });
  const desk = await h.token('desk-bench', ['desk']);
  const { code } = (await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: applicant(1), channel: 'counter' } })).body;
  const s3 = new S3Client({ endpoint: h.runtime.documents.endpoint, forcePathStyle: true, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const rows: (string | number)[][] = [];
  for (const size of SIZES) {
    const t = { raw: [] as number[], ask: [] as number[], post: [] as number[], complete: [] as number[] };
    for (let i = 0; i < REPS + 1; i++) {
      const file = pdf(size);
      let t0 = performance.now();
      await s3.send(new PutObjectCommand({ Bucket: h.runtime.documents.bucket, Key: `bench/${i}`, Body: file, ContentType: 'application/pdf' }));
      const raw = performance.now() - t0;
      t0 = performance.now();
      const asked = await h.call('POST', `/dossiers/${code}/documents`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: declare(file) });
      const ask = performance.now() - t0;
      t0 = performance.now();
      if ((await postToS3(asked.body, file)) >= 300) throw new Error('POST failed');
      const post = performance.now() - t0;
      t0 = performance.now();
      const done = await h.call('POST', `/dossiers/${code}/documents/${asked.body.documentId}/complete`, { token: desk, headers: { 'idempotency-key': uniqueKey() } });
      if (done.status !== 201) throw new Error(`complete: ${done.status}`);
      const complete = performance.now() - t0;
      if (i === 0) continue; // warm-up
      t.raw.push(raw), t.ask.push(ask), t.post.push(post), t.complete.push(complete);
    }
    const total = median(t.ask) + median(t.post) + median(t.complete);
    rows.push([`${round(size / 1024 / 1024, 2)} MB`, round(median(t.raw)), round(median(t.ask)), round(median(t.post)), round(median(t.complete)), round(total), `${round(total / median(t.raw), 2)}×`]);
  }
  s3.destroy();
  console.log(`documents: median of ${REPS} runs per size (ms), local s3rver`);
  console.log(table(['size', 'raw PutObject (baseline)', 'ask', 'presigned POST', 'complete', 'platform total', 'total ÷ baseline'], rows));
} finally {
  await h.stop();
}
