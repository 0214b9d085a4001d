import * as z from 'zod';
import { atSameDesk } from '../commons/access';
import { workingCalendar } from '../commons/calendar';
import { factTime } from '../commons/clock';
import { conflict, forbidden, notFound } from '../commons/http';
import { once } from '../commons/idempotency';
import { queueOnlineCheckLetter } from '../commons/online-check';
import { obligationOf, openObligation } from '../commons/payments';
import { computeFees, FeeError } from '../core/fees';
import { dossierCode } from '../commons/params';
import { retentionItem } from '../commons/personal-data';
import { openIndexKeys } from '../commons/open-index';
import { indexForSearch } from '../commons/search-index';
import { markDue } from '../commons/ops-index';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS, TABLE_ACCESS } from '../commons/route';
import { getDossier, keys, logbookKeys, putIfAbsent, updateIf } from '../commons/store';
import { markUnstarted, startDossierWorkflow } from '../commons/workflow';
import { CheckDone } from '../contracts/responses';
import { appointmentAt } from '../core/deadlines';
import type { Dossier } from '../core/dossier';
import { toLocalIso } from '../core/local-time';
import { DossierStatus } from '../core/model';
import type { OnlineFacts } from '../core/online';
import { NOT_RECEIVED_EVENT_KEY, checkPeriod, completionEventKey, completionOpen } from '../core/online-check';
import { text } from '../core/text';

const Path = z.object({ code: dossierCode });
export const Check = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('receive') }).strict(),
  z.object({ outcome: z.literal('request-completion'), missing: z.array(text(300)).min(1).max(20), reason: text(2000) }).strict(),
  z.object({ outcome: z.literal('refuse'), reason: text(2000) }).strict(),
]);
type Check = z.infer<typeof Check>;

type Online = Dossier & { online: OnlineFacts };

const done = (d: Dossier, outcome: Check['outcome'], at: string) =>
  reply(200, {
    code: d.code,
    outcome,
    status: d.status,
    checkedAt: toLocalIso(at),
    ...(outcome === 'receive' ? { receivedAt: toLocalIso(d.receivedAt), appointmentAt: toLocalIso(d.appointmentAt) } : {}),
  });

/**
 * The same decision by the same officer already recorded: a retry. Its effects (the workflow's
 * start, the letter, the retention item) are done again — each is idempotent — since the first
 * attempt may have died after its write.
 */
async function retried(d: Online, body: Check, sub: string) {
  const { check } = d.online;
  if (body.outcome === 'request-completion') {
    const last = d.online.completions?.at(-1);
    // an ask the citizen already answered is no retry: the same words again are a new ask (round n+1)
    if (!last || last.completedAt || last.by !== sub || last.reason !== body.reason || JSON.stringify(last.missing) !== JSON.stringify(body.missing)) return undefined;
    await queueOnlineCheckLetter(d.code, completionEventKey(d.online.completions!.length));
    return done(d, body.outcome, last.askedAt);
  }
  if (check?.outcome !== body.outcome || check.by !== sub) return undefined;
  await effects(d, body.outcome);
  return done(d, body.outcome, check.at);
}

/** Fees due at submission (docs/fees.md): the received dossier enters status 6 with its letter, the clock paused from receipt. */
const submissionFees = (d: Online) =>
  (d.procedure.feesDue ?? 'submission') === 'submission' && d.receivedAt ? obligationOf(d as Dossier, 'submission', d.receivedAt, d.online.answers) : undefined;

async function effects(d: Online, outcome: 'receive' | 'refuse') {
  if (outcome === 'receive') {
    const fees = submissionFees(d);
    if (fees) await openObligation(d as Dossier, fees, [DossierStatus.received]);
    await indexForSearch(d as Dossier);
    await startDossierWorkflow(d.code);
  } else {
    await putIfAbsent(retentionItem(d as Dossier & { closedAt: string }));
    await queueOnlineCheckLetter(d.code, NOT_RECEIVED_EVENT_KEY);
  }
}

/**
 * The condition every check writes under: still status 1, undecided, in the check period the
 * officer saw (its due time and asks for completion), with the completion as open or answered as
 * seen. Two officers checking at once: one write lands, the other is refused (409).
 */
function samePeriod(online: OnlineFacts) {
  const n = checkPeriod(online);
  const open = completionOpen(online);
  return {
    condition:
      '#status = :submitted AND attribute_not_exists(#online.#check) AND #online.checkDueAt = :due AND ' +
      (n === 0 ? 'attribute_not_exists(#online.completions)' : `size(#online.completions) = :n AND ${open ? 'attribute_not_exists' : 'attribute_exists'}(#online.completions[${n - 1}].completedAt)`),
    names: { '#status': 'status', '#online': 'online', '#check': 'check' },
    values: { ':submitted': DossierStatus.submitted, ':due': online.checkDueAt, ...(n ? { ':n': n } : {}) },
  };
}

