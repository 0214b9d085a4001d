import * as z from 'zod';
import { now } from '../commons/clock';
import { connectedPortal, inboundSecret, pushSignatureValid, receivePushedDossier } from '../commons/dvcqg-inbound';
import { HttpProblem } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply } from '../commons/route';
import { InboundDossier } from '../core/dvcqg';

export const InboundAnswer = z.object({
  code: z.string().meta({ description: "The centre's dossier code" }),
  MaHoSo: z.string().meta({ description: "The portal's dossier code, as pushed" }),
  status: z.number().int(),
  submittedAt: z.string(),
  checkDueAt: z.string(),
  duplicate: z.boolean().meta({ description: 'This push had already arrived: the same dossier is answered' }),
});

/**
 * POST /public/national-portal/dossiers: a dossier submitted on the National Public Service Portal,
 * pushed to the province (server to server). Public on the gateway (the portal has no officer's
 * token nor a citizen's session) but accepted only with the portal's Standard Webhooks signature
 * (docs/national-portal.md, Inbound). It becomes an online application in status 1 in its desk's
 * check queue. Idempotent on the portal's MaHoSo: pushed twice, one dossier (201, then 200 with
 * `duplicate`). A MaTTHC or MaDonVi the centre does not map: 422 naming it.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/national-portal/dossiers',
  summary: 'National portal: push a dossier submitted there (server to server, signed)',
  operationId: 'pushNationalPortalDossier',
  roles: ['public'],
  access: { table: 'read-write', nationalPortalSecret: true },
  body: InboundDossier,
  responses: { 200: InboundAnswer, 201: InboundAnswer },
  errors: [401, 422, 503],
  headers: [
    { name: 'webhook-id', required: true, description: 'The push\'s id (Standard Webhooks)' },
    { name: 'webhook-timestamp', required: true, description: 'Seconds since the epoch; within 5 minutes of now' },
    { name: 'webhook-signature', required: true, description: 'v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>' },
  ],
  // the portal sends no Idempotency-Key: its MaHoSo is the key (a second push answers the same dossier)
  ownIdempotency: true,
  handler: async ({ event, body }) => {
    const cfg = connectedPortal();
    const secret = await inboundSecret(cfg);
    const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    if (!secret || !pushSignatureValid(secret, headers, raw, now())) {
      // ids only: the body carries the applicant
      logger.warn('national portal push refused', { reason: secret ? 'signature' : 'no inbound secret', pushId: String(headers['webhook-id'] ?? '').slice(0, 80) });
      throw new HttpProblem(401, 'Unauthorized', 'The push is not signed by the national portal');
    }
    const answer = await receivePushedDossier(cfg, body);
    return answer.duplicate ? reply(200, answer) : reply(201, answer);
  },
});
