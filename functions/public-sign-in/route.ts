import * as z from 'zod';
import { openSession } from '../commons/citizen-session';
import { factTime } from '../commons/clock';
import { HttpProblem } from '../commons/http';
import { exchangeCode } from '../commons/national-sign-in';
import { defineRoute, reply } from '../commons/route';
import { CitizenSignedIn } from '../contracts/responses';
import { CITIZEN_CALLBACK_PATH } from '../contracts/web-config';
import { currentCentre } from '../core/centre';
import { toLocalIso } from '../core/local-time';

/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const verifier = z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/, 'a PKCE code verifier (43 to 128 unreserved characters)');
export const SignIn = z
  .object({
    code: z.string().min(1).max(2048),
    codeVerifier: verifier,
    redirectUri: z.url().max(2048),
    nonce: z.string().min(16).max(256),
  })
  .strict();

/**
 * POST /public/sign-in: the portal's callback page (/dvc/callback) hands over the code the
 * national sign-in returned, with its PKCE verifier, its redirect URI and the nonce it sent; the
 * public function exchanges the code server to server (the client secret never reaches the
 * browser), verifies the ID token and reads userinfo (functions/commons/national-sign-in.ts), then
 * opens a session (an opaque token, 2 h). The code is single use: a retry of a lost answer is
 * refused by the provider (sign in again), and no record of the answer is kept under an
 * Idempotency-Key, for it holds the session's token (the table never does).
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/sign-in',
  summary: 'Citizen: sign in with the national sign-in (exchange the authorization code for a session)',
  operationId: 'publicSignIn',
  roles: ['public'],
  // the session's item; the client secret (Secrets Manager, once per container)
  access: { table: ['PutItem'], citizenSignInSecret: true },
  timeoutSeconds: 20,
  body: SignIn,
  responses: { 201: CitizenSignedIn },
  errors: [401, 404, 429, 503],
  ownIdempotency: true,
  handler: async ({ body }) => {
    const centre = currentCentre();
    const settings = centre.citizenSignIn;
    if (!settings) {
      throw new HttpProblem(404, 'Not Found', 'Trung tâm chưa kết nối đăng nhập quốc gia; hãy tra cứu bằng mã hồ sơ và mã PIN. / This centre offers no national sign-in; look your dossier up with its code and PIN.');
    }
    const expected = `${new URL(centre.portalUrl).origin}${CITIZEN_CALLBACK_PATH}`;
    if (body.redirectUri !== expected) {
      throw new HttpProblem(400, 'Bad Request', `Địa chỉ quay lại phải là ${expected} / redirectUri must be ${expected}`, [{ field: 'redirectUri', code: 'invalid', message: `must be ${expected}` }]);
    }
    const citizen = await exchangeCode(settings, body);
    const session = await openSession(citizen, factTime());
    return reply(201, { token: session.token, expiresAt: toLocalIso(session.expiresAt), citizen }, { 'cache-control': 'no-store' });
  },
});
