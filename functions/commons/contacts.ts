import { PutCommand, UpdateCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';

/**
 * A citizen the desk must call (their letter bounced or was complained of): an item per
 * (dossier, email), `DOSSIER#<code> / CONTACT#<eventKey>`, listed under GSI1 `CONTACT#<desk>`
 * (the desk is the dossier code's agency) while open. It holds no personal data: the phone is
 * read from the dossier when the desk lists its calls.
 */
export const contactKey = (code: string, eventKey: string) => ({ PK: `DOSSIER#${code}`, SK: `CONTACT#${eventKey}` });
export const deskOf = (code: string) => code.split('-')[0]!;

export async function openContact(code: string, eventKey: string, event: string, reason: string, at: string): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...contactKey(code, eventKey), kind: 'contact-citizen', code, eventKey, event, reason, at, GSI1PK: `CONTACT#${deskOf(code)}`, GSI1SK: `${at}#${code}#${eventKey}` },
    }),
  );
}

/** The letter was sent again: the call is no longer needed (kept, out of the desk's list). */
export async function closeContact(code: string, eventKey: string, at: string): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: contactKey(code, eventKey),
      UpdateExpression: 'SET closedAt = :at REMOVE GSI1PK, GSI1SK',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':at': at },
    }),
  ).catch((e: Error) => {
    if (e.name !== 'ConditionalCheckFailedException') throw e;
  });
}
