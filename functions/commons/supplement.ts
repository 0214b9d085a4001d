import * as z from 'zod';
import { wake } from './callback';
import { factTime } from './clock';
import { conflict } from './http';
import { stepId } from './params';
import { getDossier, keys, listDossierItems, updateIf } from './store';
import { text } from '../core/text';
import { resolveSupplementDocuments, supplementDocuments } from './supplement-documents';
import { appointmentAt } from '../core/deadlines';
import { openPauses, type Dossier } from '../core/dossier';
import { workingCalendar } from './calendar';
import { markDue, unmarkWaiting } from './ops-index';
import { logger } from './powertools';

/**
 * No request left open: off the desk's waiting list, and the overdue list's DUE item raised to the
 * appointment counted with the pauses now closed (never earlier than the one it holds: a closed
 * pause only moves it later). Left undone by a crash, the reader skips the waiting item (status
 * 4 on the dossier) and reads the dossier a little early: nothing is missed.
 */
async function leftWaiting(dossier: Dossier, closed: string[], at: string) {
  await unmarkWaiting(dossier.code, closed);
  if (dossier.resultReadyAt || dossier.closedAt) return;
  try {
    const pauses = Object.fromEntries(Object.entries(dossier.pauses ?? {}).map(([k, p]) => [k, closed.includes(k) ? { ...p, to: at } : p]));
    const original = appointmentAt(await workingCalendar(), { ...dossier, pauses, extensions: {} });
    if (original) await markDue(dossier.code, original.toISOString());
  } catch (error) {
    // only an optimisation: the item kept is still a lower bound
    logger.warn('due item not raised', { dossierCode: dossier.code, error: (error as Error).name });
  }
}

export const SupplementBody = z
  .object({
    documents: supplementDocuments,
    note: text(2000).optional(),
    /** The requests it answers, by step; all the open ones when absent. */
    steps: z.array(stepId).min(1).max(20).optional(),
  })
  .strict();
export type SupplementBody = z.infer<typeof SupplementBody>;

/**
 * The supplement arrived (at the desk or from the citizen): it answers the open requests it
 * covers — every open one, unless it names steps — in one conditional write on the dossier
 * (each pause closed at the same instant, numbered as the dossier's n-th supplement); the
 * dossier's clock runs again once no request is left open. Then every waiting task of the
 * dossier is woken: the steps that asked go back to their agencies, the others see their due
 * times moved by the paused working time.
 */
export async function supply(code: string, body: SupplementBody, by: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const dossier = await getDossier(code);
    const open = dossier ? openPauses(dossier) : [];
    if (!dossier || dossier.status !== 5 || open.length === 0) throw conflict('No supplement is being asked for on this dossier');
    const answered = body.steps ? open.filter(([, p]) => body.steps!.includes(p.stepId)) : open;
    if (answered.length === 0) {
      throw conflict(`No supplement is being asked for by ${body.steps!.join(', ')}; open requests: ${open.map(([, p]) => p.stepId).join(', ')}`);
    }
    const at = factTime().toISOString();
    const early = answered.find(([, p]) => p.from > at);
    if (early) throw conflict(`The request of ${early[1].stepId} is dated after now (${early[1].from}): a supplement cannot answer it before it was made`);
    const n = (dossier.supplies ?? 0) + 1;
    const names: Record<string, string> = { '#to': 'to', '#status': 'status' };
    const sets: string[] = [];
    const conditions = ['#status = :paused', n === 1 ? '(attribute_not_exists(supplies) OR supplies = :prev)' : 'supplies = :prev'];
    answered.forEach(([key], i) => {
      names[`#k${i}`] = key;
      sets.push(`pauses.#k${i}.#to = :at`, `pauses.#k${i}.suppliedBy = :by`, `pauses.#k${i}.note = :note`, `pauses.#k${i}.supply = :n`);
      conditions.push(`attribute_not_exists(pauses.#k${i}.#to)`);
    });
    const documents = await resolveSupplementDocuments(code, answered.map(([key]) => key), body.documents);
    const stillOpen = open.length > answered.length;
    const done = await updateIf({
      Key: keys.dossier(code),
      UpdateExpression: `SET ${sets.join(', ')}, supplies = :n, #status = :status, documents = list_append(documents, :docs)`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: {
        ':at': at, ':by': by, ':note': body.note ?? '', ':n': n, ':prev': n - 1, ':paused': 5, ':status': stillOpen ? 5 : 4, ':docs': documents,
      },
    });
    if (!done) continue; // another supplement or request landed meanwhile: read again
    if (!stillOpen) await leftWaiting(dossier, answered.map(([key]) => key), at);
    const { steps } = await listDossierItems(code);
    await Promise.all(steps.filter((s) => s.state === 'pending' || s.state === 'supplement-requested').map((s) => wake(s.taskToken, s.stepId)));
    if (dossier.supplementToken) await wake(dossier.supplementToken, answered[0]![1].stepId); // paused before tokens moved to the steps
    const stepIds = answered.map(([, p]) => p.stepId);
    return { dossierCode: code, suppliedAt: at, stepIds, stepId: stepIds[0]!, stillPaused: stillOpen };
  }
  throw conflict('The dossier kept changing; try again');
}
