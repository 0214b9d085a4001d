import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  /** Answer the next `count` requests with this status instead of forwarding them. */
  status: number;
  count: number;
  /** Only requests whose target / path contains this text (e.g. "outbound-emails"). */
  match?: string;
}

/**
 * A fault-injecting proxy in front of a local stand-in (DynamoDB, SES): forwards everything,
 * except while a fault is armed (answer with an error status) or while it is `down` (close the
 * connection, as an unreachable endpoint would). Local only.
 */
export class FaultyProxy {
  private server?: Server;
  private faults: Fault[] = [];
  down = false;
  injected = 0;

  constructor(private readonly target: string) {}

  arm(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
    this.down = false;
  }

  async listen(): Promise<string> {
    const target = new URL(this.target);
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        if (this.down) {
          this.injected++;
          req.socket.destroy();
          return;
        }
        const what = `${req.headers['x-amz-target'] ?? ''} ${req.url ?? ''}`;
        const fault = this.faults.find((f) => f.count > 0 && (!f.match || what.includes(f.match)));
        if (fault) {
          fault.count--;
          this.injected++;
          res.writeHead(fault.status, { 'content-type': 'application/json', 'x-amzn-errortype': fault.status === 429 ? 'TooManyRequestsException' : 'ServiceUnavailable' });
          res.end(JSON.stringify({ __type: fault.status === 429 ? 'TooManyRequestsException' : 'ServiceUnavailable', message: 'injected fault' }));
          return;
        }
        const out = forward(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
          (upstream) => {
            res.writeHead(upstream.statusCode ?? 502, upstream.headers);
            upstream.pipe(res);
          },
        );
        out.on('error', () => res.destroy());
        out.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server?.closeAllConnections?.();
  }
}
