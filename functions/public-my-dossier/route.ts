import * as z from 'zod';
import { citizenView } from '../commons/citizen-dossier';
import { ownDossier } from '../commons/my-dossiers';
import { dossierCode } from '../commons/params';
import { defineRoute, reply } from '../commons/route';
import { citizenDocuments } from '../commons/citizen-documents';
import { listDossierItems } from '../commons/store';
import { STATUS_TEXT } from '../core/citizen-view';
import { MyDossier } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import type { Dossier } from '../core/dossier';

const Path = z.object({ code: dossierCode });

/** What the citizen is told of an online application's check: when it is due, what the desk asked to complete and why. */
function onlineView(d: Dossier) {
  const o = d.online;
  if (!o) return null;
  const open = o.completions?.at(-1);
  return {
    level: o.level,
    // the portal adds a completion's files to the application (POST /public/applications/{id}/documents)
    applicationId: o.applicationId,
    submittedAt: toLocalIso(o.submittedAt),
    checkDueAt: d.status === 1 && o.checkDueAt ? toLocalIso(o.checkDueAt) : null,
    completion: open && !open.completedAt ? { askedAt: toLocalIso(open.askedAt), missing: open.missing, reason: open.reason } : null,
    check: o.check ? { outcome: o.check.outcome, at: toLocalIso(o.check.at), ...(o.check.reason ? { reason: o.check.reason } : {}) } : null,
  };
}

/**
 * GET /public/me/dossiers/{code}: the view the code and PIN give (GET /public/dossiers/{code}),
 * without a PIN, for a dossier of the signed-in citizen's identity; plus, applied online, the
 * desk's check. Another citizen's dossier, or one that does not exist: the same 404 (never a
 * 403, which would tell that the code exists).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/me/dossiers/{code}',
  summary: 'Citizen: one of my dossiers (no PIN)',
  operationId: 'publicMyDossier',
  roles: ['citizen'],
  access: { table: 'read' },
  params: Path,
  responses: { 200: MyDossier },
  errors: [401, 404, 429],
  handler: async ({ params: { code }, citizen }) => {
    const d = await ownDossier(code, citizen!);
    // applied online: the submission stores its instant as receivedAt and a provisional appointment;
    // neither is a receipt until the desk receives it (status 1 waiting, status 3 refused)
    const unreceived = !!d.online && d.online.check?.outcome !== 'receive';
    if (!unreceived && d.receivedAt && d.appointmentAt) return reply(200, { ...(await citizenView(code)), online: onlineView(d) }, { 'cache-control': 'no-store' });
    // applied online, not received yet: no receipt, no appointment, nothing to withdraw or rate
    const { steps, files } = await listDossierItems(code);
    const submittedAt = d.online?.submittedAt;
    return reply(
      200,
      {
        code,
        status: d.status,
        statusText: STATUS_TEXT[d.status],
        procedure: { code: d.procedure.code, name: d.procedure.name },
        receivedAt: null,
        appointmentAt: null,
        collection: null,
        history: submittedAt ? [{ at: toLocalIso(submittedAt), event: 'submitted', text: { vi: 'Đã nộp hồ sơ trực tuyến', en: 'Applied online' } }] : [],
        supplement: null,
        stop: d.stop ? { kind: d.stop.kind, at: toLocalIso(d.stop.at), reason: d.stop.reason } : null,
        returnedAt: null,
        canWithdraw: false,
        canRate: false,
        rating: null,
        documents: citizenDocuments(d, steps, files),
        online: onlineView(d),
      },
      { 'cache-control': 'no-store' },
    );
  },
});
