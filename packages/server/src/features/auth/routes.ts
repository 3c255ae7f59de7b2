import { ChangePasswordRequest, DemoCodeResponse, LoginRequest, LoginResponse, Ok, SessionResponse, TotpEnrollment, TotpRequest } from '@jourbok/contracts';
import { abilitiesOf } from '@jourbok/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inTransaction, systemPrincipal, type Deps } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { clearSessionCookie, ensureAnonymousCsrf, SESSION_COOKIE, setSessionCookie } from '../../http/auth-hook.ts';
import type { Api } from '../../http/run.ts';
import { findFirstOrganisationId } from '../organisation/repository.ts';
import { totpCode } from './crypto.ts';
import * as service from './service.ts';

const tags = ['Sign-in'];

function clientKey(request: FastifyRequest): string {
  return request.ip || 'unknown';
}

function stageAfterLogin(stage: service.Stage, mustChangePassword: boolean): 'totp' | 'enroll' | 'change_password' | 'done' {
  if (stage === 'full') return mustChangePassword ? 'change_password' : 'done';
  return stage;
}

export function registerAuthRoutes(api: Api, deps: Deps) {
  api.get('/api/session', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Who am I: the session, my abilities and the CSRF token for the next request', response: { 200: SessionResponse } },
    handler: async (req, reply) => {
      const session = req.session;
      const data = await inTransaction(deps, systemPrincipal(null), req.id, async ({ trx }) => {
        const organisationId = session?.user.organisation_id ?? (await findFirstOrganisationId(trx));
        const organisation = organisationId
          ? await trx.selectFrom('organisation').select(['id', 'name', 'short_name']).where('id', '=', organisationId).executeTakeFirst()
          : undefined;
        const providers = organisationId
          ? await trx.selectFrom('identity_provider').select(['id', 'name']).where('organisation_id', '=', organisationId).where('is_active', '=', true).orderBy('name').execute()
          : [];
        const municipality =
          session?.user.municipality_code && organisationId
            ? await trx.selectFrom('municipality').select('name').where('organisation_id', '=', organisationId).where('code', '=', session.user.municipality_code).executeTakeFirst()
            : undefined;
        return { organisation, providers, municipalityName: municipality?.name ?? null };
      });
      const full = session?.stage === 'full';
      return {
        csrfToken: session ? session.csrfToken : ensureAnonymousCsrf(req, reply, deps),
        stage: session ? session.stage : ('anonymous' as const),
        user:
          session && full
            ? {
                id: session.user.id,
                username: session.user.username,
                displayName: session.user.display_name,
                role: session.principal.role,
                municipalityCode: session.user.municipality_code,
                municipalityName: data.municipalityName,
                mustChangePassword: session.user.must_change_password,
              }
            : null,
        abilities: session && full ? abilitiesOf(session.principal.role) : [],
        organisation: data.organisation ? { id: data.organisation.id, name: data.organisation.name, shortName: data.organisation.short_name } : null,
        demo: deps.config.demo,
        identityProviders: data.providers,
        idleTimeoutMinutes: deps.config.sessionIdleMinutes,
      };
    },
  });

  api.post('/api/auth/login', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Sign in with username and password', body: LoginRequest, response: { 200: LoginResponse } },
    handler: async (req, reply) => {
      const session = await service.login(deps, {
        username: req.body.username,
        password: req.body.password,
        clientKey: clientKey(req),
        requestId: req.id,
        previousToken: req.cookies[SESSION_COOKIE] ?? null,
      });
      setSessionCookie(reply, deps, session.token);
      const user = session.stage === 'full' ? await service.resolveSession(deps, session.token) : null;
      return { stage: stageAfterLogin(session.stage, user?.user.must_change_password ?? false) };
    },
  });

  api.post('/api/auth/totp', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Second step: the code from the authenticator app', body: TotpRequest, response: { 200: LoginResponse } },
    handler: async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (!token) throw new AppError('unauthenticated', 'Logga in med användarnamn och lösenord först.');
      const session = await service.verifySecondFactor(deps, token, req.body.code, req.id);
      setSessionCookie(reply, deps, session.token);
      const resolved = await service.resolveSession(deps, session.token);
      return { stage: stageAfterLogin('full', resolved?.user.must_change_password ?? false) };
    },
  });

  api.get('/api/auth/totp/enrollment', {
    config: { access: { public: true } },
    schema: { tags, summary: 'The new second-factor secret, as text and QR code (enrolment stage only)', response: { 200: TotpEnrollment } },
    handler: async (req) => {
      const token = req.cookies[SESSION_COOKIE];
      if (!token) throw new AppError('unauthenticated', 'Logga in med användarnamn och lösenord först.');
      return service.startTotpEnrollment(deps, token, req.id);
    },
  });

  api.post('/api/auth/totp/enroll', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Confirm the second factor with a first code', body: TotpRequest, response: { 200: LoginResponse } },
    handler: async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (!token) throw new AppError('unauthenticated', 'Logga in med användarnamn och lösenord först.');
      const session = await service.completeTotpEnrollment(deps, token, req.body.code, req.id);
      setSessionCookie(reply, deps, session.token);
      const resolved = await service.resolveSession(deps, session.token);
      return { stage: stageAfterLogin('full', resolved?.user.must_change_password ?? false) };
    },
  });

  api.post('/api/auth/logout', {
    config: { access: { public: true } },
    schema: { tags, summary: 'End the session', response: { 200: Ok } },
    handler: async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await service.logout(deps, token, req.id);
      clearSessionCookie(reply, deps);
      return { ok: true as const };
    },
  });

  api.post('/api/auth/password', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Change my password', body: ChangePasswordRequest, response: { 200: Ok } },
    handler: async (req) => {
      const token = req.cookies[SESSION_COOKIE];
      if (!token) throw new AppError('unauthenticated', 'Du är inte inloggad.');
      await service.changePassword(deps, token, req.body.currentPassword, req.body.newPassword, req.id);
      return { ok: true as const };
    },
  });

  // Demo mode only: the current code of a demo account, so a newcomer can sign in without an app.
  api.get('/api/demo/totp', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Demo mode only: the current second-factor code of a demo account', querystring: z.object({ username: z.string().max(100) }), response: { 200: DemoCodeResponse } },
    handler: async (req) => {
      if (!deps.config.demo) throw new AppError('not_found', 'Finns bara i demoläge.');
      const user = await deps.database.db
        .selectFrom('app_user')
        .select(['totp_secret', 'username'])
        .where((eb) => eb(eb.fn('lower', ['username']), '=', req.query.username.toLowerCase()))
        .executeTakeFirst();
      if (!user?.totp_secret || !user.username.startsWith('demo.')) throw new AppError('not_found', 'Inget demokonto med det namnet.');
      return { code: totpCode(user.totp_secret, deps.clock.now()) };
    },
  });
}
