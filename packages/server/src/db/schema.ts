import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { JsonValue } from '@jourbok/domain';

/** Kysely's view of the tables. Dates (`date` columns) are read as 'YYYY-MM-DD' strings. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = JsonValue> = ColumnType<T, string, string>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  short_name: string;
  preset: string | null;
  time_zone: Generated<string>;
  phone: Generated<string>;
  staff_per_shift: Generated<number>;
  calendar: Json<unknown>;
  settings: Json<Record<string, JsonValue>>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MunicipalityTable {
  organisation_id: string;
  code: string;
  name: string;
  is_host: Generated<boolean>;
  is_member: Generated<boolean>;
  functional_mailbox: string | null;
  sort_name: Generated<string>;
  version: Generated<number>;
}

export interface PopulationTable {
  organisation_id: string;
  municipality_code: string;
  year: number;
  population: number;
}

export interface CategoryTable {
  organisation_id: string;
  code: string;
  name: string;
  sort_order: number;
  is_prioritised: Generated<boolean>;
  is_active: Generated<boolean>;
  version: Generated<number>;
}

export interface DecisionTypeTable {
  organisation_id: string;
  code: string;
  name: string;
  decided_by: 'politician' | 'delegation';
  subject_max_age_exclusive: number | null;
  is_grantable: Generated<boolean>;
  sort_order: number;
  is_active: Generated<boolean>;
  version: Generated<number>;
}

export interface DecisionTypeLegalBasisTable {
  organisation_id: string;
  decision_type_code: string;
  reference: string;
  valid_from: string;
  valid_to: string | null;
}

export interface AppUserTable {
  id: Generated<string>;
  organisation_id: string;
  username: string;
  display_name: string;
  email: string | null;
  role: string;
  municipality_code: string | null;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  totp_secret: string | null;
  totp_enrolled_at: Date | null;
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_at: Date | null;
  is_active: Generated<boolean>;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  last_login_at: Date | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppSessionTable {
  token_hash: string;
  user_id: string;
  organisation_id: string;
  stage: 'totp' | 'enroll' | 'full';
  csrf_token: string;
  pending_totp_secret: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Date | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  client_key: string;
  username: string;
  succeeded: boolean;
  attempted_at: Timestamp;
}

export interface IdentityProviderTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  scopes: Generated<string>;
  role_claim: Generated<string>;
  municipality_claim: Generated<string>;
  role_map: Json<Record<string, string>>;
  default_municipality_code: string | null;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface OidcLoginTable {
  state: string;
  provider_id: string;
  nonce: string;
  code_verifier: string;
  created_at: Timestamp;
}

export interface SystemSettingTable {
  key: string;
  value: string;
}

export interface AuditEventTable {
  seq: Generated<number>;
  id: Generated<string>;
  organisation_id: string | null;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  kind: string;
  entity_type: string;
  entity_id: string | null;
  person_id: string | null;
  municipality_code: string | null;
  purpose: string | null;
  details: Json<Record<string, JsonValue>>;
  request_id: string | null;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface DB {
  organisation: OrganisationTable;
  municipality: MunicipalityTable;
  population: PopulationTable;
  category: CategoryTable;
  decision_type: DecisionTypeTable;
  decision_type_legal_basis: DecisionTypeLegalBasisTable;
  app_user: AppUserTable;
  app_session: AppSessionTable;
  login_attempt: LoginAttemptTable;
  identity_provider: IdentityProviderTable;
  oidc_login: OidcLoginTable;
  system_setting: SystemSettingTable;
  audit_event: AuditEventTable;
  schema_migration: SchemaMigrationTable;
}

export type UserRow = Selectable<AppUserTable>;
export type NewUser = Insertable<AppUserTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
