import type { IdentityProviderInput, IdentityProviderUpdate } from '@jourbok/contracts';
import { isRole } from '@jourbok/domain';
import { inTransaction, systemPrincipal, writeAuditEvent, type Ctx, type Deps, type Principal } from '../../app/context.ts';
import type { UserRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { safeEqual } from '../auth/crypto.ts';
import { endAllSessionsOfUser } from '../auth/repository.ts';
import { createSessionForUser } from '../auth/service.ts';
import { mapClaims, ssoUsername, type MappedIdentity } from './claims.ts';
import * as oidc from './oidc.ts';
import { SignInRefused } from './oidc.ts';
import * as repo from './repository.ts';

// ---------------------------------------------------------------------------
// Administration: the member municipalities' identity providers.

function organisationIdOf(ctx: Ctx): string {
  const id = ctx.principal.organisationId;
  if (!id) throw new AppError('not_found', 'Ingen organisation är vald.');
  return id;
}

export function presentProvider(row: repo.ProviderRow, redirectUri: string) {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    scopes: row.scopes,
    roleClaim: row.role_claim,
    municipalityClaim: row.municipality_claim,
    roleMap: row.role_map,
    defaultMunicipalityCode: row.default_municipality_code,
    isActive: row.is_active,
    version: row.version,
    redirectUri,
  };
}

export async function listIdentityProviders(ctx: Ctx, redirectUri: string) {
  const rows = await repo.listProviders(ctx.trx, organisationIdOf(ctx));
  return rows.map((row) => presentProvider(row, redirectUri));
}

async function checkInput(ctx: Ctx, organisationId: string, input: IdentityProviderInput) {
  if (!oidc.isAllowedIssuer(input.issuer)) {
    throw new AppError('validation', 'Utfärdarens adress måste börja med https:// (http:// går bara mot den egna datorn, vid test).', 'issuer');
  }
  if (!input.scopes.split(/\s+/).includes('openid')) throw new AppError('validation', 'Scopes måste innehålla openid.', 'scopes');
  for (const [value, role] of Object.entries(input.roleMap)) {
    if (!isRole(role)) throw new AppError('validation', `Värdet ”${value}” pekar på ”${role}”, som inte är en roll i Jourbok.`, 'roleMap');
  }
  const code = input.defaultMunicipalityCode;
  if (code && !(await repo.isMemberMunicipality(ctx.trx, organisationId, code))) {
    throw new AppError('validation', `Kommunen ${code} är inte medlem i jouren.`, 'defaultMunicipalityCode');
  }
}

function valuesOf(input: IdentityProviderInput, clientSecret: string): repo.ProviderValues {
  return {
    name: input.name,
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret,
    scopes: input.scopes,
    roleClaim: input.roleClaim,
    municipalityClaim: input.municipalityClaim,
    roleMap: input.roleMap,
    defaultMunicipalityCode: input.defaultMunicipalityCode,
    isActive: input.isActive,
  };
}

function valuesOfRow(row: repo.ProviderRow): repo.ProviderValues {
  return {
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    scopes: row.scopes,
    roleClaim: row.role_claim,
    municipalityClaim: row.municipality_claim,
    roleMap: row.role_map,
    defaultMunicipalityCode: row.default_municipality_code,
    isActive: row.is_active,
  };
}

/** Names of the fields that differ (key order of the role map does not count). The audit log gets names, never values. */
function changedFields(before: repo.ProviderValues | null, after: repo.ProviderValues): string[] {
  const canonical = (v: unknown) => JSON.stringify(v !== null && typeof v === 'object' ? Object.entries(v).sort() : v);
  return (Object.keys(after) as (keyof repo.ProviderValues)[]).filter((k) => !before || canonical(before[k]) !== canonical(after[k]));
}

function staleError(): AppError {
  return new AppError('stale', 'Någon annan har ändrat identitetsleverantören medan du arbetade. Sidan visar nu den senaste versionen; gör din ändring igen.');
}

