import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient, type UpdateCommandInput } from '../../functions/commons/aws/dynamodb';
import type { AwsStub } from 'aws-sdk-client-mock';
import { A, dossiers, form, steps } from './figures-fixture';
import type { Dossier } from '../../functions/core/dossier';

const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

/**
 * The table as the evaluation routes read it: the centre's form (CATALOGUE / EVALUATION), one
 * dossier and its steps, and a conditional write that holds only when its condition, evaluated
 * here, holds (no evaluation yet, status 10). `extra` answers other Gets (a citizen's session).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function evaluationTable(db: AwsStub<any, any, any>, stored: Partial<Dossier> & { code: string }, extra: (key: { PK: string; SK: string }) => unknown = () => undefined) {
  const meta = { PK: `DOSSIER#${stored.code}`, SK: 'META', ...stored };
  db.on(GetCommand).callsFake((input: { Key: { PK: string; SK: string } }) => {
    if (input.Key.PK === 'CATALOGUE' && input.Key.SK === 'EVALUATION') return { Item: { ...input.Key, form } };
    if (input.Key.PK === meta.PK && input.Key.SK === 'META') return { Item: meta };
    return { Item: extra(input.Key) };
  });
  db.on(QueryCommand).callsFake(() => ({
    Items: [meta, ...steps.filter((s) => s.code === stored.code).map((s) => ({ PK: meta.PK, SK: `STEP#${s.stepId}`, ...s }))],
  }));
  db.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
    const values = input.ExpressionAttributeValues ?? {};
    if (!String(input.ConditionExpression).includes('attribute_not_exists(evaluation)') || 'evaluation' in stored || stored.status !== values[':returned']) throw conditionFailed();
    return {};
  });
}

/** Dossier A as handed back (status 10), not yet evaluated. */
export const returnedA = (() => {
  const { evaluation: _e, ...rest } = dossiers.find((d) => d.code === A)!;
  return rest;
})();
export const goodAnswers = Object.fromEntries(form.criteria.map((c) => [c.id, c.scale.length]));
export { DynamoDBDocumentClient };
export type { DynamoDBDocumentClient as Client };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const updates = (db: AwsStub<any, any, any>) => db.commandCalls(UpdateCommand as never) as unknown as { args: [{ input: UpdateCommandInput }] }[];
