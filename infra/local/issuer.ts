import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SignJWT, type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export const LOCAL_CLIENT_ID = 'motcua-local';

/**
 * The local stand-in of an agency's client-credentials app client (`motcua-agency-<CODE>` that
 * `npm run agency-client -- add` makes on AWS). The issuer signs for it whether or not it is
 * registered, as Cognito would for a client of the pool; the authorizer accepts its tokens only
 * while its CLIENT#<clientId> item exists (`POST /_local/agency-clients`).
 */
export const localAgencyClientId = (agency: string) => `local-agency-${agency}`;

/**
 * A local token issuer shaped like Cognito: RS256 access tokens with `sub`, `cognito:groups`,
 * `client_id` and `token_use`. The key is kept in the data folder so tokens survive a restart.
 * Local only: nothing like it exists in the stack.
 */
export class LocalIssuer {
  private constructor(
    readonly issuer: string,
    private readonly privateKey: CryptoKey,
    /** What the authorizer verifies signatures with (on AWS: the pool's JWKS). */
    readonly publicKey: CryptoKey,
  ) {}

  static async create(issuer: string, keyFile?: string): Promise<LocalIssuer> {
    let jwk: { privateJwk: JWK; publicJwk: JWK };
    if (keyFile && existsSync(keyFile)) {
      jwk = JSON.parse(readFileSync(keyFile, 'utf8'));
    } else {
      const pair = await generateKeyPair('RS256', { extractable: true });
      jwk = { privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey) };
      if (keyFile) writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
    }
    return new LocalIssuer(
      issuer,
      (await importJWK(jwk.privateJwk, 'RS256')) as CryptoKey,
      (await importJWK(jwk.publicJwk, 'RS256')) as CryptoKey,
    );
  }

  sign(sub: string, groups: string[], ttlSeconds = 12 * 3600): Promise<string> {
    return new SignJWT({ 'cognito:groups': groups, client_id: LOCAL_CLIENT_ID, token_use: 'access', scope: 'aws.cognito.signin.user.admin' })
      .setProtectedHeader({ alg: 'RS256', kid: 'local' })
      .setSubject(sub)
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.privateKey);
  }

  /**
   * A client-credentials token as Cognito issues it to an agency's system: `sub` = `client_id`,
   * the granted scopes, no user, no groups.
   */
  signClient(clientId: string, scopes: string[], ttlSeconds = 3600): Promise<string> {
    return new SignJWT({ client_id: clientId, token_use: 'access', scope: scopes.join(' ') })
      .setProtectedHeader({ alg: 'RS256', kid: 'local' })
      .setSubject(clientId)
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.privateKey);
  }
}
