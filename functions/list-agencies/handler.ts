import { apiHandler } from '../commons/api';
import { json } from '../commons/http';
import { listAgencies } from '../commons/store';

/** GET /agencies: the agencies of the catalogue (code, names, kind, warnings address), by code. */
export const handler = apiHandler('GET /agencies', async () => {
  const agencies = (await listAgencies())
    .map((a) => ({ code: a.code, name: a.name, kind: a.kind, email: a.email }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return json(200, { agencies });
});
