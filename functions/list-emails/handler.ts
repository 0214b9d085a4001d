import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { readEmail } from '../commons/email-store';
import { json, parse } from '../commons/http';
import { listAgencies, queryIndex } from '../commons/store';
import { toLocalIso } from '../core/local-time';

export const Query = z.object({ state: z.enum(['failed', 'bounced', 'complained'], { error: 'state=failed, bounced or complained' }) });

/**
 * GET /ops/emails?state=failed|bounced|complained (operators): the letters that did not reach the
 * citizen, oldest first, ids and states only (no address). Bounced and complained letters are
 * the desks' open calls (GSI1 `CONTACT#<desk>`, made by record-delivery); failed ones carry a
 * sparse GSI1 key `EMAILS#failed` set when the sender gives up. Each is read again, so a letter
 * re-sent since (no longer in that state) is left out.
 */
export const handler = apiHandler('GET /ops/emails', async (event) => {
  const { state } = parse(Query, event.queryStringParameters ?? {}, 'query');
  const refs: { code: string; eventKey: string; at: string }[] = [];
  if (state === 'failed') {
    for (const i of await queryIndex('EMAILS#failed')) {
      // the key names the letter even where the item lacks `eventKey` (PIN letters written before issue 20 were listed `<code>~undefined`)
      refs.push({ code: String(i.PK).replace(/^DOSSIER#/, ''), eventKey: String(i.eventKey ?? String(i.SK).replace(/^EMAIL#/, '')), at: String(i.failedAt ?? '') });
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
  return json(200, { state, emails });
});
