import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { DIST } from '../../web/build';
import { currentCentre } from '../../functions/core/centre';
import { catalogueFiles } from '../../functions/commons/catalogue-files';
import { parseCatalogue } from '../../functions/core/catalogue';
import { webConfig, type WebAuth } from '../../functions/contracts/web-config';
import { routes } from '../registry';

/** First path segments of the API's routes (and the local ones): never answered with a page. */
const API_ROOTS = new Set([...routes.map((r) => r.path.split('/')[1]!), '_local', 'api', 'openapi.json']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The runtime's centre folder (MOTCUA_CENTRE_DIR): its agencies and branches, for the pages (the local sign-in page). */
let folder: { dir: string; catalogue: ReturnType<typeof parseCatalogue> } | undefined;
export function centreCatalogue() {
  const dir = process.env.MOTCUA_CENTRE_DIR ?? join(DIST, '..', '..', 'config', 'hanoi');
  if (folder?.dir !== dir) folder = { dir, catalogue: parseCatalogue(catalogueFiles(dir)) };
  return folder.catalogue;
}

/** The same security headers as the CloudFront distribution's response-headers policy. */
export const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' http://127.0.0.1:* http://localhost:*; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function file(res: ServerResponse, path: string, cache: string): boolean {
  if (!existsSync(path) || !statSync(path).isFile()) return false;
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': cache, ...PAGE_HEADERS });
  res.end(readFileSync(path));
  return true;
}

/**
 * The web pages built into web/dist (npm run build:web): the officers' app at / (its files under
 * /officers/), the citizen's pages at /c/, the citizens' portal at /dvc/. A path that is no file gets its app's index.html (the
 * single-page fallback), as CloudFront does on AWS. Answers false when there is nothing to serve.
 */
export function servePage(pathname: string, res: ServerResponse, auth: WebAuth = { kind: 'local' }): boolean {
  // The contract and its reference page, and the pages' runtime configuration (local sign-in).
  if (pathname === '/openapi.json') return file(res, join(DIST, 'openapi.json'), 'no-cache');
  if (pathname === '/docs' || pathname === '/docs/') return file(res, join(DIST, 'docs', 'index.html'), 'no-cache');
  if (pathname === '/docs/docs.css') return file(res, join(DIST, 'docs', 'docs.css'), 'no-cache');
  if (pathname === '/config.json') {
    res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-cache', ...PAGE_HEADERS });
    const { agencies, profile } = centreCatalogue();
    res.end(JSON.stringify(webConfig({ ...currentCentre(), branches: profile.branches }, agencies, auth)));
    return true;
  }
  if (API_ROOTS.has(pathname.split('/')[1] ?? '')) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // not valid percent-encoded UTF-8 (`/c/%E0`): the request is wrong, not the server
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', ...PAGE_HEADERS });
    res.end('Bad Request');
    return true;
  }
  const safe = normalize(decoded).replace(/^([/\\])+/, '');
  if (safe.startsWith('..')) return false;
  const citizen = pathname === '/c' || pathname.startsWith('/c/');
  const portal = pathname === '/dvc' || pathname.startsWith('/dvc/');
  const app = citizen ? 'citizen' : portal ? 'dvc' : 'officers';
  const rel = citizen ? safe.replace(/^c[/\\]?/, '') : portal ? safe.replace(/^dvc[/\\]?/, '') : safe.replace(/^officers[/\\]?/, '');
  if (rel && extname(rel) && file(res, join(DIST, app, rel), 'public, max-age=300')) return true;
  if (extname(rel) && !rel.endsWith('.html')) return false;
  return file(res, join(DIST, app, 'index.html'), 'no-cache');
}
