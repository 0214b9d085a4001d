import { apiRouter } from '../commons/router';
import { route as decideStep } from '../decide-step/route';
import { route as listProcedures } from '../list-procedures/route';

/** The officers' function: the desk's and the agencies' routes (signed in; agencies' systems too). */
export const routes = [decideStep, listProcedures];

export const handler = apiRouter(routes);
