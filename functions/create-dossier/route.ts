import { createHash } from 'node:crypto';
import { UpdateCommand } from '../commons/aws/dynamodb';
import * as z from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { workingCalendar } from '../commons/calendar';
import { factTime } from '../commons/clock';
import { branchesOf, type Caller } from '../commons/access';
import { HttpProblem, badRequest, forbidden } from '../commons/http';
import { once } from '../commons/idempotency';
import { idempotencyKeyOf } from '../commons/idempotency-key';
import { hashPin, newPin } from '../commons/pin';
import { indexApplicant } from '../commons/personal-data';
import { openIndexKeys } from '../commons/open-index';
import { indexForSearch } from '../commons/search-index';
import { markDue } from '../commons/ops-index';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS, TABLE_ACCESS } from '../commons/route';
import { DossierInput } from '../contracts/intake';
import { Received } from '../contracts/responses';
import { checkDrafts, claimDrafts, intakeDocuments, referencesOf } from './intake-documents';
import { getBranch, getDossier, keys, listProcedures, logbookKeys, putIfAbsent, reserveSequence, settleSequence, versionInForce } from '../commons/store';
import { localDate, toLocalIso } from '../core/local-time';
import { markUnstarted, startDossierWorkflow } from '../commons/workflow';
import { appointmentAt } from '../core/deadlines';
import { dossierCode, type Dossier } from '../core/dossier';
import { DossierStatus } from '../core/model';
import { createPayment, feePause, obligationOf, queueLetter, recordPaid } from '../commons/payments';
import { FEE_PAUSE_KEY } from '../core/fees';

/** Fees due at submission: the obligation, paid at the counter with the dossier or left open (status 6). */
function intakeFees(d: Dossier, choice: DossierInput['fees'], intakeKey: string) {
  if ((d.procedure.feesDue ?? 'submission') !== 'submission') return undefined;
  const obligation = obligationOf(d, 'submission', d.receivedAt);
  if (!obligation) return undefined;
  if (choice === 'later') return { obligation, paymentId: undefined };
  const paymentId = `P${createHash('sha256').update(`intake#${intakeKey}`).digest('hex').slice(0, 20).toUpperCase()}`;
  return { obligation: { ...obligation, paidAt: d.receivedAt, paymentId }, paymentId, method: choice ?? 'cash' };
}

/** The counter payment taken with the dossier: its receipt is on the dossier's page (printed at the counter). */
async function recordIntakePayment(d: Dossier, fees: ReturnType<typeof intakeFees>, by: string) {
  if (!fees) return;
  if (!fees.paymentId) {
    await queueLetter(d.code, 'fees-due', 'fees-due');
    return;
  }
  await createPayment(d, fees.paymentId, fees.method ?? 'cash', d.receivedAt, { recordedBy: by });
  await recordPaid(fees.paymentId, { method: fees.method ?? 'cash', at: d.receivedAt, by }, { letter: false });
}

// The request's schema lives with the contracts: the desk's page checks the same rules before sending.
type DossierInput = z.infer<typeof DossierInput>;

/**
 * The branch desk the officer receives at (its code prefixes the dossier's code, with its own day
 * counter); undefined: the main desk. A branch group naming no branch of the centre, or several,
 * is refused: the dossier would be numbered and handed back at the wrong desk.
 */
export async function receivingBranch(caller: Caller): Promise<string | undefined> {
  const groups = branchesOf(caller);
  if (!groups.length) return undefined;
  const branch = groups.length === 1 ? await getBranch(groups[0]!) : undefined;
  if (!branch) throw forbidden(groups.length === 1 ? `${groups[0]} is not a branch desk of this centre` : 'An officer receives at one branch desk only');
  return branch.code;
}

