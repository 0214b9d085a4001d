import { getItem } from './store';

/**
 * Agency systems sign in with the OAuth client-credentials flow: their tokens carry `client_id`
 * and `scope`, no groups. The item CLIENT#<clientId> says which agency a client acts for; the
 * deploy writes it for the stack's clients, `npm run agency-client -- add <CODE>` for others.
 */
export const clientKey = (clientId: string) => ({ PK: `CLIENT#${clientId}`, SK: 'AGENCY' });

const cache = new Map<string, { agency: string | undefined; at: number }>();
const TTL_MS = 60_000;

/** The agency a client acts for; undefined for an unknown client (cached a minute). */
export async function agencyOfClient(clientId: string): Promise<string | undefined> {
  const hit = cache.get(clientId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.agency;
  const item = await getItem(clientKey(clientId), false);
  const agency = typeof item?.agency === 'string' ? item.agency : undefined;
  cache.set(clientId, { agency, at: Date.now() });
  return agency;
}

export const forgetClients = () => cache.clear();
