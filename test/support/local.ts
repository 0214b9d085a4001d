import { startLocalRuntime, type LocalRuntime, type RuntimeOptions } from '../../infra/local/runtime';


// A cheaper PIN hash in tests (functions/commons/pin.ts): every citizen's request hashes once, and
// scrypt at its deployed cost was minutes of the suite. Runtimes started from here, or spawned by a
// test (they inherit the environment), hash and verify at this one cost.
process.env.PIN_SCRYPT_N ??= '1024';

export interface Email {
  messageId: string;
  subject: string;
  destination: { to: string[] };
  body: { text: string; html: string };
  at: number;
}

export interface Harness {
  runtime: LocalRuntime;
  token(sub: string, groups: string[]): Promise<string>;
  /** A client-credentials token of an agency's system (its local client), with these scopes: accepted once its client is registered. */
  clientToken(agency: string, scopes: string[]): Promise<string>;
  /** Register the agency system's local client (the local `npm run agency-client -- add <CODE>`). */
  registerClient(agency: string): Promise<void>;
  call(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  emails(): Promise<Email[]>;
  emailsTo(address: string): Promise<Email[]>;
  advance(duration: string): Promise<void>;
  /**
   * Resolve once the runtime has nothing left to do at the clock's current time (see
   * LocalRuntime.settled): wait for it, then assert that something did NOT happen. It fails after
   * `timeoutMs` rather than pass on a slow machine.
   */
  settled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Start the whole local runtime on free ports (so tests run beside `npm start` and each other). */
export async function startHarness(options: RuntimeOptions = {}): Promise<Harness> {
  const runtime = await startLocalRuntime({ port: 0, sesPort: 0, ...options });
  const call: Harness['call'] = async (method, path, opts = {}) => {
    const res = await fetch(runtime.apiUrl + path, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  };
  const emails = async () => ((await (await fetch(`${runtime.mailboxUrl}/store`)).json()) as { emails: Email[] }).emails;
  return {
    runtime,
    call,
    async token(sub, groups) {
      return (await call('POST', '/_local/tokens', { body: { sub, groups } })).body.token;
    },
    async clientToken(agency, scopes) {
      return (await call('POST', '/_local/tokens', { body: { client: agency, scopes } })).body.token;
    },
    async registerClient(agency) {
      const res = await call('POST', '/_local/agency-clients', { body: { agency } });
      if (res.status !== 201) throw new Error(`agency client ${agency}: ${res.status} ${JSON.stringify(res.body)}`);
    },
    emails,
    async emailsTo(address) {
      return (await emails()).filter((e) => e.destination.to.includes(address));
    },
    async advance(duration) {
      const res = await call('POST', '/_local/clock', { body: { advance: duration } });
      if (res.status !== 200) throw new Error(`clock: ${JSON.stringify(res.body)}`);
    },
    settled: (timeoutMs) => settled(runtime, timeoutMs),
    stop: () => runtime.stop(),
  };
}

const turn = () => new Promise<void>((r) => setImmediate(r));

/** Until the runtime is settled on two looks a few event-loop turns apart (promise chains between states run out first). */
export async function settled(runtime: LocalRuntime, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (runtime.settled()) {
      for (let i = 0; i < 5; i++) await turn();
      if (runtime.settled()) return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the local runtime did not settle in ${timeoutMs} ms`);
}

/** Poll until `check` returns a truthy value (the workflow runs asynchronously). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  // Checks run through the gateway, on the event loop and CPU the work itself needs: soon at
  // first (most conditions hold within a few tens of ms), then every quarter second at most.
  for (let pause = 20; Date.now() < deadline; pause = Math.min(250, pause * 1.5)) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, pause));
  }
  throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}

let counter = 0;
export const uniqueKey = () => `test-${process.pid}-${Date.now()}-${++counter}`;

export const applicant = (n = 1) => ({
  name: 'Nguyễn Thị Bình',
  email: `binh.${process.pid}.${n}@example.vn`,
  phone: '0912345678',
  idNumber: '001190012345',
});

/** Steps a scenario repeats: receive, wait for a task, decide, wait for an email. */
export function scenario(h: Harness) {
  return {
    async receive(token: string, procedureCode: string, who: ReturnType<typeof applicant>) {
      const res = await h.call('POST', '/dossiers', {
        token,
        headers: { 'idempotency-key': uniqueKey() },
        body: { procedureCode, applicant: who, channel: 'counter' },
      });
      if (res.status !== 201) throw new Error(`receive: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { code: string; appointmentAt: string; receivedAt: string; lookupPin: string };
    },
    task(agency: string, token: string, code: string, stepId?: string) {
      return eventually(async () =>
        (await h.call('GET', `/agencies/${agency}/tasks`, { token })).body.tasks?.find(
          (t: { dossierCode: string; stepId: string }) => t.dossierCode === code && (!stepId || t.stepId === stepId),
        ),
      ) as Promise<{ dossierCode: string; stepId: string; dueAt: string; assignedAt: string }>;
    },
    async decide(token: string, code: string, stepId: string, body: unknown) {
      const res = await h.call('POST', `/dossiers/${code}/steps/${stepId}/decision`, { token, body });
      if (res.status !== 202) throw new Error(`decide ${stepId}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    email(address: string, subjectPart: string) {
      return eventually(async () => (await h.emailsTo(address)).find((e) => e.subject.includes(subjectPart)));
    },
    async dossier(token: string, code: string) {
      return (await h.call('GET', `/dossiers/${code}`, { token })).body;
    },
    status(token: string, code: string, status: number) {
      return eventually(async () => (await h.call('GET', `/dossiers/${code}`, { token })).body.status === status);
    },
    setClock(at: string) {
      return h.call('POST', '/_local/clock', { body: { set: at } });
    },
  };
}
