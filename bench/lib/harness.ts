import { performance } from 'node:perf_hooks';

/**
 * Start the local runtime for a benchmark, quietly, with an invocation meter: the public
 * LocalLambdas.invoke is wrapped (no change to infra/local), so every function run — through the
 * gateway or as a workflow task — is timed and reported to listeners.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

export interface Invocation {
  name: string;
  /** `task` of a workflow payload, or the route key of an API event. */
  action: string;
  /** The letters a workflow task recorded and queued (the event keys its result names). */
  letters: string[];
  dossierCode?: string;
  stepId?: string;
  startedAt: number;
  ms: number;
  ok: boolean;
  /** Local clock (ms) when the invocation ended. */
  clockAt: number;
}

export type BenchRuntime = Awaited<ReturnType<typeof startBench>>;

export async function startBench() {
  const { startHarness } = await import('../../test/support/local');
  const { LocalLambdas } = await import('../../infra/local/lambdas');
  const registry = await import('../../infra/registry');

  const invocations: Invocation[] = [];
  const listeners = new Set<(i: Invocation) => void>();
  let clockNow = () => Date.now();
  const proto = LocalLambdas.prototype as unknown as { invoke: (name: string, payload: unknown) => Promise<unknown>; __benchWrapped?: boolean };
  if (!proto.__benchWrapped) {
    const original = proto.invoke;
    proto.invoke = async function (this: unknown, name: string, payload: unknown) {
      const t0 = performance.now();
      let ok = true;
      let result: unknown;
      try {
        result = await original.call(this, name, payload);
        return result;
      } catch (error) {
        ok = false;
        throw error;
      } finally {
        const p = (payload ?? {}) as Record<string, unknown>;
        const ctx = p.requestContext as { routeKey?: string } | undefined;
        const params = (p.pathParameters ?? {}) as Record<string, string>;
        const inv: Invocation = {
          name,
          action: String(p.task ?? p.action ?? ctx?.routeKey ?? ''),
          letters: ((result as { letters?: unknown } | null)?.letters as string[] | undefined) ?? [],
          dossierCode: (p.dossierCode as string | undefined) ?? params.code,
          stepId: (p.stepId as string | undefined) ?? params.stepId,
          startedAt: t0,
          ms: performance.now() - t0,
          ok,
          clockAt: clockNow(),
        };
        invocations.push(inv);
        for (const l of listeners) l(inv);
      }
    };
    proto.__benchWrapped = true;
  }

  // the same harness as the tests: the runtime on free ports, and its HTTP helpers
  const h = await startHarness({ resume: false });
  const { runtime, call } = h;
  clockNow = () => runtime.clock.now();
  const apiFunctions = new Set(registry.routes.map((r) => r.function));
  const memoryOf = (name: string) => registry.functionSpec(name).memoryMb;

  async function token(sub: string, groups: string[]): Promise<string> {
    const t = await h.token(sub, groups);
    if (!t) throw new Error(`token: none for ${sub}`);
    return t;
  }

  async function clock(body: { set: string } | { advance: string }) {
    const res = await call('POST', '/_local/clock', { body });
    if (res.status !== 200) throw new Error(`clock: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Resolve at the first invocation matching `pred` from now on (or reject after `timeoutMs`). */
  function next(pred: (i: Invocation) => boolean, timeoutMs = 30_000): Promise<Invocation> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => {
        listeners.delete(l);
        fail(new Error('timed out waiting for an invocation'));
      }, timeoutMs);
      const l = (i: Invocation) => {
        if (!i.ok || !pred(i)) return;
        clearTimeout(timer);
        listeners.delete(l);
        ok(i);
      };
      listeners.add(l);
    });
  }

  /** The step's AwaitAgency has stored its token: the step is assigned and waiting. */
  const assigned = (code: string, stepId: string) => (i: Invocation) =>
    i.name === 'workflow' && i.action === 'AwaitAgency' && i.dossierCode === code && i.stepId === stepId;

  let keySeq = 0;
  const idempotencyKey = () => `bench-${process.pid}-${Date.now().toString(36)}-${++keySeq}`;

  return { runtime, registry, invocations, listeners, apiFunctions, memoryOf, call, token, clock, next, assigned, idempotencyKey };
}

export const applicant = (n: number | string) => ({
  name: 'Nguyễn Thị Bình',
  email: `citizen.${process.pid}.${n}@example.vn`,
  phone: '0912345678',
  idNumber: '001190012345',
});

/**
 * Put the counting proxy between the handlers and dynalite: the handlers' clients are made on
 * first use from AWS_ENDPOINT_URL_DYNAMODB, so this must run before the first API call.
 */
export async function meterDynamo(b: BenchRuntime) {
  const { DynamoMeter } = await import('./dynamo-meter');
  const { resetClients } = await import('../../functions/commons/aws');
  const meter = new DynamoMeter(b.runtime.dynamoDbUrl);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = await meter.listen();
  resetClients();
  return meter;
}

/** Write this part's results to bench/results/<part>.json (git-ignored) and return the path. */
export async function writePart(part: string, data: unknown): Promise<string> {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const dir = resolve(fileURLToPath(import.meta.url), '../../results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${part}.json`);
  writeFileSync(file, JSON.stringify({ part, at: new Date().toISOString(), ...(data as object) }, null, 2) + '\n');
  return file;
}
