import type { Role } from '../core/roles';
import { agencyOfClient } from './agency-clients';
import type { ApiEvent } from './route';

/** Who is calling, from the claims the API's authorizer verified (functions/commons/authorizer.ts). */
export interface Caller {
  sub: string;
  groups: string[];
  /**
   * An agency's system (OAuth client credentials): the scopes its token carries. Its `groups`
   * are those of its agency's officers (`agency-<CODE>`, from the CLIENT#<clientId> item), so
   * every rule for officers applies to it; the route must also allow one of its scopes.
   */
  scopes?: string[];
}

/** The authorizer passes arrays as JSON text (functions/commons/authorizer.ts); a real array is accepted too. */
function groupsClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** The verified claims: the Lambda authorizer's context (`authorizer.lambda`, on AWS and locally), nothing else. */
function claimsOf(event: ApiEvent): Record<string, unknown> | undefined {
  const authorizer = event.requestContext?.authorizer as { lambda?: Record<string, unknown> } | undefined;
  return authorizer?.lambda;
}

/**
 * The caller, or undefined when not signed in. A client-credentials token (its `sub` is its
 * `client_id`, it names no user) is an agency system: it acts for the agency its client is
 * registered for, and for nobody if its client is registered for none.
 */
export async function callerOf(event: ApiEvent): Promise<Caller | undefined> {
  const claims = claimsOf(event);
  if (!claims || typeof claims.sub !== 'string') return undefined;
  // API Gateway keeps the authorizer's answer 5 minutes per token, past the token's own expiry:
  // an expired token is nobody here (this machine's time, as the issuer's, not the platform's clock)
  const exp = Number(claims.exp);
  if (claims.exp !== undefined && (!Number.isFinite(exp) || exp * 1000 <= Date.now())) return undefined;
  const clientId = claims.client_id;
  if (typeof clientId === 'string' && claims.sub === clientId && claims.username === undefined && claims['cognito:groups'] === undefined) {
    const agency = await agencyOfClient(clientId);
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
    return { sub: `client:${clientId}`, groups: agency ? [`agency-${agency}`] : [], scopes };
  }
  return { sub: claims.sub, groups: groupsClaim(claims['cognito:groups']) };
}

/** An agency system may call a route only with one of the scopes the registry gives it. */
export function hasScopeFor(caller: Caller, allowed: readonly string[] | undefined): boolean {
  return caller.scopes === undefined || (allowed ?? []).some((s) => caller.scopes!.includes(s));
}

/** Agency codes the caller is an officer of (groups `agency-<CODE>`). */
export function agenciesOf(caller: Caller): string[] {
  return caller.groups.filter((g) => g.startsWith('agency-')).map((g) => g.slice('agency-'.length));
}

export function hasRole(caller: Caller, role: Role): boolean {
  switch (role) {
    case 'authenticated':
      return true;
    case 'public':
    case 'citizen':
      return false;
    case 'agency':
      return agenciesOf(caller).length > 0;
    default:
      return caller.groups.includes(role);
  }
}

export function isOfficerOf(caller: Caller, agencyCode: string): boolean {
  return agenciesOf(caller).includes(agencyCode);
}

/**
 * May the caller act for this agency? Its officers may; the one-stop desk's officers (group
 * `desk`) act for the desk agency on its steps (receiving, returning results).
 */
export function actsFor(caller: Caller, agencyCode: string, deskAgencies: string[] = []): boolean {
  return isOfficerOf(caller, agencyCode) || (caller.groups.includes('desk') && deskAgencies.includes(agencyCode));
}

/**
 * The branch desks the caller works at (groups `branch-<CODE>`, beside `desk`); none: the main
 * desk. A desk officer receives dossiers for its branch, and hands back only that branch's.
 */
export function branchesOf(caller: Caller): string[] {
  return caller.groups.filter((g) => g.startsWith('branch-')).map((g) => g.slice('branch-'.length));
}

/** Does the caller work at the desk a dossier belongs to (`branch`: its branch; undefined: the main desk)? */
export function atSameDesk(caller: Caller, branch: string | undefined): boolean {
  const mine = branchesOf(caller);
  return branch === undefined ? mine.length === 0 : mine.includes(branch);
}
