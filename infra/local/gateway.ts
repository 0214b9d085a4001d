import { isCitizenFacing } from '../../functions/core/roles';
import type { LocalPayHub } from './payhub';
import { LocalOAuth } from './oauth';
import type { LocalOidc } from './oidc';
import type { LocalDvcqg } from './dvcqg';
import type { WebAuth } from '../../functions/contracts/web-config';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2WithLambdaAuthorizer } from 'aws-lambda';
import * as z from 'zod';
import { agencyExists, registerClient, unregisterClient } from '../../functions/commons/agency-client-registry';
import { openSession } from '../../functions/commons/citizen-session';
import { SESSION_HOURS } from '../../functions/core/citizen';
import { agencyOfClient } from '../../functions/commons/agency-clients';
import { type AuthorizerContext, type AuthorizerOptions, authorize } from '../../functions/commons/authorizer';
import { HttpProblem, badRequest, conflict, notFound, problem } from '../../functions/commons/http';
import { toLocalIso } from '../../functions/core/local-time';
import { routes, type RouteSpec } from '../registry';
import { ClockBackwardsError, parseDuration, type LocalClock } from './clock';
import type { FaultyProxy } from './faults';
import { LOCAL_CLIENT_ID, localAgencyClientId, type LocalIssuer } from './issuer';
import type { LocalLambdas } from './lambdas';
import { servePage } from './pages';
import type { TokenBuckets } from './rate-limit';

const MAX_BODY = 256 * 1024;

interface CompiledRoute {
  spec: RouteSpec;
  key: string;
  pattern: RegExp;
  params: string[];
}

function compile(spec: RouteSpec): CompiledRoute {
  const params: string[] = [];
  const source = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { spec, key: `${spec.method} ${spec.path}`, pattern: new RegExp(`^${source}$`), params };
}

const FaultRequest = z
  .object({
    service: z.enum(['dynamodb', 'ses']),
    status: z.number().int().min(400).max(599).optional(),
    count: z.number().int().min(1).max(1000).optional(),
    match: z.string().max(100).optional(),
    down: z.boolean().optional(),
    /** Requests per second forwarded before 429s (SES's throttle); 0 lifts it. */
    rate: z.number().min(0).max(1000).optional(),
  })
  .strict();
const TokenRequest = z.union([
  z.object({ sub: z.string().min(1).max(128), groups: z.array(z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/)).max(20) }).strict(),
  // An agency's system: the client-credentials token of its client (local-agency-<CODE>), registered or not.
  z.object({ client: z.string().regex(/^[A-Z0-9]{2,12}$/, 'an agency code'), scopes: z.array(z.string().regex(/^[a-z]+\/[a-z.]+$/)).max(10) }).strict(),
  // A citizen as the national sign-in vouches for them: a session, as POST /public/sign-in opens one.
  z.object({
    citizen: z
      .object({
        identityNumber: z.string().regex(/^\d{12}$/, '12 digits'),
        name: z.string().min(1).max(200),
        email: z.email().optional(),
        phone: z.string().max(20).optional(),
        address: z.string().max(300).optional(),
      })
      .strict(),
  }).strict(),
]);
/** `POST /_local/agency-clients`: the local `npm run agency-client -- add <CODE>`. */
const AgencyClientRequest = z.object({ agency: z.string().regex(/^[A-Z0-9]{2,12}$/, 'an agency code') }).strict();
const ClockRequest = z.union([z.object({ advance: z.string() }).strict(), z.object({ set: z.iso.datetime({ offset: true }) }).strict()]);

/**
 * The local API Gateway: the registry's routes as HTTP API v2 events, tokens decided by the API's
 * own authorizer code (functions/commons/authorizer.ts: the local issuer's key, its officers'
 * client, agency systems' clients registered as CLIENT# items), plus the local-only /_local
 * routes (tokens, agency clients, the clock).
 */
/** The pages' sign-in with the local managed login (same origin, under /_local). */
const OAUTH_AUTH: WebAuth = { kind: 'cognito', domain: 'local', clientId: LOCAL_CLIENT_ID, baseUrl: '/_local' };

