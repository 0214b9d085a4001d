import { GetCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';

/**
 * Agency systems sign in with the OAuth client-credentials flow: their tokens carry `client_id`
 * and `scope`, no groups. The item CLIENT#<clientId> says which agency a client acts for; the
 * operators' script writes it (`npm run agency-client -- add <CODE>`, which makes the client too;
 * functions/commons/agency-client-registry.ts). Read by the API's authorizer (is the client
 * registered at all?) and by every API function (which agency does it act for?), with GetItem
 * only: the authorizer's role has nothing else (test/infra/iam-calls.test.ts).
 */
export const clientKey = (clientId: string) => ({ PK: `CLIENT#${clientId}`, SK: 'AGENCY' });

const cache = new Map<string, { agency: string; at: number }>();
const TTL_MS = 60_000;

/**
 * The agency a client acts for (cached a minute); undefined for an unknown client, never cached,
 * so that a client registered a moment ago is accepted at its next token (API Gateway caches
 * the authorizer's refusal of one token for 5 minutes anyway).
 */
export async function agencyOfClient(clientId: string): Promise<string | undefined> {
  const hit = cache.get(clientId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.agency;
  const { Item: item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: clientKey(clientId), ConsistentRead: false }));
  const agency = typeof item?.agency === 'string' ? item.agency : undefined;
  if (agency) cache.set(clientId, { agency, at: Date.now() });
  return agency;
}

export const forgetClients = () => cache.clear();