/**
 * POST /dossiers/{code}/check (the desk of the dossier's desk): the check of an online dossier in
 * status 1 (Decree 45/2020/NĐ-CP art. 11; docs/online.md):
 *  - receive: status 2, received now (the official receipt: the appointment counts from it), into
 *    the OPEN set and the logbook, the workflow started (it sends form 01 as for desk dossiers);
 *  - request-completion: stays in status 1, the ask recorded, the check clock stopped until the
 *    citizen completes on the portal, the letter (what is missing and why) queued;
 *  - refuse: status 3 (not received), closed, form 03 queued.
 * One conditional write; a retry of the same decision by the same officer gets the same answer.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/check',
  summary: "The desk's check of an online dossier: receive (form 01), ask for completion, or refuse to receive (form 03)",
  operationId: 'checkOnlineDossier',
  roles: ['desk'],
  access: { table: [...TABLE_ACCESS['read-write'], 'BatchWriteItem'], startExecution: true, emailQueue: true },
  params: Path,
  body: Check,
  responses: { 200: CheckDone },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code }, body }) => {
    const dossier = await getDossier(code);
    if (!dossier?.online) throw notFound(`No online dossier ${code}`);
    if (!atSameDesk(caller, dossier.branch)) throw forbidden(`Only the desk that receives ${code} checks it`);
    const d = dossier as Online;
    const again = await retried(d, body, caller.sub);
    if (again) return again;
    if (d.status !== DossierStatus.submitted || d.online.check) throw conflict(`Dossier ${code} is already checked (status ${d.status})`);
    if (completionOpen(d.online) && body.outcome !== 'refuse') throw conflict(`Dossier ${code} waits for the citizen to complete it`);

    const at = factTime().toISOString();
    const period = samePeriod(d.online);
    const write = (update: string, values: Record<string, unknown>, names: Record<string, string> = {}) =>
      updateIf({
        Key: keys.dossier(code),
        UpdateExpression: update,
        ConditionExpression: period.condition,
        ExpressionAttributeNames: { ...period.names, ...names },
        ExpressionAttributeValues: { ...period.values, ...values },
        ReturnValues: 'ALL_NEW',
      }) as Promise<Online | undefined>;
    const lost = async (): Promise<never> => {
      // lost a race: the same decision by the same officer is a retry; anything else, another officer's
      const fresh = (await getDossier(code)) as Online | undefined;
      const same = fresh && (await retried(fresh, body, caller.sub));
      if (same) throw Object.assign(new Error('retry'), { same });
      throw conflict(`Dossier ${code} was checked meanwhile, or its check period changed`);
    };

    try {
      if (body.outcome === 'receive') {
        // the fees the form's answers choose: a missing answer is refused before anything is written
        try {
          computeFees(d.procedure.fees, d.online.answers);
        } catch (error) {
          if (error instanceof FeeError) throw conflict(`The fees of ${code} cannot be computed: ${error.message}`);
          throw error;
        }
        const appointment = appointmentAt(await workingCalendar(), { receivedAt: at, procedure: d.procedure, extensions: {}, pauses: {} })!;
        const check = { outcome: 'receive', at, by: caller.sub };
        // before the write that names the execution and opens the dossier: listed as never started
        // until it starts, and in the overdue list's range from its appointment (commons/ops-index.ts)
        await Promise.all([markUnstarted(code), markDue(code, appointment.toISOString(), { lowerOnly: true })]);
        const log = logbookKeys(d.procedure.receivingAgency, at, code);
        const updated =
          (await write(
            'SET #status = :received, receivedAt = :at, appointmentAt = :appt, receivedBy = :by, executionName = :code, #online.#check = :check, ' +
              'stageIndex = if_not_exists(stageIndex, :zero), extensions = if_not_exists(extensions, :empty), pauses = if_not_exists(pauses, :empty), ' +
              'emailFailures = if_not_exists(emailFailures, :empty), GSI1PK = :open, GSI1SK = :code, GSI2PK = :lpk, GSI2SK = :lsk',
            {
              ':received': DossierStatus.received,
              ':at': at,
              ':appt': appointment.toISOString(),
              ':by': caller.sub,
              ':code': code,
              ':check': check,
              ':zero': 0,
              ':empty': {},
              ':open': openIndexKeys(code).GSI1PK,
              ':lpk': log.GSI2PK,
              ':lsk': log.GSI2SK,
            },
          )) ?? (await lost());
        await effects(updated, 'receive');
        logger.info('online dossier received', { dossierCode: code, procedure: d.procedure.code });
        return done(updated, 'receive', at);
      }
      if (body.outcome === 'request-completion') {
        const ask = { askedAt: at, by: caller.sub, missing: body.missing, reason: body.reason };
        const updated =
          (await write('SET #online.completions = list_append(if_not_exists(#online.completions, :none), :ask) REMOVE #online.lapseWarnedAt', { ':none': [], ':ask': [ask] })) ??
          (await lost());
        await queueOnlineCheckLetter(code, completionEventKey(updated.online.completions!.length));
        logger.info('online dossier: completion asked', { dossierCode: code, round: updated.online.completions!.length });
        return done(updated, 'request-completion', at);
      }
      const check = { outcome: 'refuse', at, by: caller.sub, reason: body.reason };
      const updated =
        (await write('SET #status = :not, closedAt = :at, #online.#check = :check REMOVE GSI1PK, GSI1SK', { ':not': DossierStatus.notReceived, ':at': at, ':check': check })) ??
        (await lost());
      await effects(updated, 'refuse');
      logger.info('online dossier not received', { dossierCode: code });
      return done(updated, 'refuse', at);
    } catch (error) {
      const same = (error as { same?: Awaited<ReturnType<typeof done>> }).same;
      if (same) return same;
      throw error;
    }
  },
});
