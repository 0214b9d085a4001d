import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Role } from '../../infra/registry';

/** Who is calling, from the JWT claims that API Gateway (or the local gateway) verified. */
export interface Caller {
  sub: string;
  groups: string[];
}

/** HTTP API flattens array claims to "[a b]"; accept that, a JSON array and a real array. */
function groupsClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  const text = value.trim();
  if (text.startsWith('[') && text.includes('"')) {
    try {
      return (JSON.parse(text) as unknown[]).map(String);
    } catch {
      /* fall through */
    }
  }
  return text.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

export function callerOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') return undefined;
  return { sub: claims.sub, groups: groupsClaim(claims['cognito:groups']) };
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
