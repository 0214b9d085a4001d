import * as z from 'zod';
import { stepForOfficer } from '../commons/step-access';
import { once } from '../commons/idempotency';
import { wake } from '../commons/callback';
import { now } from '../commons/clock';
import { HttpProblem, badRequest, conflict } from '../commons/http';
import { dossierCode, stepId } from '../commons/params';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { getDossier, keys, updateIf } from '../commons/store';
import { workingCalendar } from '../commons/calendar';
import { text } from '../core/text';
import { DelayAccepted } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: dossierCode, stepId });
export const Delay = z.object({ reason: text(2000), newDueAt: z.iso.datetime({ offset: true }) }).strict();

/**
 * POST /dossiers/{code}/steps/{stepId}/delay: the agency reports, before its due time, that it
 * will be late (form 04): the citizen gets the apology with the new appointment from the workflow.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/steps/{stepId}/delay',
  summary: 'Report a delay before the due time (form 04)',
  operationId: 'reportDelay',
  roles: ['agency'],
  scopes: ['motcua/steps.decide'],
  access: { table: 'read-write', sendTaskResult: true },
  params: Path,
  body: Delay,
  responses: { 202: DelayAccepted },
  errors: [...OFFICER_ERRORS, 404, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code, stepId: id }, body }) => {
    const step = await stepForOfficer(caller, code, id);
    if (step.state !== 'pending') throw conflict(`Step ${id} is not pending (${step.state})`);
    if (step.pendingDelay) throw conflict('A delay for this step is already being recorded; retry shortly');
    const at = now();
    if (!step.dueAt) throw conflict('The dossier is paused for a supplement: nothing is due now');
    if (at >= new Date(step.dueAt)) {
      throw new HttpProblem(422, 'Unprocessable Content', 'A delay is reported before the due time; this step is already late', [
        { field: 'newDueAt', message: `The due time ${toLocalIso(step.dueAt)} has passed` },
      ]);
    }
    const newDueAt = new Date(body.newDueAt);
    if (newDueAt <= new Date(step.dueAt)) {
      throw badRequest('The new due time must be later than the current one', [{ field: 'newDueAt', message: `After ${toLocalIso(step.dueAt)}` }]);
    }
    // at most the procedure's legal processing time again, in working time after the current due
    const dossier = await getDossier(code);
    if (!dossier) throw conflict(`Dossier ${code} is no longer being processed`);
    const legal = dossier.procedure.legalHours;
    let latest: Date;
    try {
      latest = (await workingCalendar()).addWorkingTime(new Date(step.dueAt), legal);
    } catch (error) {
      if ((error as Error).name !== 'MissingCalendarYearError') throw error;
      throw badRequest('No working calendar covers the new due time', [{ field: 'newDueAt', message: 'Beyond the working calendars in force' }]);
    }
    if (newDueAt > latest) {
      throw badRequest(`A delay is at most the procedure's legal time again (${legal} working hours) after the current due time`, [
        { field: 'newDueAt', message: `At most ${toLocalIso(latest)}` },
      ]);
    }
    const pendingDelay = { reason: body.reason, newDueAt: newDueAt.toISOString(), at: at.toISOString(), by: caller.sub };
    const updated = await updateIf({
      Key: keys.step(code, id),
      UpdateExpression: 'SET pendingDelay = :d',
      ConditionExpression: '#state = :pending AND attribute_not_exists(pendingDelay) AND dueAt = :due',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':d': pendingDelay, ':pending': 'pending', ':due': step.dueAt },
      ReturnValues: 'ALL_NEW',
    });
    if (!updated) throw conflict('The step changed meanwhile; read it again');
    const token = updated.taskToken as string | undefined;
    await wake(token, id);
    logger.info('delay reported', { dossierCode: code, stepId: id });
    return reply(202, { dossierCode: code, stepId: id, dueAt: toLocalIso(step.dueAt), requestedDueAt: toLocalIso(newDueAt) });
  },
});
