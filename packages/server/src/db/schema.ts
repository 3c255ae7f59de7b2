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


export interface PersonTable {
  id: Generated<string>;
  organisation_id: string;
  identity_kind: 'personnummer' | 'samordningsnummer' | 'reservnummer' | 'unknown';
  identity_number: string | null;
  reserve_issuer: string | null;
  first_name: Generated<string>;
  last_name: Generated<string>;
  search_name: Generated<string>;
  birth_date: string | null;
  birth_year_approx: number | null;
  sex: 'female' | 'male' | null;
  home_municipality_code: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  protection: Generated<'none' | 'sekretessmarkering' | 'skyddad_folkbokforing' | 'fingerade'>;
  hidden_residence: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseCounterTable {
  organisation_id: string;
  year: number;
  last_number: number;
}

export interface JourCaseTable {
  id: Generated<string>;
  organisation_id: string;
  case_number: string;
  case_type: 'arende' | 'orosanmalan';
  received_at: Timestamp;
  contact_channel: string;
  reporter_name: string | null;
  reporter_organisation: string | null;
  reporter_phone: string | null;
  reporter_is_mandated: Generated<boolean>;
  reporter_wants_secrecy: Generated<boolean>;
  municipality_code: string;
  is_member: boolean;
  category_code: string;
  youth_crime: Generated<boolean>;
  summary: string;
  concerns_child: Generated<boolean>;
  priority: number | null;
  triage_criteria: Json<string[]>;
  status: Generated<'open' | 'closed' | 'handed_over'>;
  closed_at: Date | null;
  closed_by: string | null;
  next_steps: string | null;
  shelter_requested: Generated<boolean>;
  shelter_granted: Generated<boolean>;
  external_id: string | null;
  is_imported: Generated<boolean>;
  minutes_imported: Generated<number>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CasePersonTable {
  case_id: string;
  person_id: string;
  role: 'child' | 'guardian' | 'adult' | 'reporter' | 'relative' | 'other';
  where_now: string | null;
  added_at: Timestamp;
}

export interface TriageEventTable {
  id: Generated<string>;
  case_id: string;
  priority: number;
  suggested_priority: number;
  criteria: Json<string[]>;
  matched_rule: string | null;
  override_reason: string | null;
  triaged_by: string | null;
  triaged_by_name: string;
  triaged_at: Timestamp;
}

export interface JournalEntryTable {
  id: Generated<string>;
  case_id: string;
  kind: 'note' | 'assessment' | 'action' | 'protection_assessment' | 'correction';
  action_type: string | null;
  body: string;
  corrects_entry_id: string | null;
  called_at: Date | null;
  arrived_at: Date | null;
  author_id: string | null;
  author_name: string;
  written_at: Timestamp;
}

export interface DecisionTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  type_code: string;
  legal_reference: string;
  decided_at: Timestamp;
  maker_kind: 'politician' | 'delegation';
  maker_name: string;
  maker_capacity: Generated<string>;
  communicated_via: 'phone' | 'digital_signature' | 'paper' | 'in_person';
  signed_at: Date | null;
  grounds: string;
  subject_person_id: string | null;
  granted: boolean | null;
  amount_ore: number | null;
  linked_decision_id: string | null;
  special_circumstances: string | null;
  status: Generated<'active' | 'withdrawn'>;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  notice_override_reason: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

export interface LegalDeadlineTable {
  id: Generated<string>;
  decision_id: string | null;
  case_id: string;
  organisation_id: string;
  municipality_code: string;
  kind: string;
  label: string;
  legal_reference: Generated<string>;
  nominal_date: string;
  moved_date: string;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
}

export interface TimeEntryTable {
  id: Generated<string>;
  case_id: string;
  user_id: string;
  user_name: string;
  work_date: string;
  minutes: number;
  note: string | null;
  recorded_at: Timestamp;
}

export interface DirectCostTable {
  id: Generated<string>;
  case_id: string;
  kind: 'travel' | 'accommodation' | 'food_card' | 'interpreter' | 'other';
  amount_ore: number;
  cost_date: string;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

export interface HandoverReportTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  municipality_code: string;
  created_at: Timestamp;
  created_by: string | null;
  payload: Json<Record<string, JsonValue>>;
}

export interface ShiftNoteTable {
  id: Generated<string>;
  organisation_id: string;
  body: string;
  author_id: string | null;
  author_name: string;
  written_at: Timestamp;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface ImportedDecisionTable {
  case_id: string;
  organisation_id: string;
  type_code: string;
  count: number;
}

export interface NoticeTable {
  id: Generated<string>;
  organisation_id: string;
  municipality_code: string;
  level: 'information' | 'important' | 'must_read';
  title: string;
  plan: Generated<string>;
  should_do: Generated<string>;
  should_not_do: Generated<string>;
  instructions: Json<string[]>;
  valid_from: string;
  valid_to: string;
  contact_name: string;
  contact_phone: string;
  registered_via: 'municipality' | 'jour_phone';
  phoned_in_by: string | null;
  status: Generated<'active' | 'withdrawn'>;
  withdrawn_at: Date | null;
  withdrawn_by_name: string | null;
  withdrawn_reason: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface NoticePersonTable {
  notice_id: string;
  person_id: string;
}

export interface NoticeAcknowledgementTable {
  notice_id: string;
  case_id: string;
  notice_version: number;
  acknowledged_by: string | null;
  acknowledged_by_name: string;
  acknowledged_at: Timestamp;
}

export interface NoticeReadTable {
  notice_id: string;
  user_id: string;
  user_name: string;
  first_read_at: Timestamp;
  last_read_at: Timestamp;
  read_count: Generated<number>;
}

export interface NoticeOverrideTable {
  id: Generated<string>;
  notice_id: string;
  case_id: string;
  decision_id: string | null;
  instruction: string;
  reason: string;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

export interface AssignmentTable {
  id: Generated<string>;
  organisation_id: string;
  municipality_code: string;
  title: string;
  description: Generated<string>;
  window_from: Timestamp;
  window_to: Timestamp;
  recurrence: Generated<'none' | 'daily'>;
  daily_from: string | null;
  daily_to: string | null;
  contact_name: string;
  contact_phone: string;
  registered_via: 'municipality' | 'jour_phone';
  phoned_in_by: string | null;
  status: Generated<'open' | 'done' | 'cancelled'>;
  completed_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by_name: string | null;
  cancelled_reason: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AssignmentPersonTable {
  assignment_id: string;
  person_id: string;
}

export interface AssignmentReportTable {
  id: Generated<string>;
  assignment_id: string;
  occasion_date: string;
  outcome: 'done' | 'not_possible' | 'attempt';
  body: string;
  performed_by: string;
  performed_at: Timestamp;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

export interface JobRunTable {
  organisation_id: string;
  job_name: string;
  scheduled_date: string;
  scheduled_at: Timestamp;
  started_at: Timestamp;
  finished_at: Date | null;
  runner: string;
  result: Json<Record<string, JsonValue>>;
}

export interface ReportDeliveryTable {
  id: Generated<string>;
  handover_report_id: string;
  organisation_id: string;
  municipality_code: string;
  job_name: string;
  scheduled_date: string;
  delivered_at: Timestamp;
  acknowledge_by: Timestamp;
  first_read_at: Date | null;
  first_read_by_name: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  escalated_at: Date | null;
}

export interface OutboundEmailTable {
  id: Generated<string>;
  organisation_id: string | null;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  next_attempt_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Date | null;
}

export interface OnCallPoliticianTable {
  id: Generated<string>;
  organisation_id: string;
  municipality_code: string;
  name: string;
  role: 'chair' | 'vice_chair' | 'member';
  phone: string;
  email: string | null;
  on_call_from: Timestamp;
  on_call_to: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SignatureRequestTable {
  id: Generated<string>;
  organisation_id: string;
  decision_id: string;
  politician_id: string | null;
  recipient_name: string;
  recipient_email: string;
  token_hash: string;
  code_hash: string;
  status: Generated<'pending' | 'signed' | 'cancelled' | 'locked'>;
  failed_attempts: Generated<number>;
  created_by: string | null;
  created_by_name: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  opened_at: Date | null;
  signed_at: Date | null;
}

export interface CommitteeReportTable {
  decision_id: string;
  organisation_id: string;
  municipality_code: string;
  meeting_date: string | null;
  note: string | null;
  reported_by: string | null;
  reported_by_name: string;
  reported_at: Timestamp;
}

export interface StaffMemberTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string | null;
  name: string;
  kind: 'regular' | 'substitute';
  employment_rate: number | null;
  contact_municipality_code: string | null;
  qualifications: Json<string[]>;
  phone: Generated<string>;
  weekday_until_midnight: Generated<boolean>;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface StaffDateTable {
  staff_id: string;
  organisation_id: string;
  date: string;
  kind: 'available' | 'absence' | 'wish_free' | 'wish_work';
}

export interface RosterTable {
  id: Generated<string>;
  organisation_id: string;
  start_date: string;
  weeks: number;
  status: Generated<'draft' | 'published'>;
  required_per_shift: number;
  generated_at: Timestamp;
  generated_by_name: string;
  solver_status: string;
  solver_objective: number | null;
  solver_seconds: number;
  problems: Json<JsonValue[]>;
  published_at: Timestamp | null;
  published_by_name: string | null;
  version: Generated<number>;
}

export interface RosterAssignmentTable {
  id: Generated<string>;
  roster_id: string;
  organisation_id: string;
  staff_id: string;
  date: string;
  kind: 'open' | 'standby' | 'open_until_midnight';
}

export interface StandbyCalloutTable {
  id: Generated<string>;
  organisation_id: string;
  staff_id: string;
  called_at: Timestamp;
  started_at: Timestamp;
  back_at: Timestamp;
  note: Generated<string>;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Timestamp;
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
  person: PersonTable;
  case_counter: CaseCounterTable;
  jour_case: JourCaseTable;
  case_person: CasePersonTable;
  triage_event: TriageEventTable;
  journal_entry: JournalEntryTable;
  decision: DecisionTable;
  legal_deadline: LegalDeadlineTable;
  time_entry: TimeEntryTable;
  direct_cost: DirectCostTable;
  handover_report: HandoverReportTable;
  shift_note: ShiftNoteTable;
  imported_decision: ImportedDecisionTable;
  notice: NoticeTable;
  notice_person: NoticePersonTable;
  notice_acknowledgement: NoticeAcknowledgementTable;
  notice_read: NoticeReadTable;
  notice_override: NoticeOverrideTable;
  assignment: AssignmentTable;
  assignment_person: AssignmentPersonTable;
  assignment_report: AssignmentReportTable;
  job_run: JobRunTable;
  report_delivery: ReportDeliveryTable;
  outbound_email: OutboundEmailTable;
  on_call_politician: OnCallPoliticianTable;
  signature_request: SignatureRequestTable;
  committee_report: CommitteeReportTable;
  staff_member: StaffMemberTable;
  staff_date: StaffDateTable;
  roster: RosterTable;
  roster_assignment: RosterAssignmentTable;
  standby_callout: StandbyCalloutTable;
}

export type UserRow = Selectable<AppUserTable>;
export type NewUser = Insertable<AppUserTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
