import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../infra/registry';
import { apiFunctions, apiRoutes } from '../api';
import { routeKey } from './route';

describe('route modules', () => {
  /** Every POST honours an Idempotency-Key; GET routes carry no idempotency code. */
  it.each(apiRoutes.map((r) => [routeKey(r), r] as const))('%s declares its idempotency', (_, route) => {
    expect(Boolean(route.idempotency || route.ownIdempotency)).toBe(route.method === 'POST');
  });

  it('the registry holds exactly the route modules, each with the function of its boundary', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(apiRoutes.map(routeKey).sort());
    for (const f of apiFunctions) for (const r of f.routes) expect(routes.find((x) => `${x.method} ${x.path}` === routeKey(r))?.function).toBe(f.name);
  });
});

describe('unit tests beside every route module', () => {
  const root = join(import.meta.dirname, '..');
  const modules = readdirSync(root).filter((d) => d !== 'commons' && existsSync(join(root, d, 'route.ts')));
  it('one route module per route of the registry', () => {
    expect(modules).toHaveLength(apiRoutes.length);
  });
  it.each(modules)('functions/%s/route.test.ts', (d) => {
    expect(existsSync(join(root, d, 'route.test.ts'))).toBe(true);
  });
});

describe('functions by trust boundary', () => {
  it.each(apiFunctions.map((f) => [f.name, f] as const))('%s holds only the routes its boundary admits', (_, f) => {
    for (const r of f.routes) expect(f.admits(r), `${routeKey(r)} (roles ${r.roles.join(', ')}) is not for ${f.name}`).toBe(true);
  });
  it('no route is declared twice', () => {
    const keys = apiRoutes.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
