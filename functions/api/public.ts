import { apiRouter } from '../commons/router';
import { route as publicWithdraw } from '../public-withdraw/route';

/**
 * The public function: the citizen's routes (code and PIN, no sign-in). Nothing in this bundle
 * can act as an officer: it holds only the routes whose roles are ['public'].
 */
export const routes = [publicWithdraw];

export const handler = apiRouter(routes);
