import type { Dossier } from '../core/dossier';
import { COMPLETION_EVENT, LAPSE_EVENT, NOT_RECEIVED_EVENT, renderOnlineCheckLetter, type OnlineCheckEvent } from '../core/email/online-letters';
import type { RenderedEmail } from '../core/email/templates';
import { NOT_RECEIVED_EVENT_KEY } from '../core/online-check';
import { enqueueEmail } from './email-queue';
import { requestEmail } from './email-store';
import { dossierLetterData } from './letter-data';
import { getDossier, listAgencies } from './store';

/**
 * The letters of the desk's check of an online dossier, through the email queue as every other
 * letter (functions/send-email): the marker `EMAIL#<eventKey>` is written once (`queued`), then a
 * message with the ids only; the sender composes the letter from the stored facts here.
 *   online-completion-<n>  the n-th ask for completion (dossier.online.completions[n-1])
 *   online-not-received    form 03: the desk refused to receive it (dossier.online.check)
 *   check-lapse-<period>   to the desk's agency: the check time of that period lapsed
 */
export const ONLINE_CHECK_KEY = /^(online-completion-\d+|online-not-received|check-lapse-\d+)$/;

const eventOf = (eventKey: string): OnlineCheckEvent =>
  eventKey === NOT_RECEIVED_EVENT_KEY ? NOT_RECEIVED_EVENT : eventKey.startsWith(COMPLETION_EVENT) ? COMPLETION_EVENT : LAPSE_EVENT;

/** Record the letter once and put its message on the queue (a second call adds nothing but a message the sender drops). */
export async function queueOnlineCheckLetter(code: string, eventKey: string): Promise<void> {
  const event = eventOf(eventKey);
  const { item } = await requestEmail(code, eventKey, event, { event });
  if (item.state === 'queued') await enqueueEmail({ dossierCode: code, eventKey });
}

/** The letter as the sender sends it: to the applicant, or (a lapse) to the desk agency's address. */
export async function composeOnlineCheckLetter(code: string, eventKey: string): Promise<{ event: OnlineCheckEvent; to: string; rendered: RenderedEmail }> {
  const dossier = (await getDossier(code)) as Dossier | undefined;
  const online = dossier?.online;
  if (!dossier || !online) throw new Error(`No online dossier ${code}`);
  const base = { ...(await dossierLetterData(dossier)), receivedAt: online.submittedAt };
  const event = eventOf(eventKey);
  if (event === COMPLETION_EVENT) {
    const n = Number(/(\d+)$/.exec(eventKey)![1]);
    const asked = online.completions?.[n - 1];
    if (!asked) throw new Error(`No ask for completion ${n} on ${code}`);
    const reason = { vi: asked.reason, en: asked.reason };
    return { event, to: dossier.applicant.email, rendered: renderOnlineCheckLetter(event, { ...base, at: asked.askedAt, missing: asked.missing, reason }) };
  }
  if (event === NOT_RECEIVED_EVENT) {
    const check = online.check;
    if (check?.outcome !== 'refuse') throw new Error(`Dossier ${code} was not refused`);
    const reason = { vi: check.reason ?? '', en: check.reason ?? '' };
    return { event, to: dossier.applicant.email, rendered: renderOnlineCheckLetter(event, { ...base, at: check.at, reason }) };
  }
  const desk = (await listAgencies()).find((a) => a.code === dossier.procedure.receivingAgency);
  if (!desk?.email) throw new Error(`No address for the desk ${dossier.procedure.receivingAgency}`);
  return {
    event,
    to: desk.email,
    rendered: renderOnlineCheckLetter(event, { ...base, at: online.checkDueAt, checkDueAt: online.checkDueAt, deskName: base.centre.desk ?? desk.name }),
  };
}
