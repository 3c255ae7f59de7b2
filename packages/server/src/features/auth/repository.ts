import { sql } from 'kysely';
import type { Trx } from '../../app/context.ts';
import type { UserRow } from '../../db/schema.ts';

export async function findUserByUsername(trx: Trx, username: string): Promise<UserRow | undefined> {
  return trx.selectFrom('app_user').selectAll().where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
}

export async function findUserById(trx: Trx, id: string): Promise<UserRow | undefined> {
  return trx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countRecentFailures(trx: Trx, clientKey: string, since: Date): Promise<number> {
  const row = await trx
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('client_key', '=', clientKey)
    .where('succeeded', '=', false)
    .where('attempted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordAttempt(trx: Trx, clientKey: string, username: string, succeeded: boolean, at: Date) {
  await trx.insertInto('login_attempt').values({ client_key: clientKey, username: username.slice(0, 200), succeeded, attempted_at: at }).execute();
}

export interface SessionWithUser {
  tokenHash: string;
  stage: 'totp' | 'enroll' | 'full';
  csrfToken: string;
  pendingTotpSecret: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
  user: UserRow;
}

export async function findSession(trx: Trx, tokenHash: string): Promise<SessionWithUser | undefined> {
  const session = await trx.selectFrom('app_session').selectAll().where('token_hash', '=', tokenHash).where('ended_at', 'is', null).executeTakeFirst();
  if (!session) return undefined;
  const user = await findUserById(trx, session.user_id);
  if (!user) return undefined;
  return {
    tokenHash: session.token_hash,
    stage: session.stage,
    csrfToken: session.csrf_token,
    pendingTotpSecret: session.pending_totp_secret,
    lastSeenAt: session.last_seen_at,
    expiresAt: session.expires_at,
    user,
  };
}

export async function insertSession(
  trx: Trx,
  values: { tokenHash: string; userId: string; organisationId: string; stage: 'totp' | 'enroll' | 'full'; csrfToken: string; now: Date; expiresAt: Date },
) {
  await trx
    .insertInto('app_session')
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      organisation_id: values.organisationId,
      stage: values.stage,
      csrf_token: values.csrfToken,
      created_at: values.now,
      last_seen_at: values.now,
      expires_at: values.expiresAt,
    })
    .execute();
}

export async function endSession(trx: Trx, tokenHash: string, at: Date) {
  await trx.updateTable('app_session').set({ ended_at: at }).where('token_hash', '=', tokenHash).where('ended_at', 'is', null).execute();
}

export async function endAllSessionsOfUser(trx: Trx, userId: string, at: Date) {
  await trx.updateTable('app_session').set({ ended_at: at }).where('user_id', '=', userId).where('ended_at', 'is', null).execute();
}

export async function touchSession(trx: Trx, tokenHash: string, at: Date) {
  await trx.updateTable('app_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function setPendingTotpSecret(trx: Trx, tokenHash: string, secret: string) {
  await trx.updateTable('app_session').set({ pending_totp_secret: secret }).where('token_hash', '=', tokenHash).execute();
}
