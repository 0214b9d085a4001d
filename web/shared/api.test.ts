import { describe, expect, it } from 'vitest';
import { signedOut } from './api';

const answer = (status: number, contentType: string, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });

describe('signedOut: when the pages sign the officer out', () => {
  it("on the gateway's 401 (no token) and its 403 (the authorizer refused the token: expired, or an unknown client)", () => {
    expect(signedOut(answer(401, 'application/json', { message: 'Unauthorized' }))).toBe(true);
    expect(signedOut(answer(403, 'application/json', { message: 'Forbidden' }))).toBe(true);
  });

  it("never on a handler's 403 (problem+json: a role or an agency refused), nor on other answers", () => {
    expect(signedOut(answer(403, 'application/problem+json', { status: 403, title: 'Forbidden', detail: 'STP only' }))).toBe(false);
    expect(signedOut(answer(404, 'application/problem+json', { status: 404, title: 'Not Found' }))).toBe(false);
    expect(signedOut(answer(200, 'application/json', {}))).toBe(false);
  });
});
