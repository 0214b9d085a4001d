import { describe, expect, it } from 'vitest';
import { callerOf } from './access';
import { contextOf } from './authorizer';
import type { ApiEvent } from './route';

/** An event as the API's Lambda authorizer passes a token's claims on (requestContext.authorizer.lambda). */
const eventWith = (claims: Record<string, unknown>) => ({ requestContext: { authorizer: { lambda: contextOf(claims) } } }) as unknown as ApiEvent;
const now = () => Math.floor(Date.now() / 1000);

describe('callerOf: the caller from the authorizer’s context', () => {
  it('reads an officer’s sub and groups (passed on as JSON text)', async () => {
    expect(await callerOf(eventWith({ sub: 'u-1', token_use: 'id', 'cognito:groups': ['desk', 'agency-STP'], exp: now() + 60 }))).toEqual({ sub: 'u-1', groups: ['desk', 'agency-STP'] });
  });

  it("is nobody with a JWT authorizer's claims (the API has only the Lambda authorizer: no second shape to trust)", async () => {
    const event = { requestContext: { authorizer: { jwt: { claims: { sub: 'u-2', 'cognito:groups': '[operator]' }, scopes: null } } } } as unknown as ApiEvent;
    expect(await callerOf(event)).toBeUndefined();
  });

  it('is nobody with a token expired since the authorizer let it through (its answer is cached 5 minutes)', async () => {
    expect(await callerOf(eventWith({ sub: 'u-1', token_use: 'id', 'cognito:groups': ['desk'], exp: now() - 1 }))).toBeUndefined();
    expect(await callerOf(eventWith({ sub: 'u-1', token_use: 'id', 'cognito:groups': ['desk'], exp: 'soon' }))).toBeUndefined();
  });
});
