import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { isOfficerOf } from '../commons/access';
import { apiHandler } from '../commons/api';
import { documentClient, tableName } from '../commons/aws';
import { reportDecision } from '../commons/callback';
import { now } from '../commons/clock';
import { conflict, forbidden, json, jsonBody, notFound, parse } from '../commons/http';
import { logger } from '../commons/powertools';
import { getStep, isConditionFailed, keys } from '../commons/store';
import { toLocalIso } from '../commons/time';
import { DOSSIER_CODE, type Step } from '../core/dossier';

const Path = z.object({
  code: z.string().regex(DOSSIER_CODE, 'a dossier code such as TTHCC-261127-0001'),
  stepId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a step id such as s1-stp'),
});
const Decision = z
  .object({ outcome: z.literal('approve'), note: z.string().trim().max(2000).transform((s) => s.normalize('NFC')).optional() })
  .strict();

const accepted = (s: Step) =>
  json(202, { dossierCode: s.code, stepId: s.stepId, outcome: s.outcome, decidedAt: toLocalIso(s.decidedAt!) });

/**
 * POST /dossiers/{code}/steps/{stepId}/decision, by an officer of the step's agency.
 * The decision is written on the step item first (one conditional write), then reported to the
 * waiting execution; a retry of the same decision answers 202 again and changes nothing.
 */
export const handler = apiHandler('POST /dossiers/{code}/steps/{stepId}/decision', async (event, { caller }) => {
  const { code, stepId } = parse(Path, event.pathParameters, 'path');
  const body = parse(Decision, jsonBody(event));
  const step = await getStep(code, stepId);
  if (!step) throw notFound(`No open step ${stepId} on dossier ${code}`);
  if (!isOfficerOf(caller, step.agency)) throw forbidden(`Step ${stepId} belongs to ${step.agency}`);
  if (step.state !== 'pending') {
    if (step.outcome === body.outcome && step.decidedBy === caller.sub) return accepted(step);
    throw conflict(`Step ${stepId} is already decided`);
  }
  let decided: Step;
  try {
    const out = await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.step(code, stepId),
        UpdateExpression:
          'SET #state = :approved, outcome = :outcome, note = :note, decidedAt = :at, decidedBy = :by REMOVE GSI1PK, GSI1SK',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':approved': 'approved',
          ':pending': 'pending',
          ':outcome': body.outcome,
          ':note': body.note ?? '',
          ':at': now().toISOString(),
          ':by': caller.sub,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    decided = out.Attributes as Step;
  } catch (error) {
    if (isConditionFailed(error)) return afterLostRace(code, stepId, body.outcome, caller.sub);
    throw error;
  }
  if (decided.taskToken) await reportDecision(decided.taskToken, { stepId, outcome: body.outcome });
  logger.info('step decided', { dossierCode: code, stepId, outcome: body.outcome });
  return accepted(decided);
});

/** Lost a race with another decision: same decision by the same officer is a retry, else 409. */
async function afterLostRace(code: string, stepId: string, outcome: string, sub: string) {
  const step = await getStep(code, stepId);
  if (step?.outcome === outcome && step.decidedBy === sub) return accepted(step);
  throw conflict(`Step ${stepId} is already decided`);
}
