import { isCitizenFacing } from '../core/roles';
import type { AnyRoute } from '../commons/route';
import { routes as officerRoutes } from './officers';
import { routes as operatorRoutes } from './operators';
import { routes as publicRoutes } from './public';

/** The API's functions, one per trust boundary, each serving its table of routes inside. */
export interface ApiFunction {
  name: 'api-public' | 'api-officers' | 'api-operators';
  /** Entry file relative to the project root; exports `handler`. */
  entry: string;
  description: string;
  /** Which routes belong here, by their roles. */
  admits: (route: AnyRoute) => boolean;
  routes: readonly AnyRoute[];
}

const onlyOperators = (r: AnyRoute) => r.roles.length === 1 && r.roles[0] === 'operator';
const isPublic = (r: AnyRoute) => isCitizenFacing(r.roles);

export const apiFunctions: ApiFunction[] = [
  {
    name: 'api-public',
    entry: 'functions/api/public.ts',
    description: "Citizens' routes: a dossier by code and PIN, supplements, withdrawal, rating, the centre",
    admits: isPublic,
    routes: publicRoutes,
  },
  {
    name: 'api-officers',
    entry: 'functions/api/officers.ts',
    description: "Officers' routes: the desk, the agencies (and their systems), shared reads",
    admits: (r) => !isPublic(r) && !onlyOperators(r),
    routes: officerRoutes,
  },
  {
    name: 'api-operators',
    entry: 'functions/api/operators.ts',
    description: "Operators' routes: reports, repairs, the catalogue, letters that did not arrive",
    admits: onlyOperators,
    routes: operatorRoutes,
  },
];

/** Every route module of the API. */
export const apiRoutes: readonly AnyRoute[] = apiFunctions.flatMap((f) => f.routes);
