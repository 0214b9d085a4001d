import { makeIdempotent, IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { apiHandler } from '../commons/api';
import { workingCalendar } from '../commons/calendar';
import { factTime } from '../commons/clock';
import { HttpProblem, badRequest, json, jsonBody, parse } from '../commons/http';
import { hashPin, newPin } from '../commons/pin';
import { indexApplicant } from '../commons/personal-data';
import { logger } from '../commons/powertools';
import { documentsSchema } from '../commons/text';
import { getDossier, keys, listProcedures, logbookKeys, putIfAbsent, reserveSequence, versionInForce } from '../commons/store';
import { localDate, toLocalIso } from '../commons/time';
import { startDossierWorkflow } from '../commons/workflow';
import { appointmentAt } from '../core/deadlines';
import { dossierCode, type Dossier } from '../core/dossier';
import { DossierStatus } from '../core/model';

const nfc = (s: string) => s.normalize('NFC');

export const DossierInput = z
  .object({
    procedureCode: z.string().trim().min(1).max(40),
    applicant: z
      .object({
        name: z.string().trim().min(1).max(200).transform(nfc),
        email: z.email().max(254),
        phone: z.string().regex(/^\+?[0-9][0-9 .-]{7,16}$/, 'a phone number').optional(),
        idNumber: z.string().regex(/^\d{9}(\d{3})?$/, '9 or 12 digits').optional(),
      })
      .strict(),
    channel: z.enum(['counter', 'online', 'post']),
    documents: documentsSchema.optional(),
  })
  .strict();
type DossierInput = z.infer<typeof DossierInput>;

const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/);

async function receive(request: { caller: string; key: string; body: DossierInput }) {
  const { body } = request;
  const receivedAt = factTime();
  const procedure = versionInForce(await listProcedures(), body.procedureCode, localDate(receivedAt));
  if (!procedure) {
    throw new HttpProblem(422, 'Unprocessable Content', 'No such procedure in force', [
      { field: 'procedureCode', message: `Unknown procedure ${body.procedureCode}` },
    ]);
  }
  const appointment = appointmentAt(await workingCalendar(), { receivedAt: receivedAt.toISOString(), procedure, extensions: {}, pauses: {} })!;
  const day = localDate(receivedAt);
  const intakeKey = intakeKeyOf(request.caller, request.key);
  const code = dossierCode(procedure.receivingAgency, day, await reserveSequence(procedure.receivingAgency, day.slice(2).replaceAll('-', ''), intakeKey));
  const pin = newPin();
  const dossier: Dossier = {
    code,
    procedure,
    status: DossierStatus.received,
    channel: body.channel,
    applicant: body.applicant,
    documents: body.documents ?? [],
    receivedAt: receivedAt.toISOString(),
    appointmentAt: appointment.toISOString(),
    stageIndex: 0,
    extensions: {},
    pauses: {},
    executionName: undefined as string | undefined,
    pinHash: await hashPin(pin),
    receivedBy: request.caller,
    intakeKey,
  };
  dossier.executionName = code;
  if (!(await putIfAbsent({ ...keys.dossier(code), GSI1PK: 'OPEN', GSI1SK: code, ...logbookKeys(procedure.receivingAgency, dossier.receivedAt, code), ...dossier }))) {
    // The same request, retried after a crash that followed the write: answer with that dossier.
    return await sameRequestAgain(code, intakeKey, pin);
  }
  await indexApplicant(code, dossier.applicant);
  await startDossierWorkflow(code);
  logger.info('dossier received', { dossierCode: code, procedure: procedure.code });
  freshPins.set(intakeKey, pin);
  return {
    code,
    status: dossier.status,
    receivedAt: toLocalIso(receivedAt),
    appointmentAt: toLocalIso(appointment),
  };
}

/**
 * A retry of a request whose dossier was written but whose answer was lost. The first PIN was
 * never shown to anyone, so the dossier gets the new one (its hash); anything else is a bug.
 */
async function sameRequestAgain(code: string, intakeKey: string, pin: string) {
  const existing = await getDossier(code);
  if (existing?.intakeKey !== intakeKey) throw new Error(`Dossier code ${code} allocated twice`);
  await setPin(code, intakeKey, pin);
  freshPins.set(intakeKey, pin);
  await indexApplicant(code, existing.applicant);
  await startDossierWorkflow(code);
  return {
    code,
    status: existing.status,
    receivedAt: toLocalIso(existing.receivedAt),
    appointmentAt: toLocalIso(existing.appointmentAt),
  };
}

/**
 * The PIN never enters the idempotency record (which keeps the answer for an hour): the first
 * answer takes it from here; a replayed answer gets a new PIN, replacing the hash of one that
 * was never delivered.
 */
const freshPins = new Map<string, string>();

const intakeKeyOf = (caller: string, key: string) => createHash('sha256').update(`${caller}\n${key}`).digest('hex').slice(0, 24);

async function setPin(code: string, intakeKey: string, pin: string) {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.dossier(code),
      UpdateExpression: 'SET pinHash = :h',
      ConditionExpression: 'intakeKey = :k',
      ExpressionAttributeValues: { ':h': await hashPin(pin), ':k': intakeKey },
    }),
  );
}

async function withPin(answer: Awaited<ReturnType<typeof receive>>, intakeKey: string) {
  let pin = freshPins.get(intakeKey);
  freshPins.delete(intakeKey);
  if (!pin) {
    pin = newPin();
    await setPin(answer.code, intakeKey, pin);
  }
  return { ...answer, lookupPin: pin };
}

let idempotentReceive: typeof receive | undefined;
const idempotency = new IdempotencyConfig({
  eventKeyJmesPath: '[caller, key]',
  payloadValidationJmesPath: 'body',
  expiresAfterSeconds: 3600,
});

function receiveOnce() {
  idempotentReceive ??= makeIdempotent(receive, {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: process.env.TABLE_NAME!,
      keyAttr: 'PK',
      sortKeyAttr: 'SK',
      staticPkValue: 'IDEMPOTENCY#create-dossier',
      expiryAttr: 'expiresAt',
      awsSdkV3Client: new DynamoDBClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB || undefined }),
    }),
    config: idempotency,
  });
  return idempotentReceive;
}

export const handler = apiHandler('POST /dossiers', async (event, { caller, lambda }) => {
  const key = event.headers?.['idempotency-key'];
  if (!key) throw badRequest('The Idempotency-Key header is required', [{ field: 'Idempotency-Key', message: 'Required' }]);
  if (!IdempotencyKey.safeParse(key).success) {
    throw badRequest('Invalid Idempotency-Key', [{ field: 'Idempotency-Key', message: '8 to 128 letters, digits or -_.:' }]);
  }
  const body = parse(DossierInput, jsonBody(event));
  idempotency.registerLambdaContext(lambda);
  try {
    const answer = await receiveOnce()({ caller: caller.sub, key, body });
    return json(201, await withPin(answer, intakeKeyOf(caller.sub, key)));
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'IdempotencyAlreadyInProgressError') throw new HttpProblem(409, 'Conflict', 'The same request is in progress; retry shortly', undefined, { 'retry-after': '1' });
    if (name === 'IdempotencyValidationError') {
      throw new HttpProblem(422, 'Unprocessable Content', 'This Idempotency-Key was used with a different body', [
        { field: 'Idempotency-Key', message: 'Reused with a different body' },
      ]);
    }
    throw error;
  }
}, { ownIdempotency: true });