export class LocalGateway {
  private readonly compiled = routes.map(compile);
  private readonly authorizer: AuthorizerOptions;
  private server?: Server;
  /** The runtime's `settled()`, for GET /_local/settled (tests driving a runtime in another process). */
  settled?: () => boolean;

  /** Cognito's managed login as on AWS (runtime option `signIn: 'oauth'`): the pages sign in through it. */
  oauth?: LocalOAuth;
  /** The payment hub's stand-in (infra/local/payhub.ts), under /_local/payhub/. */
  payhub?: LocalPayHub;
  /** The national sign-in's stand-in (infra/local/oidc.ts) under /_local/oidc. */
  oidc?: LocalOidc;
  /** The national portal's stand-in (infra/local/dvcqg.ts) under /_local/dvcqg. */
  dvcqg?: LocalDvcqg;

  constructor(
    private readonly lambdas: LocalLambdas,
    private readonly issuer: LocalIssuer,
    private readonly clock: LocalClock,
    private readonly faults?: Record<'dynamodb' | 'ses', FaultyProxy>,
    /** Per-client limit on the citizen's routes (as the WAF on AWS); none when undefined. */
    private readonly publicLimit?: TokenBuckets,
  ) {
    this.authorizer = {
      issuer: issuer.issuer,
      key: issuer.publicKey,
      userClients: [LOCAL_CLIENT_ID],
      isRegisteredClient: async (clientId) => (await agencyOfClient(clientId)) !== undefined,
    };
  }

