import { DeleteCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { now } from './clock';
import { closeContact } from './contacts';
import { enqueueEmail } from './email-queue';
import { isPinLetter, requeueEmail, requestEmail } from './email-store';
import { applicantEmailPk, indexApplicant } from './personal-data';
import { dossierLetterData } from './letter-data';
import { indexForSearch } from './search-index';
import { getDossier, keys, listDossierItems, updateIf } from './store';
import { CONTACT_EVENT, CONTACT_KEY, contactEventKey, renderContactLetter, type ContactField } from '../core/email/contact-letter';
import type { RenderedEmail } from '../core/email/templates';
import type { Applicant, Dossier } from '../core/dossier';

/**
 * The desk corrects the applicant's contact details (PATCH /dossiers/{code}/applicant). The dossier
 * keeps who corrected what and when (`contactCorrections`, no values), and — for the letter that
 * tells the citizen at the address the dossier had before — that address, until the dossier is
 * anonymised (functions/anonymise-closed strips it).
 */
export interface ContactCorrection {
  n: number;
  at: string;
  by: string;
  fields: ContactField[];
  /** The address the dossier had before: the `contact-changed-<n>` letter goes there. Personal data. */
  previousEmail?: string;
}

export type ContactDossier = Dossier & { anonymisedAt?: string; contactCorrections?: ContactCorrection[] };

export interface ContactChanges {
  email?: string;
  /** null removes the phone number. */
  phone?: string | null;
}

export type Corrected =
  | { outcome: 'missing' }
  | { outcome: 'anonymised' }
  | { outcome: 'moved' }
  | { outcome: 'unchanged'; applicant: Applicant; told: boolean; resent: string[] }
  | { outcome: 'corrected'; applicant: Applicant; correction: ContactCorrection; letter: string; resent: string[] };

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the request changes (an email differing only in case is the same address). */
export function changedFields(applicant: Applicant, changes: ContactChanges): ContactField[] {
  const fields: ContactField[] = [];
  if (changes.email !== undefined && !sameEmail(changes.email, applicant.email)) fields.push('email');
  if (changes.phone !== undefined && (changes.phone ?? undefined) !== applicant.phone) fields.push('phone');
  return fields;
}

/**
 * One correction: a conditional write on the details read (a correction made meanwhile answers
 * `moved`, nothing half-done); the applicant lookups follow the address; the old address is told
 * by a letter through the queue; the letters that could not reach the old address (bounced,
 * rejected, failed; never a PIN letter) go again, to the new one. The same request sent twice
 * changes nothing the second time (`unchanged`): no second letter.
 */
export async function correctContact(code: string, changes: ContactChanges, by: string): Promise<Corrected> {
  const dossier = (await getDossier(code)) as ContactDossier | undefined;
  if (!dossier) return { outcome: 'missing' };
  if (dossier.anonymisedAt) return { outcome: 'anonymised' };
  const fields = changedFields(dossier.applicant, changes);
  if (fields.length === 0) {
    // The same details again: a retry. If the request before died after the dossier moved and
    // before its letter was queued, the letter (and the re-sends) are finished now.
    const last = dossier.contactCorrections?.at(-1);
    const finished = last ? await finishLetter(code, last, by) : undefined;
    return { outcome: 'unchanged', applicant: dossier.applicant, told: Boolean(finished), resent: finished ?? [] };
  }

  const at = now().toISOString();
  const n = (dossier.contactCorrections?.length ?? 0) + 1;
  const correction: ContactCorrection = { n, at, by, fields, previousEmail: dossier.applicant.email };
  const applicant: Applicant = { ...dossier.applicant };
  if (fields.includes('email')) applicant.email = changes.email!;
  if (fields.includes('phone')) {
    if (changes.phone) applicant.phone = changes.phone;
    else delete applicant.phone;
  }
  // the new address's lookup first: a crash before the dossier moves leaves a lookup that matches nothing
  if (fields.includes('email')) await indexApplicant(code, applicant);
  const written = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: 'SET applicant = :applicant, contactCorrections = list_append(if_not_exists(contactCorrections, :none), :c)',
    ConditionExpression:
      'attribute_exists(PK) AND attribute_not_exists(anonymisedAt) AND applicant.email = :seenEmail AND ' +
      (dossier.applicant.phone === undefined ? 'attribute_not_exists(applicant.phone) AND ' : 'applicant.phone = :seenPhone AND ') +
      (n === 1 ? 'attribute_not_exists(contactCorrections)' : 'size(contactCorrections) = :before'),
    ExpressionAttributeValues: {
      ':applicant': applicant,
      ':none': [],
      ':c': [correction],
      ':seenEmail': dossier.applicant.email,
      ...(dossier.applicant.phone === undefined ? {} : { ':seenPhone': dossier.applicant.phone }),
      ...(n === 1 ? {} : { ':before': n - 1 }),
    },
  });
  if (!written) return { outcome: 'moved' };
  // an open dossier's search tokens follow the phone (a closed one has none: found by its code)
  if (fields.includes('phone') && !dossier.closedAt) await indexForSearch({ ...dossier, applicant });
  if (fields.includes('email') && !sameEmail(dossier.applicant.email, applicant.email)) {
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: { PK: applicantEmailPk(dossier.applicant.email), SK: code } }));
  }

  const letter = contactEventKey(n);
  const resent = (await finishLetter(code, correction, by)) ?? [];
  return { outcome: 'corrected', applicant, correction, letter, resent };
}

