import type { FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inTransaction, type Ctx, type Deps } from '../app/context.ts';
import { AppError } from '../errors.ts';

export type Api = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** Run one use case for a signed-in request: one transaction, the request's actor and id. */
export function run<T>(deps: Deps, request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthenticated', 'Du är inte inloggad.');
  return inTransaction(deps, principal, request.id, fn);
}
