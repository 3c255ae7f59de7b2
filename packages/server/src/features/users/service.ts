import type { Role } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import type { UserRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { generateInitialPassword, hashPassword } from '../auth/crypto.ts';
import { endAllSessionsOfUser } from '../auth/repository.ts';

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    role: u.role as Role,
    municipalityCode: u.municipality_code,
    isActive: u.is_active,
    isLocked: u.locked_at !== null,
    hasTotp: u.totp_secret !== null,
    isSso: u.oidc_subject !== null,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    version: u.version,
  };
}

async function checkMunicipality(ctx: Ctx, role: Role, code: string | null) {
  if (role === 'kommun' && !code) throw new AppError('validation', 'En kommunhandläggare måste höra till en kommun.', 'municipalityCode');
  if (role !== 'kommun' && code) throw new AppError('validation', 'Bara kommunhandläggare hör till en kommun.', 'municipalityCode');
  if (code) {
    const m = await ctx.trx.selectFrom('municipality').select('code').where('organisation_id', '=', ctx.principal.organisationId).where('code', '=', code).executeTakeFirst();
    if (!m) throw new AppError('validation', `Kommunen ${code} är inte medlem i jouren.`, 'municipalityCode');
  }
}

async function loadUser(ctx: Ctx, id: string): Promise<UserRow> {
  const user = await ctx.trx.selectFrom('app_user').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.principal.organisationId).executeTakeFirst();
  if (!user) throw notFound('Användaren');
  return user;
}

export async function listUsers(ctx: Ctx) {
  const rows = await ctx.trx.selectFrom('app_user').selectAll().where('organisation_id', '=', ctx.principal.organisationId).orderBy('display_name').execute();
  await ctx.audit({ action: 'user.list', entityType: 'user', entityId: null, details: { count: rows.length } });
  return rows.map(presentUser);
}

export async function getUser(ctx: Ctx, id: string) {
  const user = await loadUser(ctx, id);
  await ctx.audit({ action: 'user.read', entityType: 'user', entityId: id, personId: id });
  return presentUser(user);
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  municipalityCode: string | null;
}

export async function createUser(ctx: Ctx, input: UserCreateInput, password?: string) {
  await checkMunicipality(ctx, input.role, input.municipalityCode);
  const organisationId = ctx.principal.organisationId;
  if (!organisationId) throw new AppError('validation', 'Ingen organisation.');
  const taken = await ctx.trx.selectFrom('app_user').select('id').where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase())).executeTakeFirst();
  if (taken) throw new AppError('conflict', `Användarnamnet ${input.username} är upptaget.`, 'username');
  const initialPassword = password ?? generateInitialPassword();
  const user = await ctx.trx
    .insertInto('app_user')
    .values({
      organisation_id: organisationId,
      username: input.username,
      display_name: input.displayName,
      email: input.email,
      role: input.role,
      municipality_code: input.municipalityCode,
      password_hash: await hashPassword(initialPassword),
      must_change_password: password === undefined,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'user.created', entityType: 'user', entityId: user.id, personId: user.id, details: { role: input.role, municipalityCode: input.municipalityCode } });
  return { user: presentUser(user), initialPassword };
}

export interface UserUpdateInput {
  displayName: string;
  email: string | null;
  role: Role;
  municipalityCode: string | null;
  isActive: boolean;
  version: number;
}

export async function updateUser(ctx: Ctx, id: string, input: UserUpdateInput) {
  const user = await loadUser(ctx, id);
  if (user.version !== input.version) throw new AppError('stale', 'Någon annan har ändrat användaren. Sidan visar nu den senaste versionen.');
  await checkMunicipality(ctx, input.role, input.municipalityCode);
  if (ctx.principal.kind === 'user' && ctx.principal.userId === id && (input.role !== user.role || !input.isActive)) {
    throw new AppError('validation', 'Du kan inte ändra din egen roll eller inaktivera dig själv.', 'role');
  }
  const updated = await ctx.trx
    .updateTable('app_user')
    .set({ display_name: input.displayName, email: input.email, role: input.role, municipality_code: input.municipalityCode, is_active: input.isActive, version: user.version + 1, updated_at: ctx.now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const roleChanged = user.role !== input.role || user.municipality_code !== input.municipalityCode;
  if (roleChanged || !input.isActive) await endAllSessionsOfUser(ctx.trx, id, ctx.now);
  await ctx.audit({
    action: roleChanged ? 'user.role_changed' : !input.isActive && user.is_active ? 'user.deactivated' : 'user.updated',
    entityType: 'user',
    entityId: id,
    personId: id,
    details: { fromRole: user.role, toRole: input.role, municipalityCode: input.municipalityCode, isActive: input.isActive },
  });
  return presentUser(updated);
}

export async function unlockUser(ctx: Ctx, id: string) {
  await loadUser(ctx, id);
  const updated = await ctx.trx.updateTable('app_user').set({ locked_at: null, failed_logins: 0, updated_at: ctx.now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await ctx.audit({ action: 'user.unlocked', entityType: 'user', entityId: id, personId: id });
  return presentUser(updated);
}

/** A new one-time password; the user must choose their own at the next sign-in. */
export async function resetPassword(ctx: Ctx, id: string) {
  await loadUser(ctx, id);
  const initialPassword = generateInitialPassword();
  await ctx.trx
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(initialPassword), must_change_password: true, locked_at: null, failed_logins: 0, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await endAllSessionsOfUser(ctx.trx, id, ctx.now);
  await ctx.audit({ action: 'user.password_reset', entityType: 'user', entityId: id, personId: id });
  return { initialPassword };
}

/** Remove the second factor: the user enrols a new one at the next sign-in. */
export async function resetTotp(ctx: Ctx, id: string) {
  await loadUser(ctx, id);
  const updated = await ctx.trx
    .updateTable('app_user')
    .set({ totp_secret: null, totp_enrolled_at: null, totp_last_step: null, updated_at: ctx.now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await endAllSessionsOfUser(ctx.trx, id, ctx.now);
  await ctx.audit({ action: 'user.totp_reset', entityType: 'user', entityId: id, personId: id });
  return presentUser(updated);
}