export async function createIdentityProvider(ctx: Ctx, input: IdentityProviderInput, redirectUri: string) {
  const organisationId = organisationIdOf(ctx);
  await checkInput(ctx, organisationId, input);
  if (!input.clientSecret) throw new AppError('validation', 'Ange klienthemligheten från identitetsleverantören.', 'clientSecret');
  const values = valuesOf(input, input.clientSecret);
  const row = await repo.insertProvider(ctx.trx, organisationId, values, ctx.now);
  await ctx.audit({ action: 'identity_provider.created', entityType: 'identity_provider', entityId: row.id, details: { fields: changedFields(null, values) } });
  return presentProvider(row, redirectUri);
}

/** Change a provider; an empty client secret keeps the stored one. */
export async function updateIdentityProvider(ctx: Ctx, id: string, input: IdentityProviderUpdate, redirectUri: string) {
  const organisationId = organisationIdOf(ctx);
  const before = await repo.findProvider(ctx.trx, id, organisationId);
  if (!before) throw notFound('Identitetsleverantören');
  if (before.version !== input.version) throw staleError();
  await checkInput(ctx, organisationId, input);
  const values = valuesOf(input, input.clientSecret || before.client_secret);
  const after = await repo.updateProvider(ctx.trx, id, input.version, values);
  if (!after) throw staleError();
  await ctx.audit({ action: 'identity_provider.updated', entityType: 'identity_provider', entityId: id, details: { fields: changedFields(valuesOfRow(before), values) } });
  return presentProvider(after, redirectUri);
}

// ---------------------------------------------------------------------------
// Sign-in through a provider (OpenID Connect, authorization code flow with PKCE).
//
// The user is found by (issuer, subject), or created at the first sign-in with
// the role and municipality the provider's claims map to; later sign-ins bring
// role, municipality, name and e-mail up to date. Such a user has no password
// and no second factor in Jourbok: the municipality's provider is responsible
// for how strongly its staff sign in (multi-factor included), and a session
// created here is a full session. An administrator can still deactivate the
// user in Jourbok, which refuses the next sign-in.
//
// Every refusal is written to the audit log as 'auth.oidc_login_failed' with
// a reason code (never tokens) whenever the provider is known.

/** A pending sign-in (state, nonce, PKCE verifier) is good for this long. */
const PENDING_LOGIN_MS = 10 * 60_000;

function signInPrincipal(provider?: repo.ProviderRow): Principal {
  return systemPrincipal(provider?.organisation_id ?? null, provider ? `inloggning via ${provider.name}` : 'inloggning');
}

function endpointOf(provider: repo.ProviderRow): oidc.ProviderEndpoint {
  return { id: provider.id, version: provider.version, issuer: provider.issuer, clientId: provider.client_id, clientSecret: provider.client_secret };
}

function principalOf(user: UserRow): Principal {
  if (!isRole(user.role)) throw new Error('Unknown role in database');
  return { kind: 'user', userId: user.id, organisationId: user.organisation_id, role: user.role, municipalityCode: user.municipality_code, displayName: user.display_name };
}

function isLocked(user: UserRow, deps: Deps, now: Date): boolean {
  if (!user.locked_at) return false;
  const minutes = deps.config.lockoutMinutes;
  return minutes === 0 || now.getTime() - user.locked_at.getTime() < minutes * 60_000;
}

export interface StartedSignIn {
  authorizationUrl: string;
  /** bound to the browser by the route (a cookie), checked on return */
  state: string;
}

