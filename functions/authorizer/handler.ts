import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { createRemoteJWKSet } from 'jose';
import { agencyOfClient } from '../commons/agency-clients';
import { type AuthorizerContext, type AuthorizerOptions, authorize } from '../commons/authorizer';
import { logger } from '../commons/powertools';

/**
 * The HTTP API's Lambda REQUEST authorizer (payload 2.0, simple responses, identity source the
 * Authorization header, results cached by API Gateway for 5 minutes): functions/commons/authorizer.ts
 * decides, with the user pool's keys (its JWKS, fetched once and cached by jose) and the table's
 * CLIENT#<clientId> items (GetItem, cached a minute). Environment: AUTH_ISSUER (the pool's
 * issuer URL), AUTH_USER_CLIENTS (the web app's and the terminal's client ids, comma-separated).
 */
let options: AuthorizerOptions | undefined;

function optionsFromEnvironment(): AuthorizerOptions {
  const issuer = process.env.AUTH_ISSUER;
  const userClients = (process.env.AUTH_USER_CLIENTS ?? '').split(',').filter(Boolean);
  if (!issuer || userClients.length === 0) throw new Error('AUTH_ISSUER and AUTH_USER_CLIENTS must be set');
  return {
    issuer,
    key: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)),
    userClients,
    isRegisteredClient: async (clientId) => (await agencyOfClient(clientId)) !== undefined,
  };
}

export async function handler(event: APIGatewayRequestAuthorizerEventV2): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>> {
  options ??= optionsFromEnvironment();
  const decision = await authorize(event.headers?.authorization ?? event.identitySource?.[0], options);
  if (decision.allowed) return { isAuthorized: true, context: decision.context };
  // the reason only: never the token, nor who it names
  logger.info('refused', { reason: decision.reason, routeKey: event.routeKey });
  return { isAuthorized: false, context: {} };
}

/** Tests: read the environment again. */
export const forgetOptions = () => {
  options = undefined;
};
