interface Text {
  vi: string;
  en: string;
}
/** What the pages read of the centre's profile (functions/core/centre.ts) and of its agencies. */
interface CentreFields {
  code: string;
  name: Text;
  address: Text;
  openingHours: Text;
  hotline: string;
  portalUrl?: string;
  deskAgency: string;
  branches?: BranchFields[];
  citizenSignIn?: CitizenSignInFields;
}
/** centre.json's citizenSignIn (functions/core/centre.ts): the national sign-in, without the secret's name. */
interface CitizenSignInFields {
  issuer: string;
  authorizationEndpoint?: string;
  clientId: string;
  scope?: string;
  acrValues?: string;
}

/** Where the national sign-in comes back to on the portal (`<origin>/dvc/callback`): registered with the provider, checked by POST /public/sign-in. */
export const CITIZEN_CALLBACK_PATH = '/dvc/callback';

/**
 * What the portal's pages need to send a citizen to the national sign-in (authorization code with
 * PKCE, a `state` and a `nonce` of their own): the provider's authorize endpoint, the centre's
 * client id, the scope and acr_values to ask, and the path of the callback (on the pages' origin).
 * null: the centre has no national sign-in configured (the PIN lookup only).
 */
export function citizenSignInConfig(s: CitizenSignInFields | undefined) {
  if (!s) return null;
  return {
    authorizationEndpoint: s.authorizationEndpoint ?? `${s.issuer.replace(/\/+$/, '')}/oauth2/authorize`,
    clientId: s.clientId,
    scope: s.scope ?? 'openid',
    acrValues: s.acrValues ?? null,
    redirectPath: CITIZEN_CALLBACK_PATH,
  };
}
/** A branch desk (centre.json's branches): its receipts name its address, hours and hotline. */
interface BranchFields {
  code: string;
  name: Text;
  address: Text;
  openingHours: Text;
  hotline: string;
}
interface AgencyFields {
  code: string;
  kind: 'desk' | 'department';
  name: Text;
}

/**
 * Where the officers' sign-in comes back to, and where a sign-out lands: the user pool client
 * allows exactly `<origin>` + these (infra/constructs/identity.ts), and the pages send exactly
 * these (web/officers/auth.ts). One origin for everything: `https://<domain>`, or the
 * distribution's own name for a trial.
 */
export const CALLBACK_PATH = '/auth/callback';
export const SIGNED_OUT_PATH = '/sign-in';
export const signInUrls = (origin: string) => ({
  callback: `${origin.replace(/\/+$/, '')}${CALLBACK_PATH}`,
  signedOut: `${origin.replace(/\/+$/, '')}${SIGNED_OUT_PATH}`,
});

/** How the pages sign an officer in: the local issuer, or Cognito's managed login (code + PKCE). */
export type WebAuth =
  | { kind: 'local' }
  | { kind: 'cognito'; domain: string; clientId: string; scopes?: string[]; /** Locally the managed login's stand-in (`/_local`); on AWS `https://<domain>`. */ baseUrl?: string };

/**
 * /config.json, read by the pages at start: what they need of the centre (the receipt's header,
 * the citizen's lookup link), its agencies (names for the queues, who one may sign in as
 * locally) and how to sign in. Written by the stack beside the pages (BucketDeployment) and
 * answered by the local gateway: the same builder for both. No secret in it: it is public.
 */
export function webConfig(centre: CentreFields & { portalUrl: string }, agencies: AgencyFields[], auth: WebAuth) {
  return {
    centre: {
      code: centre.code,
      name: centre.name,
      address: centre.address,
      openingHours: centre.openingHours,
      hotline: centre.hotline,
      portalUrl: centre.portalUrl.replace(/\/$/, ''),
      deskAgency: centre.deskAgency,
      branches: (centre.branches ?? []).map((b) => ({ code: b.code, name: b.name, address: b.address, openingHours: b.openingHours, hotline: b.hotline })),
    },
    agencies: agencies.map((a) => ({ code: a.code, kind: a.kind, name: a.name })),
    auth,
    citizenSignIn: citizenSignInConfig(centre.citizenSignIn),
  };
}
export type WebConfig = ReturnType<typeof webConfig>;
