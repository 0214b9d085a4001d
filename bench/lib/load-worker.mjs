// Closed-loop HTTP load generator, run in a worker thread so it does not share the event loop
// of the local runtime it measures. Each of `concurrency` loops sends POST /dossiers back to back
// on a keep-alive connection, with a fresh Idempotency-Key per request.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, token, concurrency, durationMs, runId, body } = workerData;
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const payload = Buffer.from(JSON.stringify(body));
const latencies = [];
const statuses = {};
let seq = 0;

function once(key) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: '/dossiers',
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': payload.length,
          'idempotency-key': key,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0 }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.end(payload);
  });
}

const start = performance.now();
const stopAt = start + durationMs;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < stopAt) {
      const r = await once(`${runId}-${++seq}`);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status === 201) latencies.push(r.ms);
    }
  }),
);
const elapsedMs = performance.now() - start;
agent.destroy();
parentPort.postMessage({ latencies, statuses, elapsedMs });