async function receive(request: { caller: string; branch: string | undefined; key: string; body: DossierInput }) {
  const { body, branch } = request;
  const receivedAt = factTime();
  const procedure = versionInForce(await listProcedures(body.procedureCode), body.procedureCode, localDate(receivedAt));
  if (!procedure) {
    throw new HttpProblem(422, 'Unprocessable Content', 'No such procedure in force', [
      { field: 'procedureCode', message: `Unknown procedure ${body.procedureCode}` },
    ]);
  }
  const appointment = appointmentAt(await workingCalendar(), { receivedAt: receivedAt.toISOString(), procedure, extensions: {}, pauses: {} })!;
  // drafts are checked before a number is reserved: a refused intake leaves no gap in the codes
  const intakeKey = intakeKeyOf(request.caller, request.key);
  const drafts = await checkDrafts(body.documents, intakeKey);
  const day = localDate(receivedAt);
  const yymmdd = day.slice(2).replaceAll('-', '');
  // the code's prefix and its day counter: the branch's, or the procedure's receiving desk's
  const prefix = branch ?? procedure.receivingAgency;
  const seq = await reserveSequence(prefix, yymmdd, intakeKey);
  const code = dossierCode(prefix, day, seq);
  const settle = () => settleSequence(prefix, yymmdd, intakeKey, seq, Math.floor(receivedAt.getTime() / 1000) + 3 * 86400);
  const pin = newPin();
  const dossier: Dossier = {
    code,
    procedure,
    status: DossierStatus.received,
    channel: body.channel,
    ...(branch ? { branch } : {}),
    applicant: body.applicant,
    documents: referencesOf(body.documents),
    receivedAt: receivedAt.toISOString(),
    appointmentAt: appointment.toISOString(),
    stageIndex: 0,
    extensions: {},
    pauses: {},
    emailFailures: {},
    executionName: undefined as string | undefined,
    pinHash: await hashPin(pin),
    receivedBy: request.caller,
    intakeKey,
  };
  dossier.executionName = code;
  const fees = intakeFees(dossier, body.fees, intakeKey);
  if (fees) {
    dossier.fees = fees.obligation;
    if (!fees.paymentId) {
      dossier.status = DossierStatus.financialObligation;
      dossier.pauses = { [FEE_PAUSE_KEY]: feePause(prefix, dossier.receivedAt) };
    }
  }
  // the search index first: a crash after it leaves index items that find no dossier (skipped),
  // never an open dossier the desk cannot find; a retry rewrites them from the dossier written.
  // So are the execution's "unstarted" item (removed once its workflow starts: commons/workflow.ts)
  // and its DUE item (the overdue list's: commons/ops-index.ts), at the appointment without pauses
  await Promise.all([indexForSearch(dossier, { fresh: true }), markUnstarted(code), markDue(code, dossier.appointmentAt, { lowerOnly: true })]);
  if (!(await putIfAbsent({ ...keys.dossier(code), ...openIndexKeys(code), ...logbookKeys(procedure.receivingAgency, dossier.receivedAt, code), ...dossier }))) {
    // The same request, retried after a crash that followed the write: answer with that dossier.
    const again = await sameRequestAgain(code, intakeKey, pin, drafts);
    await settle();
    const existing = await getDossier(code);
    if (existing) await recordIntakePayment(existing, intakeFees(existing, body.fees, intakeKey), request.caller);
    return again;
  }
  await claimDrafts(code, drafts, intakeKey);
  await settle();
  await recordIntakePayment(dossier, fees, request.caller);
  await indexApplicant(code, dossier.applicant);
  await startDossierWorkflow(code);
  logger.info('dossier received', { dossierCode: code, procedure: procedure.code, drafts: drafts.length, ...(branch ? { branch } : {}) });
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
async function sameRequestAgain(code: string, intakeKey: string, pin: string, drafts: Awaited<ReturnType<typeof checkDrafts>>) {
  const existing = await getDossier(code);
  if (existing?.intakeKey !== intakeKey) throw new Error(`Dossier code ${code} allocated twice`);
  await claimDrafts(code, drafts, intakeKey);
  await setPin(code, intakeKey, pin);
  freshPins.set(intakeKey, pin);
  await indexApplicant(code, existing.applicant);
  await indexForSearch(existing);
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

/**
 * POST /dossiers (desk): receive a dossier. The Idempotency-Key is required here: a retry with
 * the same key and body gets the same dossier (with a new PIN, see withPin), never a second one.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers',
  summary: 'Receive a dossier at the one-stop desk (form 01)',
  operationId: 'receiveDossier',
  roles: ['desk'],
  access: { table: [...TABLE_ACCESS['read-write'], 'BatchWriteItem'], startExecution: true, documents: ['verify'], sendTaskResult: true, emailQueue: true },
  body: DossierInput,
  responses: { 201: Received },
  errors: [...OFFICER_ERRORS, 409, 422],
  headers: [{ ...IDEMPOTENCY_HEADER, required: true }],
  ownIdempotency: true,
  handler: async ({ event, caller, lambda, body }) => {
    const key = idempotencyKeyOf(event.headers);
    if (!key) throw badRequest('The Idempotency-Key header is required', [{ field: 'Idempotency-Key', code: 'required', message: 'Required' }]);
    const branch = await receivingBranch(caller);
    const answer = await once('POST /dossiers', caller.sub, key, body, lambda, () => receive({ caller: caller.sub, branch, key, body }));
    return reply(201, await withPin(answer, intakeKeyOf(caller.sub, key)));
  },
});
