import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Trx } from '../../app/context.ts';
import type { IdentityProviderTable, UserRow } from '../../db/schema.ts';

export type ProviderRow = Selectable<IdentityProviderTable>;

export interface ProviderValues {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  roleClaim: string;
  municipalityClaim: string;
  roleMap: Record<string, string>;
  defaultMunicipalityCode: string | null;
  isActive: boolean;
}

function columnsOf(v: ProviderValues) {
  return {
    name: v.name,
    issuer: v.issuer,
    client_id: v.clientId,
    client_secret: v.clientSecret,
    scopes: v.scopes,
    role_claim: v.roleClaim,
    municipality_claim: v.municipalityClaim,
    role_map: JSON.stringify(v.roleMap),
    default_municipality_code: v.defaultMunicipalityCode,
    is_active: v.isActive,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listProviders(trx: Trx, organisationId: string): Promise<ProviderRow[]> {
  return trx.selectFrom('identity_provider').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
}

/** Any provider by id (sign-in does not know the organisation yet); a malformed id finds nothing. */
export async function findProvider(trx: Trx, id: string, organisationId?: string): Promise<ProviderRow | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  let query = trx.selectFrom('identity_provider').selectAll().where('id', '=', id);
  if (organisationId) query = query.where('organisation_id', '=', organisationId);
  return query.executeTakeFirst();
}

export async function insertProvider(trx: Trx, organisationId: string, values: ProviderValues, now: Date): Promise<ProviderRow> {
  return trx
    .insertInto('identity_provider')
    .values({ organisation_id: organisationId, ...columnsOf(values), created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Update if still at `version`; undefined when someone else changed it first. */
export async function updateProvider(trx: Trx, id: string, version: number, values: ProviderValues): Promise<ProviderRow | undefined> {
  return trx
    .updateTable('identity_provider')
    .set({ ...columnsOf(values), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function isMemberMunicipality(trx: Trx, organisationId: string, code: string): Promise<boolean> {
  const row = await trx
    .selectFrom('municipality')
    .select('code')
    .where('organisation_id', '=', organisationId)
    .where('code', '=', code)
    .where('is_member', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

// Pending sign-ins: state, nonce and PKCE verifier between the redirect to the provider and its return.

export async function insertPendingLogin(trx: Trx, values: { state: string; providerId: string; nonce: string; codeVerifier: string; now: Date }) {
  await trx
    .insertInto('oidc_login')
    .values({ state: values.state, provider_id: values.providerId, nonce: values.nonce, code_verifier: values.codeVerifier, created_at: values.now })
    .execute();
}

/** Remove and return the pending sign-in: a state can be used once, even by two requests at the same time. */
export async function takePendingLogin(trx: Trx, state: string) {
  return trx.deleteFrom('oidc_login').where('state', '=', state).returningAll().executeTakeFirst();
}

export async function deletePendingLoginsBefore(trx: Trx, before: Date) {
  await trx.deleteFrom('oidc_login').where('created_at', '<', before).execute();
}

// Users signed in through a provider.

export async function findUserBySubject(trx: Trx, issuer: string, subject: string): Promise<UserRow | undefined> {
  return trx.selectFrom('app_user').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
}

export async function isUsernameTaken(trx: Trx, username: string): Promise<boolean> {
  const row = await trx.selectFrom('app_user').select('id').where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

export interface SsoUserValues {
  displayName: string;
  email: string | null;
  role: string;
  municipalityCode: string | null;
}

export async function insertSsoUser(
  trx: Trx,
  values: SsoUserValues & { organisationId: string; username: string; issuer: string; subject: string; now: Date },
): Promise<UserRow> {
  return trx
    .insertInto('app_user')
    .values({
      organisation_id: values.organisationId,
      username: values.username,
      display_name: values.displayName,
      email: values.email,
      role: values.role,
      municipality_code: values.municipalityCode,
      password_hash: null,
      totp_secret: null,
      totp_enrolled_at: null,
      totp_last_step: null,
      locked_at: null,
      oidc_issuer: values.issuer,
      oidc_subject: values.subject,
      last_login_at: values.now,
      created_at: values.now,
      updated_at: values.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateSsoUser(trx: Trx, user: UserRow, values: SsoUserValues, now: Date): Promise<UserRow> {
  const changed =
    user.display_name !== values.displayName || user.email !== values.email || user.role !== values.role || user.municipality_code !== values.municipalityCode;
  return trx
    .updateTable('app_user')
    .set({
      display_name: values.displayName,
      email: values.email,
      role: values.role,
      municipality_code: values.municipalityCode,
      last_login_at: now,
      ...(changed ? { version: user.version + 1, updated_at: now } : {}),
    })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
