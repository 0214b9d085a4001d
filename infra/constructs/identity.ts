import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolResourceServer,
  ResourceServerScope,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { resourceServer } from '../registry';
import { CALLBACK_PATH, signInUrls } from '../../functions/contracts/web-config';

export interface IdentityProps {
  /** Short id of the centre: the sign-in domain is `<domainPrefix>.auth.<region>.amazoncognito.com`. */
  domainPrefix: string;
  /** The pages' origin (`https://<domain>`, or the distribution's for a trial): the sign-in's callback and sign-out URLs follow it. */
  webOrigin: string;
  /** `-c environment=dev`: also http://localhost:3000 as callback; nothing retained. */
  dev: boolean;
}

/** The path the web app's sign-in comes back to (authorization code + PKCE). */
export { CALLBACK_PATH };
/** The local web app's origin, allowed as callback in a dev stack only. */
const LOCAL_ORIGIN = 'http://localhost:3000';

/**
 * Cognito for officers (desk, operators, agencies) and agencies' systems; citizens never sign in.
 * - a user pool domain with managed login;
 * - the web app's client: authorization code with PKCE (public client, no secret, no implicit flow);
 * - the terminal's client (`npm run token`): USER_PASSWORD_AUTH, for curl;
 * - a resource server `motcua` with the registry's scopes. Agencies' systems sign in with
 *   client-credentials clients of their own (`motcua-agency-<CODE>`), made at run time by
 *   `npm run agency-client -- add <CODE>` and mapped to their agency in the table: agencies are
 *   data, never resources, so the 150th agency changes no template.
 * Groups `desk` and `operator` are here; `agency-<CODE>` groups are created by the catalogue
 * loader and PUT /agencies/{code} when missing (so an agency added through the API and later to
 * the folder never makes a deploy fail on a group that exists).
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  /** The officers' web app. */
  readonly client: UserPoolClient;
  readonly terminalClient: UserPoolClient;
  /** The resource server whose scopes agencies' systems are given (motcua/tasks.read, …). */
  readonly resourceServer: UserPoolResourceServer;
  readonly groupNames: string[];

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const deletionProtection = !props.dev;
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Threat protection (the former "advanced security") needs the Plus plan; officers are few,
      // and they act on citizens' personal data, so compromised-credential checks are worth it.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection,
      removalPolicy: deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional by design (officers enrol TOTP at their own pace; SMS is off); Plus-plan threat protection ' +
        'is ENFORCED and blocks risky sign-ins. Switch to Mfa.REQUIRED once every office has enrolled.',
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    const origins = [props.webOrigin, ...(props.dev ? [LOCAL_ORIGIN] : [])];
    this.client = this.userPool.addClient('Client', {
      userPoolClientName: 'motcua-web',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: origins.map((o) => signInUrls(o).callback),
        logoutUrls: origins.map((o) => signInUrls(o).signedOut),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
    // Managed login pages need a style per client; Cognito's own look until a centre brands it.
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.terminalClient = this.userPool.addClient('TerminalClient', {
      userPoolClientName: 'motcua-terminal',
      generateSecret: false,
      authFlows: { userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    this.resourceServer = new UserPoolResourceServer(this, 'ResourceServer', {
      userPool: this.userPool,
      identifier: resourceServer.identifier,
      userPoolResourceServerName: resourceServer.name,
      scopes: resourceServer.scopes.map((s) => new ResourceServerScope({ scopeName: s.name, scopeDescription: s.description })),
    });

    this.groupNames = ['desk', 'operator'];
    for (const groupName of this.groupNames) {
      this.userPool.addGroup(`Group-${groupName}`, { groupName });
    }
  }

  /** The clients of officers (the web app, the terminal): the authorizer accepts their tokens by id. */
  get userClients(): UserPoolClient[] {
    return [this.client, this.terminalClient];
  }

  /** The issuer of the pool's tokens, `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  get issuer(): string {
    return `https://cognito-idp.${this.userPool.stack.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }

  /** `https://<prefix>.auth.<region>.amazoncognito.com` (managed login and the token endpoint). */
  get baseUrl(): string {
    return this.domain.baseUrl();
  }

}
