import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  /** Answer the next `count` requests with this status instead of forwarding them. */
  status: number;
  count: number;
  /** Only requests whose target / path contains this text (e.g. "outbound-emails"). */
  match?: string;
}

/** A request forwarded to the stand-in and its answer (the SES events are made from these). */
export interface Exchange {
  method: string;
  path: string;
  /** The request's X-Amz-Target (DynamoDB's operation), when it has one. */
  target?: string;
  status: number;
  request: Buffer;
  response: Buffer;
}

/**
 * A fault-injecting proxy in front of a local stand-in (DynamoDB, SES): forwards everything,
 * except while a fault is armed (answer with an error status) or while it is `down` (close the
 * connection, as an unreachable endpoint would). Local only.
 */
export class FaultyProxy {
  private readonly servers: Server[] = [];
  private faults: Fault[] = [];
  down = false;
  injected = 0;
  /** At most this many matching requests per second are forwarded; the rest get 429 (SES's throttle). */
  rate?: { perSecond: number; match?: string };
  private recent: number[] = [];
  /** Called with every forwarded exchange, once answered. */
  observe?: (exchange: Exchange) => void;
  /**
   * Awaited with every forwarded exchange BEFORE its answer goes back (the table stream's local
   * stand-in, infra/local/table-stream.ts: what a write causes is done when the writer hears back).
   */
  settle?: (exchange: Exchange) => Promise<void>;

  constructor(private readonly target: string) {}

  arm(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
    this.down = false;
    this.rate = undefined;
  }

  private overRate(what: string): boolean {
    if (!this.rate || (this.rate.match && !what.includes(this.rate.match))) return false;
    const t = Date.now();
    this.recent = this.recent.filter((x) => x > t - 1000);
    if (this.recent.length >= this.rate.perSecond) return true;
    this.recent.push(t);
    return false;
  }

  /** Listen with the faults applied: the address the functions are given. */
  listen(): Promise<string> {
    return this.serve(true);
  }

  /**
   * A second address for the same stand-in without the faults (the runtime's own writes, the
   * tests' seeding), still passing `settle` and `observe`: DynamoDB's fault injector and its table
   * stream are one proxy with two doors rather than two proxies in a row — one local HTTP hop
   * less on every call the functions make.
   */
  listenDirect(): Promise<string> {
    return this.serve(false);
  }

  private async serve(withFaults: boolean): Promise<string> {
    const target = new URL(this.target);
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        if (withFaults && this.down) {
          this.injected++;
          req.socket.destroy();
          return;
        }
        const what = `${req.headers['x-amz-target'] ?? ''} ${req.url ?? ''}`;
        const fault = withFaults ? this.faults.find((f) => f.count > 0 && (!f.match || what.includes(f.match))) : undefined;
        const throttled = withFaults && !fault && this.overRate(what);
        if (fault || throttled) {
          if (fault) fault.count--;
          const status = fault ? fault.status : 429;
          this.injected++;
          res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': status === 429 ? 'TooManyRequestsException' : 'ServiceUnavailable' });
          res.end(JSON.stringify({ __type: status === 429 ? 'TooManyRequestsException' : 'ServiceUnavailable', message: 'injected fault' }));
          return;
        }
        const out = forward(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
          (upstream) => {
            if (this.settle) {
              const held: Buffer[] = [];
              upstream.on('data', (c: Buffer) => held.push(c));
              upstream.on('end', () => {
                const target = req.headers['x-amz-target'];
                const exchange = { method: req.method ?? '', path: req.url ?? '', target: typeof target === 'string' ? target : undefined, status: upstream.statusCode ?? 0, request: Buffer.concat(chunks), response: Buffer.concat(held) };
                void this.settle!(exchange)
                  .catch(() => undefined)
                  .finally(() => {
                    res.writeHead(upstream.statusCode ?? 502, upstream.headers);
                    res.end(exchange.response);
                  });
              });
              return;
            }
            res.writeHead(upstream.statusCode ?? 502, upstream.headers);
            if (!this.observe) return void upstream.pipe(res);
            const body: Buffer[] = [];
            upstream.on('data', (c: Buffer) => {
              body.push(c);
              res.write(c);
            });
            upstream.on('end', () => {
              res.end();
              const request = Buffer.concat(chunks);
              try {
                this.observe?.({ method: req.method ?? '', path: req.url ?? '', status: upstream.statusCode ?? 0, request, response: Buffer.concat(body) });
              } catch {
                /* an observer never breaks the proxy */
              }
            });
          },
        );
        out.on('error', () => res.destroy());
        out.end(Buffer.concat(chunks));
      });
    });
    this.servers.push(server);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const servers = this.servers.splice(0);
    await Promise.all(servers.map((server) => new Promise<void>((ok) => server.close(() => ok()))));
    for (const server of servers) server.closeAllConnections?.();
  }
}
