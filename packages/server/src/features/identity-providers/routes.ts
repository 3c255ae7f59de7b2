import { IdParams, IdentityProvider, IdentityProviderInput, IdentityProviderUpdate } from '@jourbok/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { setSessionCookie } from '../../http/auth-hook.ts';
import { run, type Api } from '../../http/run.ts';
import { callbackUrl } from './oidc.ts';
import * as service from './service.ts';

const tags = ['Identity providers'];

/** Where the browser goes when a sign-in through a provider fails: the sign-in page shows a Swedish message. */
const SIGN_IN_FAILED = '/logga-in?sso=fel';

/**
 * Binds a pending sign-in to the browser that started it. SameSite=Lax, not
 * Strict: it must come along on the provider's cross-site redirect back.
 */
const STATE_COOKIE = 'jb_oidc_state';
const CALLBACK_PATH = '/api/auth/oidc/callback';

function stateCookieOptions(deps: Deps) {
  return { path: CALLBACK_PATH, httpOnly: true, sameSite: 'lax' as const, secure: deps.config.cookieSecure };
}

function failed(reply: FastifyReply) {
  return reply.redirect(SIGN_IN_FAILED, 302);
}

export function registerIdentityProviderRoutes(api: Api, deps: Deps) {
  const redirectUri = callbackUrl(deps.config.publicUrl);
  const manage = { access: { permission: 'identityProviders.manage' as const } };

  api.get('/api/identity-providers', {
    config: manage,
    schema: { tags, summary: 'The identity providers of the member municipalities (client secrets are never returned)', response: { 200: z.array(IdentityProvider) } },
    handler: (req) => run(deps, req, (ctx) => service.listIdentityProviders(ctx, redirectUri)),
  });

  api.post('/api/identity-providers', {
    config: manage,
    schema: { tags, summary: 'Add an identity provider', body: IdentityProviderInput, response: { 200: IdentityProvider } },
    handler: (req) => run(deps, req, (ctx) => service.createIdentityProvider(ctx, req.body, redirectUri)),
  });

  api.put('/api/identity-providers/:id', {
    config: manage,
    schema: { tags, summary: 'Change an identity provider (an empty client secret keeps the stored one)', params: IdParams, body: IdentityProviderUpdate, response: { 200: IdentityProvider } },
    handler: (req) => run(deps, req, (ctx) => service.updateIdentityProvider(ctx, req.params.id, req.body, redirectUri)),
  });

  api.get('/api/auth/oidc/:id/start', {
    config: { access: { public: true } },
    schema: { tags: ['Sign-in'], summary: 'Sign in through a municipality’s identity provider: redirects to the provider', params: z.object({ id: z.string().max(100) }) },
    handler: async (req, reply) => {
      const started = await service.startSignIn(deps, req.params.id, req.id);
      if (!started) return failed(reply);
      reply.setCookie(STATE_COOKIE, started.state, { ...stateCookieOptions(deps), maxAge: 10 * 60 });
      return reply.redirect(started.authorizationUrl, 302);
    },
  });

  api.get(CALLBACK_PATH, {
    config: { access: { public: true } },
    schema: { tags: ['Sign-in'], summary: 'The identity provider’s redirect back (code and state): signs in and redirects to the start page' },
    handler: async (req, reply) => {
      const queryAt = req.url.indexOf('?');
      const token = await service.finishSignIn(deps, {
        query: queryAt >= 0 ? req.url.slice(queryAt + 1) : '',
        browserState: req.cookies[STATE_COOKIE] ?? null,
        requestId: req.id,
      });
      reply.clearCookie(STATE_COOKIE, stateCookieOptions(deps));
      if (!token) return failed(reply);
      setSessionCookie(reply, deps, token);
      return reply.redirect('/', 302);
    },
  });
}
