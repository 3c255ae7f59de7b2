import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../app/context.ts';
import { registerAdmission } from './admission.ts';
import { registerAuthHook } from './auth-hook.ts';
import { registerErrorHandler, sendError } from './errors.ts';
import { registerFeatures } from './features.ts';

export type App = FastifyInstance;

const defaultWebDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Content security policy: no inline scripts, nothing from other origins. */
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export async function buildApp(deps: Deps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Jourbok API', version: '1', description: 'The HTTP API of Jourbok. Every route needs a signed-in user unless marked public; state-changing requests need the X-CSRF-Token header.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jb_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', csp);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // before authentication: the session check is one of the database turns a request waits for
  registerAdmission(app, deps);
  registerAuthHook(app, deps);
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
  api.get('/api/health', { config: { access: { public: true } }, schema: { hide: true } }, async () => ({ ok: true, database: deps.database.kind }));
  await registerFeatures(api, deps);

  const webDist = deps.config.webDist ?? defaultWebDist;
  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  // The single-page app answers every other GET with its shell; the API answers 404 in JSON.
  app.setNotFoundHandler((request, reply) => {
    if (!hasWeb || request.url.startsWith('/api/') || request.method !== 'GET') return sendError(reply, 'not_found', 'Sidan eller resursen finns inte.');
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
