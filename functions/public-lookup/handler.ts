import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { json, parse } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { listDossierItems } from '../commons/store';
import { toLocalIso } from '../core/local-time';
import { citizenHistory, STATUS_TEXT } from '../core/citizen-view';
import { citizenDocuments } from '../commons/citizen-documents';

const Path = z.object({ code: dossierCode });

/** GET /public/dossiers/{code} with `X-Lookup-Pin`: status, appointment and the history meant for the citizen. */
export const handler = apiHandler('GET /public/dossiers/{code}', async (event) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  await dossierForCitizen(event, code);
  const { dossier, apologies, steps, files } = await listDossierItems(code);
  return json(200, {
    code,
    status: dossier!.status,
    statusText: STATUS_TEXT[dossier!.status],
    procedure: { code: dossier!.procedure.code, name: dossier!.procedure.name },
    receivedAt: toLocalIso(dossier!.receivedAt),
    appointmentAt: toLocalIso(dossier!.appointmentAt),
    history: citizenHistory(dossier!, apologies).map((h) => ({ ...h, at: toLocalIso(h.at) })),
    canRate: (dossier!.status === 9 || dossier!.status === 10) && !dossier!.rating,
    documents: citizenDocuments(dossier!, steps, files),
  });
});
