import { isRole, seesPersonalData, type Role } from '@jourbok/domain';
import { inTransaction, systemPrincipal, writeAuditEvent, type Deps, type Principal } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import type { UserRow } from '../../db/schema.ts';
import {
  generateTotpSecret,
  hashPassword,
  matchTotp,
  randomToken,
  sha256,
  totpQrSvg,
  totpUri,
  verifyPassword,
} from './crypto.ts';
import * as repo from './repository.ts';

export type Stage = 'totp' | 'enroll' | 'full';

export interface NewSession {
  token: string;
  stage: Stage;
}

/** A user may sign in unless deactivated or locked (a timed lock expires by itself). */
function lockState(user: UserRow, deps: Deps, now: Date): 'open' | 'locked' | 'expired' {
  if (!user.locked_at) return 'open';
  const minutes = deps.config.lockoutMinutes;
  if (minutes > 0 && now.getTime() - user.locked_at.getTime() >= minutes * 60_000) return 'expired';
  return 'locked';
}

function principalOf(user: UserRow): Principal {
  if (!isRole(user.role)) throw new Error('Unknown role in database');
  return {
    kind: 'user',
    userId: user.id,
    organisationId: user.organisation_id,
    role: user.role,
    municipalityCode: user.municipality_code,
    displayName: user.display_name,
  };
}

export function firstStageFor(role: Role, hasTotp: boolean): Stage {
  if (!seesPersonalData(role)) return 'full';
  return hasTotp ? 'totp' : 'enroll';
}

async function createSession(deps: Deps, trx: Parameters<typeof repo.insertSession>[0], user: UserRow, stage: Stage, now: Date): Promise<NewSession> {
  const token = randomToken();
  await repo.insertSession(trx, {
    tokenHash: sha256(token),
    userId: user.id,
    organisationId: user.organisation_id,
    stage,
    csrfToken: randomToken(),
    now,
    expiresAt: new Date(now.getTime() + deps.config.sessionMaxHours * 3_600_000),
  });
  return { token, stage };
}

/**
 * First step: username and password. Throttled per client address; ten wrong
 * passwords lock the account. Failures are committed before the error is thrown.
 */
