import * as z from 'zod';
import { actsFor, branchesOf } from '../commons/access';
import { forbidden } from '../commons/http';
import { agencyCode } from '../commons/params';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { getItem, keys, listAgencies, queryIndex } from '../commons/store';
import { Contacts } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import type { Dossier } from '../core/dossier';

const Path = z.object({ agencyCode });

const MESSAGE: Record<string, { vi: string; en: string }> = {
  bounced: { vi: 'Thư không đến được công dân: hãy gọi điện cho công dân', en: 'The letter did not reach the citizen: call them' },
  complained: { vi: 'Công dân đã báo thư là thư rác: hãy gọi điện cho công dân', en: 'The citizen marked the letter as spam: call them' },
  rejected: { vi: 'Thư bị từ chối gửi: hãy gọi điện cho công dân', en: 'The letter was rejected: call the citizen' },
};

/**
 * GET /agencies/{agencyCode}/contacts (the desk's officers): the citizens to call, whose letter
 * bounced or was complained of, oldest first, with the applicant's name and phone (read from
 * the dossier; the desk only). A branch desk's officers call the citizens of their branch's
 * dossiers (filed under the dossier code's prefix, `CONTACT#<branch>`); the main desk's, its own.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/agencies/{agencyCode}/contacts',
  summary: 'The citizens the desk should call (their letter bounced or was complained of)',
  operationId: 'listContacts',
  roles: ['desk'],
  access: { table: 'read' },
  params: Path,
  responses: { 200: Contacts },
  errors: OFFICER_ERRORS,
  handler: async ({ caller, params: { agencyCode: code } }) => {
    const desks = (await listAgencies()).filter((a) => a.kind === 'desk').map((a) => a.code);
    if (!desks.includes(code) || !actsFor(caller, code, desks)) throw forbidden(`Only the desk ${code} sees its citizens to call`);
    const mine = branchesOf(caller);
    if (mine.length > 1) throw forbidden('An officer of several branches is not one desk: one branch group per officer');
    const items = (await queryIndex(`CONTACT#${mine[0] ?? code}`)).sort((a, b) => String(a.GSI1SK).localeCompare(String(b.GSI1SK)));
    const contacts = [];
    for (const i of items) {
      const dossier = (await getItem(keys.dossier(String(i.code)), false)) as Dossier | undefined;
      contacts.push({
        kind: 'contact-citizen' as const,
        dossierCode: String(i.code),
        eventKey: String(i.eventKey),
        event: i.event === undefined ? undefined : String(i.event),
        emailId: `${String(i.code)}~${String(i.eventKey)}`,
        reason: String(i.reason),
        at: toLocalIso(String(i.at)),
        message: MESSAGE[String(i.reason)] ?? MESSAGE.bounced!,
        applicant: dossier ? { name: dossier.applicant.name, phone: dossier.applicant.phone ?? null } : null,
      });
    }
    return reply(200, { agency: code, contacts });
  },
});
