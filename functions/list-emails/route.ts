import * as z from 'zod';
import { readEmail } from '../commons/email-store';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { listAgencies, queryIndex } from '../commons/store';
import { toLocalIso } from '../core/local-time';

export const Query = z.object({ state: z.enum(['failed', 'bounced', 'complained'], { error: 'state=failed, bounced or complained' }) });

export const EmailList = z.object({
  state: z.enum(['failed', 'bounced', 'complained']),
  emails: z.array(z.object({ id: z.string(), dossierCode: z.string(), eventKey: z.string(), event: z.string(), state: z.string(), at: z.string().nullable(), error: z.string().optional() })),
});

/**
 * GET /ops/emails?state=failed|bounced|complained (operators): the letters that did not reach the
 * citizen, oldest first, ids and states only (no address). Bounced and complained letters are
 * the desks' open calls (GSI1 `CONTACT#<desk>`, made by record-delivery); failed ones carry a
 * sparse GSI1 key `EMAILS#failed` set when the sender gives up. Each is read again, so a letter
 * re-sent since (no longer in that state) is left out.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/ops/emails',
  summary: 'Letters that did not reach the citizen (failed, bounced, complained)',
  operationId: 'listEmails',
  roles: ['operator'],
  access: { table: 'read' },
  query: Query,
  responses: { 200: EmailList },
  errors: OFFICER_ERRORS,
  handler: async ({ query: { state } }) => {
    const refs: { code: string; eventKey: string; at: string }[] = [];
    if (state === 'failed') {
      for (const i of await queryIndex('EMAILS#failed')) {
        // the key names the letter even where the item lacks `eventKey` (PIN letters written before issue 20 were listed `<code>~undefined`)
        refs.push({ code: String(i.PK).replace(/^(DOSSIER|FEEDBACK)#/, ''), eventKey: String(i.eventKey ?? String(i.SK).replace(/^EMAIL#/, '')), at: String(i.failedAt ?? '') });
      }
    } else {
      const desks = (await listAgencies()).filter((a) => a.kind === 'desk').map((a) => a.code);
      for (const desk of desks) {
        for (const i of await queryIndex(`CONTACT#${desk}`)) if (i.reason === state) refs.push({ code: String(i.code), eventKey: String(i.eventKey), at: String(i.at) });
      }
    }
    refs.sort((a, b) => a.at.localeCompare(b.at));
    const emails = [];
    for (const r of refs) {
      const item = await readEmail(r.code, r.eventKey);
      if (!item) continue;
      const now = state === 'failed' ? item.state : item.delivery;
      if (now !== state) continue;
      emails.push({
        id: `${r.code}~${r.eventKey}`,
        dossierCode: r.code,
        eventKey: r.eventKey,
        event: item.event,
        state,
        at: r.at ? toLocalIso(r.at) : null,
        ...(state === 'failed' && item.lastError ? { error: String(item.lastError).slice(0, 200) } : {}),
      });
    }
    return reply(200, { state, emails });
  },
});
