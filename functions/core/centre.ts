import * as z from 'zod';
import { FEEDBACK_PREFIX } from './feedback';

/**
 * A centre's profile (config/<centre>/centre.json): who the citizen deals with, where, when and
 * how to reach them, and where the platform runs for it. Code never names a centre: every letter,
 * page and stack reads this. The loader validates it (each error naming the file and the field);
 * handlers read it from the CENTRE_PROFILE environment variable (set by the stack and by the
 * local runtime), through `currentCentre()`.
 */
const text = z.object({ vi: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }).strict();
const domain = z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a DNS domain name, lower case');

/**
 * A branch desk: another place where the centre receives dossiers and hands results back. Its
 * code is the prefix of the codes of the dossiers it receives (with its own day counter), and its
 * desk officers carry the group `branch-<code>` beside `desk`. Its letters and receipts name its
 * address, opening hours and hotline.
 */
export const Branch = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{2,12}$/, 'upper-case letters and digits, 2 to 12 characters, e.g. BDH (the prefix of its dossier codes)'),
    name: text,
    address: text,
    openingHours: text,
    hotline: z.string().trim().min(3).max(40),
  })
  .strict();
export type Branch = z.infer<typeof Branch>;

/**
 * How this centre's citizens sign in: the national single sign-on (OpenID Connect, authorization
 * code with PKCE, a confidential client). The centre registers its portal there (docs/deploy.md,
 * "National sign-in") and gets a client id and secret; the secret stays in AWS Secrets Manager
 * under `clientSecretName`, read by the public function only. The local runtime fills it in with
 * its stand-in (infra/local/oidc.ts).
 */
export const CitizenSignIn = z
  .object({
    /** The provider's issuer identifier (its discovery document is at `<issuer>/.well-known/openid-configuration`). */
    issuer: z.url({ protocol: /^https?$/ }),
    /** Where the pages send the citizen (default `<issuer>/oauth2/authorize`, as the national sign-in names it). */
    authorizationEndpoint: z.url({ protocol: /^https?$/ }).optional(),
    clientId: z.string().trim().min(1).max(200),
    /** The client secret's name (or ARN) in Secrets Manager; locally the runtime's own secret. */
    clientSecretName: z.string().regex(/^[A-Za-z0-9/_+=.@:-]{1,512}$/, "a Secrets Manager secret's name or ARN"),
    /** Default `openid`. */
    scope: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'scope tokens separated by spaces').optional(),
    /** Asked level of assurance, e.g. `LoA1`. */
    acrValues: z.string().regex(/^[\w.:-]+( [\w.:-]+)*$/).optional(),
  })
  .strict();
export type CitizenSignIn = z.infer<typeof CitizenSignIn>;

