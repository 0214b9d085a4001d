import * as z from 'zod';
import { correctContact } from '../commons/contact-correction';
import { conflict, notFound } from '../commons/http';
import { dossierCode } from '../commons/params';
import { logger } from '../commons/powertools';
import { defineRoute, reply, OFFICER_ERRORS, TABLE_ACCESS } from '../commons/route';
import { ApplicantCorrected } from '../contracts/responses';
import { ContactChanges } from '../contracts/intake';
import { toLocalIso } from '../core/local-time';
import { emailId } from '../core/email-delivery';

const Path = z.object({ code: dossierCode });

/**
 * PATCH /dossiers/{code}/applicant (desk): correct the applicant's contact details — an address
 * that bounced, a wrong phone. Who corrected what and when is kept on the dossier; the address on
 * file before is told by a letter (through the email queue); the citizen's letters that never
 * reached it go again, to the new address. Sending the same details again changes nothing and
 * sends nothing (200, `changed: []`). 409 once the dossier's personal data was anonymised, or when
 * another correction landed between the read and the write (read again, then retry).
 */
export const route = defineRoute({
  method: 'PATCH',
  path: '/dossiers/{code}/applicant',
  summary: "Correct the applicant's contact details",
  operationId: 'correctApplicant',
  roles: ['desk'],
  access: { table: [...TABLE_ACCESS['read-write'], 'BatchWriteItem'], emailQueue: true },
  params: Path,
  body: ContactChanges,
  responses: { 200: ApplicantCorrected },
  errors: [...OFFICER_ERRORS, 404, 409],
  handler: async ({ caller, params: { code }, body }) => {
    const result = await correctContact(code, body, caller.sub);
    switch (result.outcome) {
      case 'missing':
        throw notFound(`No dossier ${code}`);
      case 'anonymised':
        throw conflict(`The personal data of dossier ${code} was anonymised: nothing to correct`);
      case 'moved':
        throw conflict(`The contact details of dossier ${code} were changed meanwhile: read them again`);
      case 'unchanged':
        // a retry: nothing changes; a letter the request before did not get to queue is queued now
        return reply(200, { dossierCode: code, applicant: result.applicant, changed: [], toldPreviousAddress: result.told, resent: result.resent.map((k) => emailId(code, k)) });
      case 'corrected':
        // the fields' names and the letters' keys only: never the values
        logger.info('applicant contact corrected', { dossierCode: code, fields: result.correction.fields, resent: result.resent.length, by: caller.sub });
        return reply(200, {
          dossierCode: code,
          applicant: result.applicant,
          changed: result.correction.fields,
          correctedAt: toLocalIso(new Date(result.correction.at)),
          toldPreviousAddress: true,
          resent: result.resent.map((k) => emailId(code, k)),
        });
    }
  },
});
