import { createHash } from 'node:crypto';
import type { Applicant } from '../core/dossier';
import { anonymiseAt, monthOf, type RetainedDossier } from '../core/retention';
import { putIfAbsent } from './store';

/**
 * Keys of the personal-data items (no personal data in any key):
 *   APPLICANT#<sha256(lower-cased email)> / <code>   a lookup per dossier, written at receipt
 *   APPLICANT#id#<sha256(idNumber)> / <code>          the same by ID number, when given
 *   RETENTION#<yyyy-mm> / <code>                       due for anonymisation in that (UTC) month
 *   RETENTION / CURSOR                                 the last month the job fully processed
 */
export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export const applicantEmailPk = (email: string) => `APPLICANT#${sha256(email.trim().toLowerCase())}`;
export const applicantIdPk = (idNumber: string) => `APPLICANT#id#${sha256(idNumber.trim())}`;

/** The lookup items of one dossier's applicant (by email, and by ID number when given). */
export function applicantLookupKeys(code: string, applicant: Pick<Applicant, 'email' | 'idNumber'>): { PK: string; SK: string }[] {
  return [
    // an online applicant may have no email on their national identity: then only the ID number
    ...(applicant.email ? [{ PK: applicantEmailPk(applicant.email), SK: code }] : []),
    ...(applicant.idNumber ? [{ PK: applicantIdPk(applicant.idNumber), SK: code }] : []),
  ];
}

export const retentionCursorKey = { PK: 'RETENTION', SK: 'CURSOR' } as const;

/** The retention item of a closed dossier: in the month its personal data falls due. */
export function retentionItem(dossier: Pick<RetainedDossier, 'code' | 'closedAt' | 'procedure'>) {
  const due = anonymiseAt(dossier);
  if (!due) throw new Error(`Dossier ${dossier.code} is not closed`);
  return { PK: `RETENTION#${monthOf(due)}`, SK: dossier.code, code: dossier.code, anonymiseAt: due.toISOString() };
}

/** Write the lookup items of a dossier's applicant (conditional puts: a retry adds nothing). */
export async function indexApplicant(code: string, applicant: Pick<Applicant, 'email' | 'idNumber'>): Promise<void> {
  for (const key of applicantLookupKeys(code, applicant)) await putIfAbsent({ ...key, code });
}