export const CentreProfile = z
  .object({
    /** Short id of the centre (the folder's name), lower case. */
    code: z.string().regex(/^[a-z0-9-]{2,40}$/),
    name: text,
    address: text,
    openingHours: text,
    hotline: z.string().trim().min(3).max(40),
    /**
     * The pages' own domain (e.g. motcua.hanoi.gov.vn): the distribution answers it with a
     * certificate in us-east-1, and the citizens' links (portalUrl), the sign-in's callback and
     * sign-out URLs and the documents bucket's CORS all follow `https://<domain>`. Without one (a
     * trial), they all follow the distribution's own `https://<id>.cloudfront.net`.
     */
    domain: domain.optional(),
    /** The domain's Route 53 hosted zone in this account, if any: the certificate is validated and the alias records made there. */
    domainHostedZoneId: z.string().regex(/^Z[A-Z0-9]{1,31}$/, 'a Route 53 hosted zone id').optional(),
    /**
     * The citizens' pages: derived from `domain` on AWS (give it only to say the same thing);
     * the local runtime sets it to its gateway.
     */
    portalUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** The sender; hostedZoneId: the domain's Route 53 zone in this account, if any (then DKIM and MAIL FROM records are made). */
    sender: z.object({ address: z.email(), domain, hostedZoneId: z.string().regex(/^Z[A-Z0-9]{1,31}$/, 'a Route 53 hosted zone id').optional() }).strict(),
    /** SES's maximum send rate for the account (emails per second). */
    sendingRatePerSecond: z.number().positive().max(1000),
    /** The AWS region where citizens' data is kept. */
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region, e.g. ap-southeast-1'),
    /** Formerly the sign-in's origins: derived from `domain` now; if given, it must say the same. */
    webOrigins: z.array(z.url()).min(1).max(10).optional(),
    /** Where alarms are emailed. */
    alarmEmail: z.email().optional(),
    /** Prefix of the officers' sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`); default `motcua-<code>`. */
    signInDomainPrefix: z.string().regex(/^(?!.*(aws|amazon|cognito))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and dashes, without aws, amazon or cognito').optional(),
    /** The one-stop desk agency's code. */
    deskAgency: z.string().regex(/^[A-Z0-9]{2,12}$/),
    /**
     * Branch desks besides the main one (the profile's own address); none: the single desk. The
     * loader writes them to the table; the functions' CENTRE_PROFILE omits them (`functionsProfile`):
     * handlers read a branch with `getBranch`, never `currentCentre().branches`.
     */
    branches: z.array(Branch).max(200).optional(),
    /** The citizens' national sign-in; without it the portal offers only the PIN lookup. */
    citizenSignIn: CitizenSignIn.optional(),
    /** The payment hub fees are paid through (docs/fees.md): its API's address and its shared secret's name in Secrets Manager. */
    paymentHub: z
      .object({ url: z.url({ protocol: /^https$/ }), secretName: z.string().regex(/^[A-Za-z0-9/_+=.@-]{1,512}$/, 'a Secrets Manager name or ARN') })
      .strict()
      .optional(),
    /**
     * Citizens' feedback (docs/feedback.md): working days to answer (default 10, Decree 20/2008 as
     * amended by Decree 92/2017) and how many before that the agency is warned (default 2).
     */
    feedback: z
      .object({ answerWorkingDays: z.number().int().min(1).max(60).optional(), warningWorkingDays: z.number().int().min(0).max(30).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    // one origin for the pages: what is still written beside the domain must agree with it
    const origin = p.domain ? `https://${p.domain}` : undefined;
    const bare = (u: string) => u.replace(/\/+$/, '');
    if (p.domainHostedZoneId && !p.domain) ctx.addIssue({ code: 'custom', path: ['domainHostedZoneId'], message: 'needs domain' });
    if (p.portalUrl && origin && bare(p.portalUrl) !== origin) {
      ctx.addIssue({ code: 'custom', path: ['portalUrl'], message: `must be ${origin} (it follows domain), or be left out` });
    }
    if (p.webOrigins && origin && (p.webOrigins.length !== 1 || bare(p.webOrigins[0]!) !== origin)) {
      ctx.addIssue({ code: 'custom', path: ['webOrigins'], message: `must be ["${origin}"] (it follows domain), or be left out` });
    }
    if (p.webOrigins && !origin) {
      ctx.addIssue({ code: 'custom', path: ['webOrigins'], message: 'set domain instead: the sign-in, the links and CORS all follow it' });
    }
    (p.branches ?? []).forEach((b, i) => {
      if (p.branches!.findIndex((x) => x.code === b.code) !== i) ctx.addIssue({ code: 'custom', path: ['branches', i, 'code'], message: `${b.code} is listed twice` });
      if (b.code === FEEDBACK_PREFIX) ctx.addIssue({ code: 'custom', path: ['branches', i, 'code'], message: `${b.code} is the prefix of feedback codes: a branch has a prefix of its own` });
      if (b.code === p.deskAgency) ctx.addIssue({ code: 'custom', path: ['branches', i, 'code'], message: `${b.code} is the main desk's code (deskAgency): a branch has a prefix of its own` });
    });
  });
export type CentreProfile = z.infer<typeof CentreProfile>;

/** A running centre: its pages' address is known (the stack derives it, the local runtime sets it). */
export type RunningCentre = CentreProfile & { portalUrl: string };

/** The pages' origin a profile names: `https://<domain>`, or its portalUrl's origin; undefined for a trial on AWS. */
export function pagesOrigin(p: Pick<CentreProfile, 'domain' | 'portalUrl'>): string | undefined {
  if (p.domain) return `https://${p.domain}`;
  return p.portalUrl ? new URL(p.portalUrl).origin : undefined;
}

let cached: { raw: string; profile: RunningCentre } | undefined;

/** The centre this deployment serves, from CENTRE_PROFILE (JSON); throws if unset or invalid. */
export function currentCentre(): RunningCentre {
  const raw = process.env.CENTRE_PROFILE;
  if (!raw) throw new Error('CENTRE_PROFILE is not set: the stack and the local runtime set it from config/<centre>/centre.json');
  if (cached?.raw !== raw) {
    const profile = CentreProfile.parse(JSON.parse(raw));
    if (!profile.portalUrl) throw new Error('CENTRE_PROFILE has no portalUrl: the stack derives it from the domain or the distribution');
    cached = { raw, profile: profile as RunningCentre };
  }
  return cached.profile;
}

/**
 * The profile as the functions get it (CENTRE_PROFILE): without its branches, which the catalogue
 * loader writes to the table (`getBranch`, functions/commons/store.ts). A branch is data: adding
 * one changes no function's environment, and the environment stays within Lambda's 4 KB.
 */
export function functionsProfile(profile: CentreProfile): Omit<CentreProfile, 'branches'> {
  const { branches: _branches, ...rest } = profile;
  return rest;
}

/**
 * Where a dossier's citizen deals with the centre: the centre's profile, with the address, opening
 * hours and hotline of the branch that received the dossier (and its name as `desk`), if any.
 */
export function deskContact<C extends Pick<CentreProfile, 'address' | 'openingHours' | 'hotline'>>(centre: C, branch: Branch | undefined): C & { desk?: Branch['name'] } {
  return branch ? { ...centre, desk: branch.name, address: branch.address, openingHours: branch.openingHours, hotline: branch.hotline } : centre;
}
