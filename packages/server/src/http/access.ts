import type { Permission } from '@jourbok/domain';
import type { Principal } from '../app/context.ts';
import type { ResolvedSession } from '../features/auth/service.ts';
import type { IntegrationPrincipal, IntegrationKind } from '../features/telephony/tokens.ts';

/**
 * Every route states who may call it. There is no default: a route under
 * /api without `access` fails at start-up, so none can be forgotten.
 * - `public`: anyone (sign-in steps, the public routing page, health).
 * - `permission`: a fully signed-in user whose role has it; `personalData`
 *   marks routes that return a person's data (the test suite checks that each
 *   such response left an audit event); `stream` marks a server-sent-event stream.
 * - `token`: another system (a telephony system posting call events), by a
 *   bearer token of that kind issued by the administrator. No session and no
 *   CSRF: the token is not sent by a browser on its own. A session grants
 *   nothing here.
 */
export type RouteAccess =
  | { public: true; csrf?: boolean }
  | { permission: Permission; personalData?: boolean; stream?: boolean }
  | { token: IntegrationKind };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
    principal: Extract<Principal, { kind: 'user' }> | null;
    /** the system a `token` route was called by */
    integration: IntegrationPrincipal | null;
  }
}
