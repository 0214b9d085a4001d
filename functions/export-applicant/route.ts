import * as z from 'zod';
import { now } from '../commons/clock';
import { badRequest } from '../commons/http';
import { applicantEmailPk, applicantIdPk } from '../commons/personal-data';
import { logger } from '../commons/powertools';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { queryAll } from '../commons/store';
import { ApplicantExport } from '../contracts/responses';
import type { Dossier } from '../core/dossier';
import { documentView, type DocumentRecord } from '../core/documents';
import { localInstants, toLocalIso } from '../core/local-time';

export const Query = z
  .object({
    email: z.email('an email address').max(254).optional(),
    idNumber: z.string().regex(/^\d{9}(\d{3})?$/, '9 or 12 digits').optional(),
  })
  .strict();

type Item = Record<string, unknown>;

const partition = (pk: string) => queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });

/** Keys and index keys are ours; secrets (PIN hash, task and supplement tokens, intake key) never leave. */
const HIDDEN = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'pinHash', 'pinReminder', 'taskToken', 'supplementToken', 'intakeKey']);
const clean = (item: Item): Item => Object.fromEntries(Object.entries(item).filter(([k]) => !HIDDEN.has(k)));

/** Everything in a dossier's partition, by kind. */
async function dossierRecord(code: string) {
  const items = await partition(`DOSSIER#${code}`);
  const of = (prefix: string) => items.filter((i) => String(i.SK).startsWith(prefix));
  const known = ['META', 'STEP#', 'APOLOGY#', 'EMAIL#', 'DOCUMENT#'];
  return {
    dossier: of('META').map(clean)[0] as (Dossier & Item) | undefined,
    steps: of('STEP#').map(clean),
    apologies: of('APOLOGY#').map(clean),
    // the files themselves stay in the bucket: each says how an operator downloads it
    documents: of('DOCUMENT#').map((i) => ({
      ...documentView(clean(i) as unknown as DocumentRecord, toLocalIso),
      download: `GET /dossiers/${code}/documents/${String(i.documentId)} (a link valid 5 minutes)`,
    })),
    emails: of('EMAIL#').map((i) => ({ eventKey: String(i.SK).slice('EMAIL#'.length), ...clean(i) })),
    other: items.filter((i) => !known.some((p) => String(i.SK).startsWith(p))).map((i) => ({ kind: String(i.SK).split('#')[0], ...clean(i) })),
  };
}

/**
 * GET /ops/applicants/export?email=… | ?idNumber=… (operators): everything held about one
 * applicant (a data subject's access request). The dossiers are found through the lookup items
 * written at receipt (`APPLICANT#<sha256>`: no personal data in a key) and kept only if their
 * applicant still matches: an anonymised dossier is no longer theirs to export.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/ops/applicants/export',
  summary: 'Everything held about one applicant',
  operationId: 'exportApplicant',
  roles: ['operator'],
  access: { table: 'read' },
  query: Query,
  responses: { 200: ApplicantExport },
  errors: OFFICER_ERRORS,
  handler: async ({ caller, query: q }) => {
    if ((q.email === undefined) === (q.idNumber === undefined)) {
      throw badRequest('Give exactly one of email or idNumber', [{ field: q.email ? 'idNumber' : 'email', message: 'exactly one of email or idNumber' }]);
    }
    const pk = q.email !== undefined ? applicantEmailPk(q.email) : applicantIdPk(q.idNumber!);
    const codes = [...new Set((await partition(pk)).map((i) => String(i.SK)))].sort();
    const records = await Promise.all(codes.map(dossierRecord));
    const matches = records.filter(({ dossier }) =>
      dossier &&
      !dossier.anonymisedAt &&
      (q.email !== undefined ? dossier.applicant?.email?.trim().toLowerCase() === q.email.trim().toLowerCase() : dossier.applicant?.idNumber === q.idNumber),
    );
    logger.info('applicant export', { by: q.email !== undefined ? 'email' : 'idNumber', dossiers: matches.length, operator: caller.sub });
    return reply(200, {
      query: q.email !== undefined ? { email: q.email } : { idNumber: q.idNumber },
      exportedAt: toLocalIso(now()),
      dossiers: localInstants(matches),
    }, { 'cache-control': 'no-store' });
  },
});
