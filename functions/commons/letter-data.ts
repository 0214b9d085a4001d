import type { EmailData } from '../core/email/templates';
import { currentCentre, deskContact } from '../core/centre';
import type { Dossier } from '../core/dossier';
import { getBranch } from './store';

/**
 * What every citizen letter of a dossier says of it: the code, the applicant's name, the
 * procedure, the dates, and where the citizen deals with the centre (the branch desk that received
 * it, if any). The workflow's letters (./compose-email.ts), the PIN letter (./pin-issue.ts) and the
 * contact-details notice (./contact-correction.ts) all start from it.
 */
export async function dossierLetterData(dossier: Dossier): Promise<Pick<EmailData, 'code' | 'centre' | 'applicantName' | 'procedureName' | 'receivedAt' | 'appointmentAt' | 'online'>> {
  return {
    code: dossier.code,
    centre: deskContact(currentCentre(), dossier.branch ? await getBranch(dossier.branch) : undefined),
    applicantName: dossier.applicant.name,
    procedureName: dossier.procedure.name,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    // applied online: no paper receipt, no PIN; followed on the portal signed in
    ...(dossier.online ? { online: dossier.online.level } : {}),
  };
}
