import { apiRouter } from '../commons/router';
import type { AnyRoute } from '../commons/route';

/** The operators' function: routes only an operator may call (reports, repairs, the catalogue). */
export const routes: AnyRoute[] = [];

export const handler = apiRouter(routes);