/**
 * The letter of correction n, and the re-sends of an address correction, unless its letter is
 * already on its way: written once (`attribute_not_exists`), queued; a letter still `queued` is
 * queued again (a second message is harmless: the sender claims the letter once). Undefined when
 * there was nothing left to do.
 */
async function finishLetter(code: string, correction: ContactCorrection, by: string): Promise<string[] | undefined> {
  const letter = contactEventKey(correction.n);
  const { created, item } = await requestEmail(code, letter, CONTACT_EVENT, { event: CONTACT_EVENT });
  if (!created && item.state !== 'queued') return undefined;
  await enqueueEmail({ dossierCode: code, eventKey: letter });
  return created && correction.fields.includes('email') ? await resendUndelivered(code, by) : [];
}

/** The citizen's letters the old address never got, back on the queue (they compose to the new address). */
async function resendUndelivered(code: string, by: string): Promise<string[]> {
  const { emails } = await listDossierItems(code);
  const undelivered = emails.filter(
    (e) =>
      !isPinLetter(e) &&
      e.event !== CONTACT_EVENT &&
      e.event !== 'agency-warning' &&
      (e.state === 'failed' || e.delivery === 'bounced' || e.delivery === 'rejected'),
  );
  const resent: string[] = [];
  for (const e of undelivered) {
    if ((await requeueEmail(code, e.eventKey, by)) !== 'queued') continue;
    await enqueueEmail({ dossierCode: code, eventKey: e.eventKey });
    await closeContact(code, e.eventKey, now().toISOString());
    resent.push(e.eventKey);
  }
  return resent;
}

/** The `contact-changed-<n>` letter, composed for SES: to the address the dossier had before correction n. */
export async function composeContactLetter(code: string, eventKey: string): Promise<{ to: string; rendered: RenderedEmail }> {
  const n = Number(CONTACT_KEY.exec(eventKey)?.[1]);
  const dossier = (await getDossier(code)) as ContactDossier | undefined;
  const correction = dossier?.contactCorrections?.find((c) => c.n === n);
  if (!dossier || !correction?.previousEmail) throw new Error(`no correction ${eventKey} with an address to tell`);
  const rendered = renderContactLetter({
    ...(await dossierLetterData(dossier)),
    fields: correction.fields,
    correctedAt: correction.at,
  });
  return { to: correction.previousEmail, rendered };
}
