import { can } from '@jourbok/domain';
import type { Ctx, Deps } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { randomToken, sha256 } from '../auth/crypto.ts';
import { actorOf } from '../persons/service.ts';

/**
 * Tokens of the systems that call Jourbok on their own (a telephony system
 * posting call events). The administrator creates one per system; the token
 * is shown once and only its SHA-256 is kept (it is 256 random bits, so a
 * fast hash is enough: nothing to guess). A revoked token is refused at once.
 */
export type IntegrationKind = 'telephony';

export interface IntegrationPrincipal {
  kind: IntegrationKind;
  systemId: string;
  organisationId: string;
  name: string;
}

const PREFIX = 'jbt_';

export function newToken(): { token: string; hash: string; hint: string } {
  const token = `${PREFIX}${randomToken(32)}`;
  return { token, hash: sha256(token), hint: `${token.slice(0, PREFIX.length + 4)}…${token.slice(-4)}` };
}

/** The system behind `Authorization: Bearer <token>`, or null (missing, unknown or revoked). */
export async function authenticateIntegration(deps: Pick<Deps, 'database' | 'clock'>, kind: IntegrationKind, header: string | undefined): Promise<IntegrationPrincipal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match || !match[1]!.startsWith(PREFIX) || match[1]!.length > 200) return null;
  if (kind !== 'telephony') return null;
  const row = await deps.database.db
    .selectFrom('telephony_system')
    .select(['id', 'organisation_id', 'name'])
    .where('token_hash', '=', sha256(match[1]!))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return { kind, systemId: row.id, organisationId: row.organisation_id, name: row.name };
}

function present(row: { id: string; name: string; token_hint: string; created_at: Date; created_by_name: string; revoked_at: Date | null; revoked_by_name: string | null; last_used_at: Date | null }) {
  return {
    id: row.id,
    name: row.name,
    tokenHint: row.token_hint,
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedByName: row.revoked_by_name,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export async function listTelephonySystems(ctx: Ctx) {
  const actor = actorOf(ctx);
  if (!can(actor, 'telephony.manage')) throw forbidden();
  const rows = await ctx.trx.selectFrom('telephony_system').selectAll().where('organisation_id', '=', actor.organisationId).orderBy('created_at').execute();
  return { systems: rows.map(present) };
}

export async function createTelephonySystem(ctx: Ctx, name: string) {
  const actor = actorOf(ctx);
  if (!can(actor, 'telephony.manage')) throw forbidden();
  const { token, hash, hint } = newToken();
  const row = await ctx.trx
    .insertInto('telephony_system')
    .values({ organisation_id: actor.organisationId, name, token_hash: hash, token_hint: hint, created_at: ctx.now, created_by_name: ctx.principal.displayName })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'telephony_system.created', entityType: 'telephony_system', entityId: row.id, details: { name } });
  return { ...present(row), token };
}

export async function revokeTelephonySystem(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  if (!can(actor, 'telephony.manage')) throw forbidden();
  const row = await ctx.trx.selectFrom('telephony_system').selectAll().where('organisation_id', '=', actor.organisationId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Telefonisystemet');
  if (row.revoked_at) throw new AppError('conflict', 'Token är redan återkallad.');
  const updated = await ctx.trx
    .updateTable('telephony_system')
    .set({ revoked_at: ctx.now, revoked_by_name: ctx.principal.displayName })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'telephony_system.revoked', entityType: 'telephony_system', entityId: id, details: { name: row.name } });
  return present(updated);
}