/** Begin a sign-in: remember state, nonce and verifier in the database, and send the browser to the provider. */
export async function startSignIn(deps: Deps, providerId: string, requestId: string): Promise<StartedSignIn | null> {
  const provider = await inTransaction(deps, signInPrincipal(), requestId, ({ trx }) => repo.findProvider(trx, providerId));
  if (!provider) return null;
  try {
    if (!provider.is_active) throw new SignInRefused('provider_inactive');
    const config = await oidc.configurationOf(endpointOf(provider));
    const request = await oidc.buildAuthorizationRequest(config, oidc.callbackUrl(deps.config.publicUrl), provider.scopes);
    await inTransaction(deps, signInPrincipal(provider), requestId, async ({ trx, now }) => {
      await repo.deletePendingLoginsBefore(trx, new Date(now.getTime() - PENDING_LOGIN_MS));
      await repo.insertPendingLogin(trx, { state: request.state, providerId: provider.id, nonce: request.nonce, codeVerifier: request.codeVerifier, now });
    });
    return { authorizationUrl: request.url, state: request.state };
  } catch (error) {
    await recordFailure(deps, provider, requestId, error);
    return null;
  }
}

/**
 * The provider's redirect back. `query` is the callback's raw query string,
 * `browserState` the state the browser was given at the start (its cookie).
 * Returns the new session token, or null when the sign-in was refused.
 */
export async function finishSignIn(deps: Deps, input: { query: string; browserState: string | null; requestId: string }): Promise<string | null> {
  let provider: repo.ProviderRow | undefined;
  try {
    const state = new URLSearchParams(input.query).get('state');
    if (!state) throw new SignInRefused('no_state');
    // Take the pending sign-in out at once, in its own transaction: whatever follows, it cannot be used again.
    const pending = await inTransaction(deps, signInPrincipal(), input.requestId, async ({ trx, now }) => {
      const cutoff = new Date(now.getTime() - PENDING_LOGIN_MS);
      const login = await repo.takePendingLogin(trx, state);
      await repo.deletePendingLoginsBefore(trx, cutoff);
      const found = login ? await repo.findProvider(trx, login.provider_id) : undefined;
      return login && found ? { login, provider: found, isExpired: login.created_at < cutoff } : null;
    });
    if (!pending) throw new SignInRefused('unknown_state');
    provider = pending.provider;
    const p = provider;
    // A callback URL taken from one browser and opened in another is refused (login CSRF).
    if (!input.browserState || !safeEqual(input.browserState, state)) throw new SignInRefused('browser_mismatch');
    if (pending.isExpired) throw new SignInRefused('expired');
    if (!p.is_active) throw new SignInRefused('provider_inactive');

    const config = await oidc.configurationOf(endpointOf(p));
    const currentUrl = new URL(oidc.callbackUrl(deps.config.publicUrl));
    currentUrl.search = input.query;
    const { login } = pending;
    const claims = await oidc.exchangeCode(config, currentUrl, { state, nonce: login.nonce, codeVerifier: login.code_verifier }, [p.role_claim, p.municipality_claim]);
    const mapped = mapClaims(claims, { roleClaim: p.role_claim, municipalityClaim: p.municipality_claim, roleMap: p.role_map, defaultMunicipalityCode: p.default_municipality_code });
    if (!mapped.ok) throw new SignInRefused(mapped.reason, typeof claims.sub === 'string' ? { subject: claims.sub.slice(0, 255) } : {});
    const issuer = typeof claims.iss === 'string' ? claims.iss : p.issuer;
    return await inTransaction(deps, signInPrincipal(p), input.requestId, (ctx) => signInUser(deps, ctx, p, issuer, mapped.identity));
  } catch (error) {
    await recordFailure(deps, provider, input.requestId, error);
    return null;
  }
}

async function signInUser(deps: Deps, ctx: Ctx, provider: repo.ProviderRow, issuer: string, identity: MappedIdentity): Promise<string> {
  const { trx, now } = ctx;
  const refused = (reason: string) => new SignInRefused(reason, { subject: identity.subject });
  if (identity.municipalityCode && !(await repo.isMemberMunicipality(trx, provider.organisation_id, identity.municipalityCode))) {
    throw refused('municipality_not_member');
  }
  const existing = await repo.findUserBySubject(trx, issuer, identity.subject);
  if (existing && existing.organisation_id !== provider.organisation_id) throw refused('other_organisation');
  if (existing && !existing.is_active) throw refused('user_inactive');
  if (existing && isLocked(existing, deps, now)) throw refused('user_locked');

  const user = existing ? await updateFromClaims(ctx, provider, existing, identity) : await createFromClaims(ctx, provider, issuer, identity, refused);
  const session = await createSessionForUser(deps, trx, user, now);
  await writeAuditEvent(trx, principalOf(user), ctx.requestId, now, {
    action: 'auth.oidc_login_succeeded',
    entityType: 'user',
    entityId: user.id,
    details: { providerId: provider.id },
  });
  return session.token;
}