export async function login(deps: Deps, input: { username: string; password: string; clientKey: string; requestId: string | null; previousToken: string | null }): Promise<NewSession> {
  const outcome = await inTransaction(deps, systemPrincipal(null, 'inloggning'), input.requestId, async (ctx) => {
    const { trx, now } = ctx;
    const since = new Date(now.getTime() - 15 * 60_000);
    if ((await repo.countRecentFailures(trx, input.clientKey, since)) >= deps.config.throttleAttempts) {
      return { error: new AppError('throttled', 'För många misslyckade inloggningar från din dator. Vänta en stund och försök igen.') };
    }
    const user = await repo.findUserByUsername(trx, input.username);
    const passwordOk = await verifyPassword(user?.is_active ? user.password_hash : null, input.password);
    const audit = (u: UserRow, action: 'auth.login_failed' | 'auth.account_locked' | 'auth.login_succeeded', details = {}) =>
      writeAuditEvent(trx, principalOf(u), input.requestId, now, { action, entityType: 'user', entityId: u.id, details });

    if (!user || !user.is_active) {
      await repo.recordAttempt(trx, input.clientKey, input.username, false, now);
      return { error: new AppError('invalid_credentials', 'Fel användarnamn eller lösenord.') };
    }
    const lock = lockState(user, deps, now);
    if (lock === 'locked') {
      await repo.recordAttempt(trx, input.clientKey, input.username, false, now);
      await audit(user, 'auth.login_failed', { reason: 'locked' });
      return { error: new AppError('account_locked', 'Kontot är låst efter för många felaktiga inloggningar. Kontakta enhetschef eller administratör.') };
    }
    if (lock === 'expired') {
      await trx.updateTable('app_user').set({ locked_at: null, failed_logins: 0 }).where('id', '=', user.id).execute();
      user.failed_logins = 0;
    }
    if (!passwordOk) {
      await repo.recordAttempt(trx, input.clientKey, input.username, false, now);
      const failed = user.failed_logins + 1;
      const locks = failed >= deps.config.lockoutAttempts;
      await trx
        .updateTable('app_user')
        .set({ failed_logins: failed, ...(locks ? { locked_at: now } : {}) })
        .where('id', '=', user.id)
        .execute();
      await audit(user, 'auth.login_failed', { reason: 'password', failedLogins: failed });
      if (locks) {
        await audit(user, 'auth.account_locked', { failedLogins: failed });
        return { error: new AppError('account_locked', 'Kontot är låst efter för många felaktiga inloggningar. Kontakta enhetschef eller administratör.') };
      }
      return { error: new AppError('invalid_credentials', 'Fel användarnamn eller lösenord.') };
    }
    await repo.recordAttempt(trx, input.clientKey, input.username, true, now);
    if (input.previousToken) await repo.endSession(trx, sha256(input.previousToken), now);
    const role = principalOf(user).kind === 'user' ? (user.role as Role) : 'admin';
    const stage = firstStageFor(role, user.totp_secret !== null);
    if (stage === 'full') {
      await trx.updateTable('app_user').set({ failed_logins: 0, last_login_at: now }).where('id', '=', user.id).execute();
      await audit(user, 'auth.login_succeeded', { method: 'password' });
    }
    return { session: await createSession(deps, trx, user, stage, now) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.session;
}

/** Second step: the TOTP code. A wrong code counts towards the lockout like a wrong password. */
export async function verifySecondFactor(deps: Deps, token: string, code: string, requestId: string | null): Promise<NewSession> {
  const outcome = await inTransaction(deps, systemPrincipal(null, 'inloggning'), requestId, async (ctx) => {
    const { trx, now } = ctx;
    const session = await repo.findSession(trx, sha256(token));
    if (!session || session.stage !== 'totp' || !session.user.totp_secret) {
      return { error: new AppError('unauthenticated', 'Logga in med användarnamn och lösenord först.') };
    }
    const user = session.user;
    const principal = principalOf(user);
    const step = matchTotp(user.totp_secret!, code, now);
    const replay = step !== null && user.totp_last_step !== null && step <= user.totp_last_step;
    if (step === null || replay) {
      const failed = user.failed_logins + 1;
      const locks = failed >= deps.config.lockoutAttempts;
      await trx.updateTable('app_user').set({ failed_logins: failed, ...(locks ? { locked_at: now } : {}) }).where('id', '=', user.id).execute();
      await writeAuditEvent(trx, principal, requestId, now, { action: 'auth.totp_failed', entityType: 'user', entityId: user.id, details: { replay } });
      if (locks) {
        await repo.endSession(trx, session.tokenHash, now);
        await writeAuditEvent(trx, principal, requestId, now, { action: 'auth.account_locked', entityType: 'user', entityId: user.id, details: { failedLogins: failed } });
        return { error: new AppError('account_locked', 'Kontot är låst efter för många felaktiga inloggningar. Kontakta enhetschef eller administratör.') };
      }
      return { error: new AppError('invalid_credentials', 'Fel kod. Kontrollera tiden i din app och försök igen.', 'code') };
    }
    await trx.updateTable('app_user').set({ failed_logins: 0, last_login_at: now, totp_last_step: step }).where('id', '=', user.id).execute();
    // A new token when the session gains its rights: a token seen before sign-in is worthless after.
    await repo.endSession(trx, session.tokenHash, now);
    await writeAuditEvent(trx, principal, requestId, now, { action: 'auth.login_succeeded', entityType: 'user', entityId: user.id, details: { method: 'password+totp' } });
    return { session: await createSession(deps, trx, user, 'full', now) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.session;
}

/** Enrolment of the second factor for a user who has none: show the secret once. */
export async function startTotpEnrollment(deps: Deps, token: string, requestId: string | null) {
  return inTransaction(deps, systemPrincipal(null, 'inloggning'), requestId, async ({ trx }) => {
    const session = await repo.findSession(trx, sha256(token));
    if (!session || session.stage !== 'enroll') throw new AppError('unauthenticated', 'Logga in med användarnamn och lösenord först.');
    let secret = session.pendingTotpSecret;
    if (!secret) {
      secret = generateTotpSecret();
      await repo.setPendingTotpSecret(trx, session.tokenHash, secret);
    }
    const uri = totpUri(secret, session.user.username);
    return { secret, uri, qrSvg: await totpQrSvg(uri) };
  });
}

export async function completeTotpEnrollment(deps: Deps, token: string, code: string, requestId: string | null): Promise<NewSession> {
  return inTransaction(deps, systemPrincipal(null, 'inloggning'), requestId, async ({ trx, now }) => {
    const session = await repo.findSession(trx, sha256(token));
    if (!session || session.stage !== 'enroll' || !session.pendingTotpSecret) {
      throw new AppError('unauthenticated', 'Logga in med användarnamn och lösenord först.');
    }
    const step = matchTotp(session.pendingTotpSecret, code, now);
    if (step === null) throw new AppError('validation', 'Fel kod. Skanna QR-koden igen och ange koden som visas i appen.', 'code');
    const user = session.user;
    const principal = principalOf(user);
    await trx
      .updateTable('app_user')
      .set({ totp_secret: session.pendingTotpSecret, totp_enrolled_at: now, totp_last_step: step, failed_logins: 0, last_login_at: now })
      .where('id', '=', user.id)
      .execute();
    await repo.endSession(trx, session.tokenHash, now);
    await writeAuditEvent(trx, principal, requestId, now, { action: 'auth.totp_enrolled', entityType: 'user', entityId: user.id });
    await writeAuditEvent(trx, principal, requestId, now, { action: 'auth.login_succeeded', entityType: 'user', entityId: user.id, details: { method: 'password+totp_enrolment' } });
    return createSession(deps, trx, user, 'full', now);
  });
}

export async function logout(deps: Deps, token: string, requestId: string | null): Promise<void> {
  await inTransaction(deps, systemPrincipal(null, 'inloggning'), requestId, async ({ trx, now }) => {
    const session = await repo.findSession(trx, sha256(token));
    if (!session) return;
    await repo.endSession(trx, session.tokenHash, now);
    await writeAuditEvent(trx, principalOf(session.user), requestId, now, { action: 'auth.logout', entityType: 'user', entityId: session.user.id });
  });
}

export async function changePassword(deps: Deps, token: string, current: string, next: string, requestId: string | null): Promise<void> {
  await inTransaction(deps, systemPrincipal(null, 'inloggning'), requestId, async ({ trx, now }) => {
    const session = await repo.findSession(trx, sha256(token));
    if (!session || session.stage !== 'full') throw new AppError('unauthenticated', 'Du är inte inloggad.');
    if (!(await verifyPassword(session.user.password_hash, current))) {
      throw new AppError('validation', 'Nuvarande lösenord stämmer inte.', 'currentPassword');
    }
    if (next.toLowerCase().includes(session.user.username.toLowerCase())) {
      throw new AppError('validation', 'Lösenordet får inte innehålla användarnamnet.', 'newPassword');
    }
    await trx
      .updateTable('app_user')
      .set({ password_hash: await hashPassword(next), must_change_password: false, updated_at: now })
      .where('id', '=', session.user.id)
      .execute();
    // Whoever else knew the old password is signed out: every other session of the user ends.
    await trx.updateTable('app_session').set({ ended_at: now }).where('user_id', '=', session.user.id).where('ended_at', 'is', null).where('token_hash', '!=', session.tokenHash).execute();
    await writeAuditEvent(trx, principalOf(session.user), requestId, now, { action: 'auth.password_changed', entityType: 'user', entityId: session.user.id });
  });
}

export interface ResolvedSession {
  tokenHash: string;
  stage: Stage;
  csrfToken: string;
  principal: Extract<Principal, { kind: 'user' }>;
  user: UserRow;
}

/**
 * Look up the session behind a cookie token: ended, expired, idle too long, or
 * belonging to a deactivated or locked user means no session. Write the
 * heartbeat at most every 30 seconds, and not for background requests.
 */
export async function resolveSession(deps: Deps, token: string, options: { touch?: boolean } = {}): Promise<ResolvedSession | null> {
  const tokenHash = sha256(token);
  const now = deps.clock.now();
  const session = await deps.database.db.transaction().execute(async (trx) => {
    const found = await repo.findSession(trx, tokenHash);
    if (!found) return null;
    const idleMs = deps.config.sessionIdleMinutes * 60_000;
    const expired = found.expiresAt <= now || now.getTime() - found.lastSeenAt.getTime() > idleMs;
    const userBlocked = !found.user.is_active || (found.user.locked_at !== null && lockState(found.user, deps, now) === 'locked');
    if (expired || userBlocked) {
      await repo.endSession(trx, tokenHash, now);
      return null;
    }
    // Write the heartbeat at most every 30 seconds.
    // Background requests (status polling) do not count as activity.
    if (options.touch !== false && now.getTime() - found.lastSeenAt.getTime() > 30_000) await repo.touchSession(trx, tokenHash, now);
    return found;
  });
  if (!session) return null;
  const principal = principalOf(session.user);
  if (principal.kind !== 'user') return null;
  return { tokenHash, stage: session.stage, csrfToken: session.csrfToken, principal, user: session.user };
}

/** Create a full session for a user who signed in elsewhere (OpenID Connect). */
export async function createSessionForUser(deps: Deps, trx: Parameters<typeof repo.insertSession>[0], user: UserRow, now: Date): Promise<NewSession> {
  return createSession(deps, trx, user, 'full', now);
}
