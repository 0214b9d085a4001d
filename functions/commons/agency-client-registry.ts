import { DeleteCommand, PutCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { clientKey, forgetClients } from './agency-clients';
import { getItem, keys } from './store';

/**
 * Writing the CLIENT#<clientId> items that map an agency system's app client to its agency: the
 * operators' script (`npm run agency-client -- add|remove <CODE>`, after it creates or deletes the
 * client in the user pool) and the local runtime's `POST|DELETE /_local/agency-clients` write them
 * with these same functions. The API's authorizer accepts an access token of a client only while
 * its item exists (functions/commons/authorizer.ts). Kept apart from agency-clients.ts so that the
 * functions that only read the item (every API function, the authorizer) carry no write.
 */

/** Is the agency in the catalogue (the folder's agencies.json, or PUT /agencies/{code})? */
export async function agencyExists(agency: string): Promise<boolean> {
  return (await getItem(keys.agency(agency), false)) !== undefined;
}

/** Map a client to its agency (idempotent; a client acts for one agency). */
export async function registerClient(clientId: string, agency: string, updatedBy: string, at = new Date()): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...clientKey(clientId), clientId, agency, updatedAt: at.toISOString(), updatedBy },
    }),
  );
  forgetClients();
}

/** Remove a client's mapping: its tokens are refused from then on (after the caches: see docs/security.md). */
export async function unregisterClient(clientId: string): Promise<boolean> {
  const out = await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: clientKey(clientId), ReturnValues: 'ALL_OLD' }));
  forgetClients();
  return out.Attributes !== undefined;
}