/** Just-in-time provisioning: the first sign-in creates the user, without password or second factor. */
async function createFromClaims(ctx: Ctx, provider: repo.ProviderRow, issuer: string, identity: MappedIdentity, refused: (reason: string) => Error) {
  const username = ssoUsername(identity.subject, issuer);
  if (await repo.isUsernameTaken(ctx.trx, username)) throw refused('username_taken');
  const user = await repo.insertSsoUser(ctx.trx, {
    organisationId: provider.organisation_id,
    username,
    issuer,
    subject: identity.subject,
    displayName: identity.displayName ?? username,
    email: identity.email,
    role: identity.role,
    municipalityCode: identity.municipalityCode,
    now: ctx.now,
  });
  await ctx.audit({
    action: 'user.created',
    entityType: 'user',
    entityId: user.id,
    personId: user.id,
    municipalityCode: identity.municipalityCode,
    details: { role: identity.role, municipalityCode: identity.municipalityCode, providerId: provider.id },
  });
  return user;
}

/** The provider is the source of role and municipality: each sign-in brings them up to date. */
async function updateFromClaims(ctx: Ctx, provider: repo.ProviderRow, user: UserRow, identity: MappedIdentity) {
  const values = {
    displayName: identity.displayName ?? user.display_name,
    email: identity.email ?? user.email,
    role: identity.role,
    municipalityCode: identity.municipalityCode,
  };
  const updated = await repo.updateSsoUser(ctx.trx, user, values, ctx.now);
  const roleChanged = user.role !== values.role || user.municipality_code !== values.municipalityCode;
  const fields = [user.display_name !== values.displayName && 'displayName', user.email !== values.email && 'email'].filter((f): f is string => Boolean(f));
  if (roleChanged) {
    // Sessions opened with the old rights end; the one being created now has the new ones.
    await endAllSessionsOfUser(ctx.trx, user.id, ctx.now);
    await ctx.audit({
      action: 'user.role_changed',
      entityType: 'user',
      entityId: user.id,
      personId: user.id,
      municipalityCode: values.municipalityCode,
      details: { fromRole: user.role, toRole: values.role, fromMunicipalityCode: user.municipality_code, municipalityCode: values.municipalityCode, providerId: provider.id, fields },
    });
  } else if (fields.length > 0) {
    await ctx.audit({ action: 'user.updated', entityType: 'user', entityId: user.id, personId: user.id, details: { fields, providerId: provider.id } });
  }
  return updated;
}

async function recordFailure(deps: Deps, provider: repo.ProviderRow | undefined, requestId: string, error: unknown) {
  const refusal = error instanceof SignInRefused ? error : null;
  const reason = refusal?.reason ?? 'internal';
  if (refusal) deps.log.info({ reqId: requestId, reason, providerId: provider?.id }, 'oidc sign-in refused');
  // Error class and code only: a message could quote a token or personal data.
  else deps.log.error({ reqId: requestId, providerId: provider?.id, err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } }, 'oidc sign-in failed');
  if (!provider) return;
  try {
    await inTransaction(deps, signInPrincipal(provider), requestId, (ctx) =>
      ctx.audit({ action: 'auth.oidc_login_failed', entityType: 'identity_provider', entityId: provider.id, details: { reason, ...refusal?.details } }),
    );
  } catch (auditError) {
    deps.log.error({ reqId: requestId, err: { type: (auditError as Error)?.name } }, 'could not audit a failed oidc sign-in');
  }
}
