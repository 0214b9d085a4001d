import * as z from 'zod';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { getDossier, queryIndex } from '../commons/store';
import { DossierList } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import { DOSSIER_CODE, type Dossier } from '../core/dossier';

export const SearchQuery = z
  .object({
    q: z.string({ error: 'a dossier code, an applicant name or a phone number' }).trim().min(2, 'at least 2 characters').max(100).optional(),
    /** Open dossiers in this status only (5: waiting for a supplement, the desk's list). */
    status: z.coerce.number().int().min(1).max(10).optional(),
  })
  .refine((x) => x.q !== undefined || x.status !== undefined, { message: 'give q, status or both', path: ['q'] });

const LIMIT = 50;
/** Lower case, no diacritics (đ → d), single spaces: "Nguyễn Thị Bình" matches "nguyen thi binh". */
export const fold = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
const digits = (s: string) => s.replace(/\D/g, '').replace(/^84/, '0');

const row = (d: Dossier) => ({
  code: d.code,
  status: d.status,
  procedure: { code: d.procedure.code, name: d.procedure.name },
  applicantName: d.applicant.name,
  receivedAt: toLocalIso(d.receivedAt),
  appointmentAt: toLocalIso(d.appointmentAt),
});

/**
 * GET /dossiers?q=&status= (desk, operators): a dossier by its code, or the open dossiers whose
 * applicant's name (diacritics ignored) or phone contains the text, and/or in one status. Open dossiers are one
 * partition of GSI1 (OPEN), read whole: fine for the thousands a centre has open at a time; a
 * centre with far more would add a search index. Closed dossiers are found by code only.
 * The query is personal data: it is never logged.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/dossiers',
  summary: 'Search dossiers by code, applicant name or phone (desk, operators)',
  operationId: 'searchDossiers',
  roles: ['desk', 'operator'],
  access: { table: 'read' },
  query: SearchQuery,
  responses: { 200: DossierList },
  errors: OFFICER_ERRORS,
  handler: async ({ query: { q, status } }) => {
    const code = (q ?? '').toUpperCase();
    if (DOSSIER_CODE.test(code)) {
      const d = await getDossier(code);
      const hit = d && (status === undefined || d.status === status);
      return reply(200, { dossiers: hit ? [row(d)] : [], searched: 1 });
    }
    const open = (await queryIndex('OPEN')) as unknown as Dossier[];
    const text = fold(q ?? '');
    const phone = digits(q ?? '');
    const matches = (d: Dossier) =>
      q === undefined || fold(d.applicant.name).includes(text) || (phone.length >= 4 && digits(d.applicant.phone ?? '').includes(phone)) || d.code.includes(code);
    const found = open.filter((d) => d.applicant && (status === undefined || d.status === status) && matches(d));
    found.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    return reply(200, { dossiers: found.slice(0, LIMIT).map(row), searched: open.length });
  },
});