  async listen(port: number): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(port, '127.0.0.1', ok);
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server?.closeAllConnections?.();
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  private async readBody(req: IncomingMessage): Promise<Buffer | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return undefined;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    // Every answer carries the platform's time (the pages read their clock from it, web/shared/clock.ts):
    // the local clock, which tests and demos move, not this machine's (Node would send that).
    res.setHeader('date', new Date(this.clock.now()).toUTCString());
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      // the OpenID provider reads its own bodies (before ours would consume them)
      if (this.oidc && (await this.oidc.handle(req, res))) return;
      const body = await this.readBody(req);
      if (!body) return this.send(res, 413, { message: 'Request Entity Too Large' });
      if (this.oauth && (await this.oauth.handle(method, url, body, res))) return;
      if (this.dvcqg?.handle(method, url.pathname, req.headers, body, res)) return;
      if (this.payhub && (await this.payhub.handle(method, url, body, res))) return;
      if (url.pathname.startsWith('/_local/')) return await this.local(method, url.pathname, body, res);
      // The API is served under /api (as behind CloudFront on AWS) and, for curl, at the root too.
      const apiPath = url.pathname === '/api' || url.pathname.startsWith('/api/') ? url.pathname.slice(4) || '/' : url.pathname;
      const match = this.match(method, apiPath);
      if (!match) {
        if ((method === 'GET' || method === 'HEAD') && apiPath === url.pathname && servePage(url.pathname, res, this.oauth ? OAUTH_AUTH : undefined)) return;
        return this.send(res, 404, { message: 'Not Found' });
      }
      if (!match.pathParameters) {
        return this.problem(res, [{ path: ['path'], message: 'Not valid percent-encoded UTF-8' }]);
      }
      const isPublic = isCitizenFacing(match.route.spec.roles);
      const wait = isPublic ? this.publicLimit?.take(req.socket.remoteAddress ?? '') : undefined;
      if (wait) return this.tooMany(res, wait);
      const decision = isPublic ? undefined : await authorize(req.headers.authorization, this.authorizer);
      // API Gateway's own answers: no Authorization header, 401 (the authorizer is not invoked);
      // the authorizer's isAuthorized: false, 403 — the same bodies
      if (decision && !decision.allowed) {
        return decision.reason === 'no-token' ? this.send(res, 401, { message: 'Unauthorized' }) : this.send(res, 403, { message: 'Forbidden' });
      }
      const event = this.event(req, url, match.route, match.pathParameters, body, decision?.context, apiPath);
      const result = (await this.lambdas.invoke(match.route.spec.function, event)) as {
        statusCode?: number;
        headers?: Record<string, string>;
        body?: string;
      };
      res.writeHead(result?.statusCode ?? 200, result?.headers ?? {});
      res.end(result?.body ?? '');
    } catch (error) {
      this.send(res, 500, { message: 'Internal Server Error' });
      console.error('local gateway:', (error as Error).name, (error as Error).message);
    }
  }

  private match(method: string, path: string) {
    for (const route of this.compiled) {
      if (route.spec.method !== method) continue;
      const m = route.pattern.exec(path);
      if (!m) continue;
      try {
        const pathParameters = Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(m[i + 1]!)]));
        return { route, pathParameters };
      } catch {
        return { route, pathParameters: undefined }; // not valid percent-encoded UTF-8
      }
    }
    return undefined;
  }

  private event(
    req: IncomingMessage,
    url: URL,
    route: CompiledRoute,
    pathParameters: Record<string, string>,
    body: Buffer,
    context: AuthorizerContext | undefined,
    apiPath = url.pathname,
  ): APIGatewayProxyEventV2WithLambdaAuthorizer<AuthorizerContext> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const query = [...url.searchParams.keys()].length
      ? Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.getAll(k).join(',')]))
      : undefined;
    const now = this.clock.now();
    return {
      version: '2.0',
      routeKey: route.key,
      rawPath: apiPath,
      rawQueryString: url.search.slice(1),
      headers,
      queryStringParameters: query,
      pathParameters: route.params.length ? pathParameters : undefined,
      body: body.length ? body.toString('utf8') : undefined,
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'local',
        http: {
          method: route.spec.method,
          path: apiPath,
          protocol: 'HTTP/1.1',
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId: randomUUID(),
        routeKey: route.key,
        stage: '$default',
        time: new Date(now).toUTCString(),
        timeEpoch: now,
        // as API Gateway passes a Lambda authorizer's context on (functions/commons/access.ts reads it)
        ...(context ? { authorizer: { lambda: context } } : {}),
      },
    } as APIGatewayProxyEventV2WithLambdaAuthorizer<AuthorizerContext>;
  }

  private async local(method: string, path: string, body: Buffer, res: ServerResponse) {
    const input = () => {
      try {
        return JSON.parse(body.toString('utf8') || '{}');
      } catch {
        return undefined;
      }
    };
    if (method === 'POST' && path === '/_local/tokens') {
      const parsed = TokenRequest.safeParse(input());
      if (!parsed.success) return this.problem(res, parsed.error.issues);
      if ('citizen' in parsed.data) {
        const session = await openSession(parsed.data.citizen, new Date(this.clock.now()));
        return this.send(res, 200, { token: session.token, expiresAt: session.expiresAt, expiresIn: SESSION_HOURS * 3600 });
      }
      if ('client' in parsed.data) {
        const clientId = localAgencyClientId(parsed.data.client);
        return this.send(res, 200, { token: await this.issuer.signClient(clientId, parsed.data.scopes), clientId, expiresIn: 3600 });
      }
      return this.send(res, 200, { token: await this.issuer.sign(parsed.data.sub, parsed.data.groups), expiresIn: 43200 });
    }
    // The local `npm run agency-client -- add|remove <CODE>`: the same CLIENT# item, through the same code.
    if (method === 'POST' && path === '/_local/agency-clients') {
      const parsed = AgencyClientRequest.safeParse(input());
      if (!parsed.success) return this.problem(res, parsed.error.issues);
      const { agency } = parsed.data;
      if (!(await agencyExists(agency))) {
        const out = problem(notFound(`No agency ${agency} in the catalogue: add it to agencies.json or PUT /agencies/${agency} first`));
        res.writeHead(out.statusCode!, out.headers as Record<string, string>);
        return res.end(out.body);
      }
      const clientId = localAgencyClientId(agency);
      await registerClient(clientId, agency, 'local agency-client', new Date(this.clock.now()));
      return this.send(res, 201, { clientId, agency });
    }
    const removal = /^\/_local\/agency-clients\/([A-Z0-9]{2,12})$/.exec(path);
    if (method === 'DELETE' && removal) {
      const clientId = localAgencyClientId(removal[1]!);
      return this.send(res, 200, { clientId, removed: await unregisterClient(clientId) });
    }
    if (path === '/_local/clock' && method === 'GET') return this.send(res, 200, this.clockView());
    // Nothing left to do at the clock's time (LocalRuntime.settled), on two looks a few event-loop turns apart.
    if (path === '/_local/settled' && method === 'GET' && this.settled) {
      let settled = this.settled();
      for (let i = 0; settled && i < 5; i++) await new Promise((r) => setImmediate(r));
      settled &&= this.settled();
      return this.send(res, 200, { settled });
    }
    if (path === '/_local/clock' && method === 'POST') {
      const parsed = ClockRequest.safeParse(input());
      if (!parsed.success) return this.problem(res, parsed.error.issues);
      try {
        if ('advance' in parsed.data) this.clock.advance(parseDuration(parsed.data.advance));
        else this.clock.set(Date.parse(parsed.data.set));
      } catch (error) {
        if (error instanceof ClockBackwardsError) {
          const out = problem(conflict(error.message));
          res.writeHead(out.statusCode!, out.headers as Record<string, string>);
          return res.end(out.body);
        }
        return this.problem(res, [{ path: [Object.keys(parsed.data)[0]!], message: (error as Error).message }]);
      }
      return this.send(res, 200, this.clockView());
    }
    // The scheduled job, on demand (on AWS it runs daily at 02:00 Asia/Ho_Chi_Minh).
    if (method === 'POST' && path === '/_local/jobs/anonymise-closed') return this.send(res, 200, await this.lambdas.invoke('anonymise-closed', {}));
    // The online checks' lapse warnings, on demand (on AWS every 15 minutes in working hours).
    if (method === 'POST' && path === '/_local/jobs/check-lapses') return this.send(res, 200, await this.lambdas.invoke('check-lapses', {}));
    if (path === '/_local/faults' && this.faults) {
      if (method === 'DELETE') {
        this.faults.dynamodb.clear();
        this.faults.ses.clear();
        return this.send(res, 200, { cleared: true });
      }
      const parsed = FaultRequest.safeParse(input());
      if (method !== 'POST' || !parsed.success) return this.problem(res, parsed.success ? [] : parsed.error.issues);
      const proxy = this.faults[parsed.data.service];
      if (parsed.data.down !== undefined) proxy.down = parsed.data.down;
      if (parsed.data.count) proxy.arm({ status: parsed.data.status ?? 503, count: parsed.data.count, match: parsed.data.match });
      if (parsed.data.rate !== undefined) proxy.rate = parsed.data.rate > 0 ? { perSecond: parsed.data.rate, match: parsed.data.match } : undefined;
      return this.send(res, 200, { service: parsed.data.service, down: proxy.down, injected: proxy.injected });
    }
    return this.send(res, 404, { message: 'Not Found' });
  }

  private clockView() {
    const now = this.clock.now();
    return { now: toLocalIso(now), offsetMs: now - Date.now() };
  }

  /** The per-client limit's 429, problem+json with Retry-After (as the WAF's custom response). */
  private tooMany(res: ServerResponse, seconds: number) {
    const out = problem(new HttpProblem(429, 'Too Many Requests', 'Too many requests from this address: try again later', undefined, { 'retry-after': String(seconds) }));
    res.writeHead(out.statusCode!, out.headers as Record<string, string>);
    res.end(out.body);
  }

  /** A 400 in the same problem+json as the handlers'. */
  private problem(res: ServerResponse, issues: { path: PropertyKey[]; message: string }[]) {
    const errors = issues.map((i) => ({ field: i.path.map(String).join('.') || 'body', message: i.message }));
    const out = problem(badRequest(`Invalid request: ${errors.map((e) => e.field).join(', ')}`, errors));
    res.writeHead(out.statusCode!, out.headers as Record<string, string>);
    res.end(out.body);
  }
}
