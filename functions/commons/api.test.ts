import { describe, expect, it } from 'vitest';
import { functionSpec, routes } from '../../infra/registry';
import { apiFunctions, apiRoutes } from '../api';
import { routeKey } from './route';

/** Every POST of the registry honours an Idempotency-Key; GET functions carry no idempotency code. */
describe('apiHandler', () => {
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s declares its idempotency', async (key, route) => {
    const declared = apiRoutes.find((r) => routeKey(r) === key);
    if (declared) {
      expect(Boolean(declared.idempotency || declared.ownIdempotency)).toBe(route.method === 'POST');
      return;
    }
    const mod = (await import(`../../${functionSpec(route.function).entry}`)) as { handler: { honoursIdempotencyKey?: boolean } };
    expect(mod.handler.honoursIdempotencyKey).toBe(route.method === 'POST');
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
