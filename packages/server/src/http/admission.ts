import type { FastifyInstance } from 'fastify';
import type { Deps } from '../app/context.ts';

/**
 * PGlite is one connection: two requests at a time let one request's
 * JavaScript (JSON, PDF, hashing) overlap the other's queries. Measured with
 * bench/load (200 busy clients): with 8 at a time registrations still timed
 * out behind reads; with 2 every kind got through at the same latency.
 */
export const PGLITE_DEFAULT_CONCURRENCY = 2;

/**
 * Admission control: at most `limit` API requests are served at once; the
 * rest wait in arrival order at the door. Without it, on PGlite (one
 * connection, taken in turns per transaction) a request that needs several
 * turns (session check, its transaction, the audit check) queues behind
 * every other request once per turn: under 200 busy clients, registrations
 * and case views waited over 30 s while single-turn requests went through
 * (bench/load). With it, a request waits once, and every kind alike.
 * Event streams (long-lived) are not counted.
 */
export class Admission {
  #active = 0;
  readonly #waiting: (() => void)[] = [];
  constructor(readonly limit: number) {}

  get active() {
    return this.#active;
  }

  get waiting() {
    return this.#waiting.length;
  }

  /** Resolves when the request may go on; call the returned function exactly once when it is done. */
  async enter(): Promise<() => void> {
    if (this.#active < this.limit) this.#active++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.#waiting.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.#active--;
    };
  }
}

export function concurrencyLimit(deps: Deps): number {
  const configured = deps.config.maxConcurrentRequests;
  if (configured !== null) return configured;
  return deps.database.kind === 'pglite' ? PGLITE_DEFAULT_CONCURRENCY : 0;
}

export function registerAdmission(app: FastifyInstance, deps: Deps): Admission | null {
  const limit = concurrencyLimit(deps);
  if (limit === 0) return null;
  const admission = new Admission(limit);
  const leaving = new WeakMap<object, () => void>();
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (!request.url.startsWith('/api/') || (access && 'permission' in access && access.stream)) return;
    const leave = await admission.enter();
    leaving.set(request, leave);
    // the response is sent (onResponse), or the client has gone before that ('close'); leave() runs once
    reply.raw.once('close', leave);
    if (request.raw.destroyed) leave();
  });
  app.addHook('onResponse', async (request) => leaving.get(request)?.());
  return admission;
}
