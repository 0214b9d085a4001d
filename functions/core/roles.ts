/**
 * Who may call a route, and the scopes of agencies' systems. Plain data: the route modules
 * (functions/<route>/route.ts), the access checks (functions/commons/access.ts), the stack and
 * the local gateway all read it from here.
 */
export type Role =
  | 'desk' // one-stop desk officer (Cognito group `desk`)
  | 'operator' // platform operator (group `operator`)
  | 'agency' // an officer of an agency (group `agency-<CODE>`); the handler checks which agency
  | 'authenticated' // any signed-in caller
  | 'public' // no sign-in: the citizen, with the dossier code and PIN (checked by the handler)
  | 'citizen'; // a citizen signed in through the national sign-in (a session, functions/commons/citizen-session.ts)

/**
 * Routes API Gateway serves without its (officers') authorizer: the anonymous citizen's (code and
 * PIN) and the signed-in citizen's (the function checks the session). They live in the public
 * function, which holds no officer's route.
 */
export const isCitizenFacing = (roles: readonly Role[]) => roles.includes('public') || roles.includes('citizen');

/** The resource server of the user pool (identifier `motcua`) and its scopes for agency systems. */
export const resourceServer = {
  identifier: 'motcua',
  name: 'motcua API',
  scopes: [
    { name: 'tasks.read', description: "Read the agency's queue and logbook" },
    { name: 'dossiers.read', description: 'Read a dossier on the agency route' },
    { name: 'steps.decide', description: "Decide the agency's steps and report delays" },
  ],
} as const;
export type Scope = `motcua/${(typeof resourceServer.scopes)[number]['name']}`;
export const allScopes: Scope[] = resourceServer.scopes.map((s) => `${resourceServer.identifier}/${s.name}` as Scope);
