import type { Deps } from '../app/context.ts';
import { registerAuditRoutes } from '../features/audit/routes.ts';
import { registerAuthRoutes } from '../features/auth/routes.ts';
import { registerCaseRoutes } from '../features/cases/routes.ts';
import { registerLiveRoutes } from '../features/live/routes.ts';
import { registerPersonRoutes } from '../features/persons/routes.ts';
import { registerIdentityProviderRoutes } from '../features/identity-providers/routes.ts';
import { registerOrganisationRoutes } from '../features/organisation/routes.ts';
import { registerUserRoutes } from '../features/users/routes.ts';
import { registerAssignmentRoutes } from '../features/assignments/routes.ts';
import { registerDeliveryRoutes } from '../features/deliveries/routes.ts';
import { registerNoticeRoutes } from '../features/notices/routes.ts';
import { registerOversightRoutes } from '../features/oversight/routes.ts';
import { registerPoliticianRoutes } from '../features/politicians/routes.ts';
import { registerRoutingRoutes } from '../features/routing/routes.ts';
import { registerSigningRoutes } from '../features/signing/routes.ts';
import type { Api } from './run.ts';
import { registerStatisticsRoutes } from '../features/statistics/routes.ts';
import { registerImportRoutes } from '../features/imports/routes.ts';
import { registerRosterRoutes } from '../features/roster/routes.ts';

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
  registerStatisticsRoutes(api, deps);
  await registerImportRoutes(api, deps);
  registerNoticeRoutes(api, deps);
  registerAssignmentRoutes(api, deps);
  registerDeliveryRoutes(api, deps);
  registerPoliticianRoutes(api, deps);
  registerSigningRoutes(api, deps);
  registerOversightRoutes(api, deps);
  registerRoutingRoutes(api, deps);
  registerRosterRoutes(api, deps);
}
