import type { Actor, AuditEventInput, Role } from '@jourbok/domain';
import { auditKindOf } from '@jourbok/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** The clock is a dependency so that tests (and the demo) control time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Everything a use case may need from outside, passed explicitly. */
export interface Deps {
  database: Database;
  config: Readonly<Config>;
  clock: Clock;
  log: Logger;
}

/** Who acts: a signed-in user, or the system itself (CLI, jobs). */
export type Principal =
  | ({ kind: 'user'; displayName: string } & Actor)
  | { kind: 'system'; displayName: string; organisationId: string | null };

export type Trx = Transaction<DB>;

/** What a use case gets: one transaction, the actor, the time, and an audit writer bound to both. */
export interface Ctx {
  trx: Trx;
  principal: Principal;
  now: Date;
  requestId: string | null;
  audit(event: AuditEventInput): Promise<void>;
}

export function actorOf(principal: Principal): Actor | null {
  return principal.kind === 'user' ? principal : null;
}

export function systemPrincipal(organisationId: string | null, displayName = 'system'): Principal {
  return { kind: 'system', displayName, organisationId };
}

/**
 * Run a use case in one transaction. Audit events it records are written in
 * the same transaction, so a change and its audit event commit or fail
 * together. They are written at the end of the use case: the audit chain's
 * lock is then held only for the last moments before commit, not while the
 * use case does its work.
 */
export async function inTransaction<T>(
  deps: Pick<Deps, 'database' | 'clock'>,
  principal: Principal,
  requestId: string | null,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  return deps.database.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const pending: AuditEventInput[] = [];
    const ctx: Ctx = {
      trx,
      principal,
      now,
      requestId,
      audit: async (event) => {
        pending.push(event);
      },
    };
    const result = await fn(ctx);
    await writeAuditEvents(trx, principal, requestId, now, pending);
    return result;
  });
}

export async function writeAuditEvent(db: Kysely<DB>, principal: Principal, requestId: string | null, at: Date, event: AuditEventInput): Promise<void> {
  await writeAuditEvents(db, principal, requestId, at, [event]);
}

export async function writeAuditEvents(
  db: Kysely<DB>,
  principal: Principal,
  requestId: string | null,
  at: Date,
  events: AuditEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  const role: Role | null = principal.kind === 'user' ? principal.role : null;
  await db
    .insertInto('audit_event')
    .values(events.map((event) => ({
      organisation_id: principal.organisationId,
      occurred_at: at,
      actor_user_id: principal.kind === 'user' ? principal.userId : null,
      actor_name: principal.displayName,
      actor_role: role,
      action: event.action,
      kind: auditKindOf(event.action),
      entity_type: event.entityType,
      entity_id: event.entityId,
      person_id: event.personId ?? null,
      municipality_code: event.municipalityCode ?? null,
      purpose: event.purpose ?? null,
      details: JSON.stringify(event.details ?? {}),
      request_id: requestId,
    })))
    .execute();
}
