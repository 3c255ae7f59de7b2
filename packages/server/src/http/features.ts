import type { Deps } from '../app/context.ts';
import { registerAuditRoutes } from '../features/audit/routes.ts';
import { registerAuthRoutes } from '../features/auth/routes.ts';
import { registerCaseRoutes } from '../features/cases/routes.ts';
import { registerLiveRoutes } from '../features/live/routes.ts';
import { registerPersonRoutes } from '../features/persons/routes.ts';
import { registerIdentityProviderRoutes } from '../features/identity-providers/routes.ts';
import { registerOrganisationRoutes } from '../features/organisation/routes.ts';
import { registerUserRoutes } from '../features/users/routes.ts';
import type { Api } from './run.ts';

/** Every feature's routes, in one list. */
export async function registerFeatures(api: Api, deps: Deps) {
  registerAuthRoutes(api, deps);
  registerOrganisationRoutes(api, deps);
  registerUserRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerPersonRoutes(api, deps);
  registerCaseRoutes(api, deps);
  await registerLiveRoutes(api, deps);
  registerIdentityProviderRoutes(api, deps);
}
