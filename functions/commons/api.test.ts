import { describe, expect, it } from 'vitest';
import { functionSpec, routes } from '../../infra/registry';

/** Every POST of the registry honours an Idempotency-Key; GET functions carry no idempotency code. */
describe('apiHandler', () => {
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s declares its idempotency', async (_, route) => {
    const mod = (await import(`../../${functionSpec(route.function).entry}`)) as { handler: { honoursIdempotencyKey?: boolean } };
    expect(mod.handler.honoursIdempotencyKey).toBe(route.method === 'POST');
  });
});
