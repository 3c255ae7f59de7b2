import { can } from '@jourbok/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../app/context.ts';
import type { RouteAccess } from './access.ts';
import { resolveSession } from '../features/auth/service.ts';
import { randomToken, safeEqual } from '../features/auth/crypto.ts';
import { sendError } from './errors.ts';
import { authenticateIntegration } from '../features/telephony/tokens.ts';

export const SESSION_COOKIE = 'jb_session';
export const CSRF_COOKIE = 'jb_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Sent by the web app's polling and live updates: not user activity, so it does not keep a session alive. */
export const BACKGROUND_HEADER = 'x-jourbok-background';

/** Every API route with its declared access (the security tests walk it). */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
  /** the route's zod schemas (body, querystring, params), for the fuzz tests */
  schema?: { body?: unknown; querystring?: unknown; params?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(deps: Deps, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.cookieSecure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string) {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps, deps.config.sessionMaxHours * 3600));
}

export function clearSessionCookie(reply: FastifyReply, deps: Deps) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(deps));
}

/** The anonymous CSRF token (double-submit): a cookie the page cannot read, echoed in a header. */
export function ensureAnonymousCsrf(request: FastifyRequest, reply: FastifyReply, deps: Deps): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && existing.length >= 32) return existing;
  const token = randomToken();
  reply.setCookie(CSRF_COOKIE, token, cookieOptions(deps));
  return token;
}

/**
 * Authentication, CSRF and permission for every request, from the route's
 * declared access. The server decides; the UI only mirrors the abilities.
 */
export function registerAuthHook(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('session', null);
  app.decorateRequest('principal', null);
  app.decorateRequest('integration', null);

  const catalog: RouteEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/') && route.config?.access) {
      for (const method of [route.method].flat()) if (method !== 'HEAD') catalog.push({ method, url, access: route.config.access, ...(route.schema ? { schema: route.schema as RouteEntry['schema'] } : {}) });
    }
    if (url.startsWith('/api/') && !url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${url} declares no access`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;

    if ('token' in access) {
      request.integration = await authenticateIntegration(deps, access.token, request.headers.authorization);
      if (!request.integration) return sendError(reply, 'unauthenticated', 'Token saknas, är ogiltig eller har återkallats.');
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await resolveSession(deps, token, { touch: request.headers[BACKGROUND_HEADER] !== '1' }) : null;
    if (request.session?.stage === 'full') request.principal = request.session.principal;

    if (unsafeMethods.has(request.method) && !('public' in access && access.csrf === false)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.session ? request.session.csrfToken : request.cookies[CSRF_COOKIE];
      if (typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) {
        return sendError(reply, 'csrf', 'Säkerhetstoken saknas eller är ogiltig. Ladda om sidan och försök igen.');
      }
    }

    if ('public' in access) return;
    const principal = request.principal;
    if (!principal) {
      if (request.session && request.session.stage !== 'full') {
        return sendError(reply, 'second_factor_required', 'Ange koden från din autentiseringsapp för att fortsätta.');
      }
      return sendError(reply, 'unauthenticated', 'Du är inte inloggad, eller så har sessionen gått ut. Logga in igen.');
    }
    // A temporary password (new account, reset by an administrator) opens nothing until it is changed.
    if (request.session?.user.must_change_password) {
      return sendError(reply, 'password_change_required', 'Byt ditt tillfälliga lösenord innan du fortsätter.');
    }
    if (!can(principal, access.permission)) {
      return sendError(reply, 'forbidden', 'Du har inte behörighet till det här.');
    }
  });

  // A route that returns personal data must have logged the read in its
  // transaction. Checked on every such response, so a forgotten audit call
  // cannot pass unnoticed: the response is withheld and the defect logged.
  app.addHook('onSend', async (request, reply, payload) => {
    const access = request.routeOptions.config?.access;
    if (!access || !('permission' in access) || !access.personalData || reply.statusCode >= 300) return payload;
    const logged = await deps.database.db.selectFrom('audit_event').select('seq').where('request_id', '=', request.id).limit(1).executeTakeFirst();
    if (logged) return payload;
    request.log.error({ route: request.routeOptions.url }, 'personal data returned without an audit event');
    reply.status(500).type('application/json');
    return JSON.stringify({ error: { code: 'internal', message: 'Uppgifterna kunde inte visas: läsningen loggades inte. Kontakta administratören.' } });
  });
}
