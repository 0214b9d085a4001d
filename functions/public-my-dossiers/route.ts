import { citizensDossiers } from '../commons/my-dossiers';
import { defineRoute, reply } from '../commons/route';
import { MyDossiers } from '../contracts/responses';
import { STATUS_TEXT } from '../core/citizen-view';
import { toLocalIso } from '../core/local-time';

/**
 * GET /public/me/dossiers: every dossier of the signed-in citizen's identity number, whether they
 * applied online or a desk received it with that number, newest first.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/me/dossiers',
  summary: "Citizen: my dossiers (every dossier of the signed-in citizen's identity number)",
  operationId: 'publicMyDossiers',
  roles: ['citizen'],
  access: { table: ['GetItem', 'Query', 'BatchGetItem'] },
  responses: { 200: MyDossiers },
  errors: [401, 429],
  handler: async ({ citizen }) => {
    const dossiers = (await citizensDossiers(citizen!)).map((d) => {
      // applied online and not received (1: waiting for the desk's check, 3: refused): the submission's
      // instant and provisional appointment it stores are no receipt
      const received = !(d.online && (d.status === 1 || d.status === 3));
      return {
        code: d.code,
        procedure: { code: d.procedure.code, name: d.procedure.name },
        status: d.status,
        statusText: STATUS_TEXT[d.status],
        channel: d.channel,
        receivedAt: received && d.receivedAt ? toLocalIso(d.receivedAt) : null,
        appointmentAt: received && d.appointmentAt ? toLocalIso(d.appointmentAt) : null,
      };
    });
    return reply(200, { dossiers }, { 'cache-control': 'no-store' });
  },
});
