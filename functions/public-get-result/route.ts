import * as z from 'zod';
import { citizenRef } from '../commons/citizen-session';
import { factTime } from '../commons/clock';
import { signDownload } from '../commons/documents';
import { getDocument } from '../commons/document-store';
import { conflict, notFound } from '../commons/http';
import { dossierCode } from '../commons/params';
import { logger } from '../commons/powertools';
import { attachedResults } from '../commons/result-document';
import { defineRoute, reply, CITIZEN_READS } from '../commons/route';
import { keys, listDossierItems, updateIf } from '../commons/store';
import { returnOnline } from '../commons/online-return';
import { Download } from '../contracts/responses';
import { DossierStatus } from '../core/model';

const Path = z.object({ code: dossierCode });

/**
 * GET /public/me/dossiers/{code}/result (the signed-in citizen who applied): for a `fully` online
 * procedure whose result is ready (status 9) or returned (10), a short-lived download link to the
 * result file; the first download hands the result back (the desk's return step approved by the
 * citizen, status 10). Anyone else's dossier answers 404, as an unknown code does; a `partly`
 * online one is collected at the desk (409), as is a result not yet ready.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/me/dossiers/{code}/result',
  summary: 'Citizen: download the result of a fully online dossier (closes it as returned)',
  operationId: 'publicGetResult',
  roles: ['citizen'],
  access: { table: CITIZEN_READS, documents: ['read'], sendTaskResult: true },
  params: Path,
  responses: { 200: Download },
  errors: [401, 404, 409, 410, 423],
  handler: async ({ citizen, params: { code } }) => {
    const { dossier, steps } = await listDossierItems(code);
    const me = citizenRef(citizen!);
    if (!dossier?.online || dossier.online.citizenRef !== me) throw notFound(`No dossier ${code} of yours`);
    if (dossier.online.level !== 'fully') throw conflict('This result is collected at the desk');
    if (dossier.status !== DossierStatus.decided && dossier.status !== DossierStatus.returned) throw conflict('The result is not ready yet');
    const [documentId] = [...attachedResults(steps)];
    const doc = documentId ? await getDocument(code, documentId) : undefined;
    if (!doc) throw conflict('No result file is attached: it is collected at the desk');
    const link = await signDownload(doc);
    const returning = steps.find((s) => s.atDesk && s.state === 'pending');
    if (returning) {
      await returnOnline(returning, me, 'downloaded on the portal');
      await updateIf({
        Key: keys.dossier(code),
        UpdateExpression: 'SET #online.resultDownloadedAt = if_not_exists(#online.resultDownloadedAt, :at)',
        ExpressionAttributeNames: { '#online': 'online' },
        ExpressionAttributeValues: { ':at': factTime().toISOString() },
      });
    }
    logger.info('result downloaded', { dossierCode: code, by: 'citizen', returning: !!returning });
    return reply(200, link, { 'cache-control': 'no-store' });
  },
});
