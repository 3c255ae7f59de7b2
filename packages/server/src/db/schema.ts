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
  /** set when retention removed the case's personal data (0010) */
  retained_at: Generated<Date | null>;
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
  /** set when the work date fell in a closed invoicing period (0007_money) */
  booked_on: Generated<string | null>;
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
  /** set when the cost date fell in a closed invoicing period (0007_money) */
  booked_on: Generated<string | null>;
}

export interface BudgetLineTable {
  organisation_id: string;
  year: number;
  line: string;
  amount_ore: number;
  updated_by_name: string;
  updated_at: Timestamp;
}

export interface OutcomeEntryTable {
  organisation_id: string;
  year: number;
  month: number;
  line: string;
  amount_ore: number;
  source: 'entered' | 'imported';
  updated_by_name: string;
  updated_at: Timestamp;
}

export interface InvoicePeriodTable {
  organisation_id: string;
  year: number;
  period: number;
  amount_ore: number | null;
  amount_set_by_name: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  closed_by_name: string | null;
  basis: Json<Record<string, JsonValue>> | null;
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

export interface QualityCounterTable {
  organisation_id: string;
  kind: string;
  year: number;
  last_number: number;
}

export interface DeviationTable {
  id: Generated<string>;
  organisation_id: string;
  number: string;
  kind: 'deviation' | 'complaint';
  category: 'handling' | 'technical' | 'collaboration' | 'placement' | 'other';
  title: string;
  description: string;
  immediate_action: Generated<string>;
  occurred_at: Timestamp;
  complaint_source: 'individual' | 'municipality' | 'partner' | 'other' | null;
  status: Generated<'registered' | 'assigned' | 'analysed' | 'closed'>;
  possible_lex_sarah: Generated<boolean>;
  lex_sarah_reason: string | null;
  lex_sarah_assessment: 'not_lex_sarah' | 'investigation' | 'reported_to_ivo' | null;
  lex_sarah_note: string | null;
  lex_sarah_assessed_at: Timestamp | null;
  lex_sarah_assessed_by_name: string | null;
  reported_by: string | null;
  reported_by_name: string;
  reported_at: Timestamp;
  assigned_to: string | null;
  assigned_to_name: string | null;
  assigned_at: Timestamp | null;
  analysis: string | null;
  action: string | null;
  action_kind: 'new_routine' | 'routine_reminder' | 'training' | 'other' | 'none' | null;
  analysed_at: Timestamp | null;
  analysed_by_name: string | null;
  closed_at: Timestamp | null;
  closed_by_name: string | null;
  closing_note: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeviationCaseTable {
  deviation_id: string;
  case_id: string;
  linked_at: Timestamp;
  linked_by_name: string;
}

export interface SelfInspectionPlanTable {
  id: Generated<string>;
  organisation_id: string;
  kind: 'access_review' | 'routine_review' | 'case_sampling' | 'other';
  title: string;
  description: Generated<string>;
  interval_months: number;
  day_of_month: number;
  first_due: ColumnType<string, string, string>;
  sample_size: number | null;
  responsible_user_id: string | null;
  is_active: Generated<boolean>;
  created_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SelfInspectionTable {
  id: Generated<string>;
  plan_id: string;
  organisation_id: string;
  due_date: ColumnType<string, string, string>;
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  sample: Json<string[]>;
  sample_seed: ColumnType<string | null, number | null, number | null>;
  started_at: Timestamp;
  started_by_name: string;
  performed_at: Timestamp | null;
  performed_by: string | null;
  performed_by_name: string | null;
  findings: string | null;
  follow_up: string | null;
  deviation_id: string | null;
}

export interface TelephonySystemTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  token_hash: string;
  token_hint: string;
  created_at: Timestamp;
  created_by_name: string;
  revoked_at: Timestamp | null;
  revoked_by_name: string | null;
  last_used_at: Timestamp | null;
}

export interface CallEventTable {
  id: Generated<string>;
  organisation_id: string;
  occurred_at: Timestamp;
  line: string;
  outcome: 'answered' | 'missed' | 'busy' | 'transferred_112';
  caller_number: string | null;
  caller_number_normalized: string | null;
  duration_seconds: number | null;
  source: 'telephony' | 'manual';
  telephony_system_id: string | null;
  external_id: string | null;
  registered_by_name: string;
  registered_at: Timestamp;
  callback_needed: boolean;
  callback_closed_at: Timestamp | null;
  callback_closed_by_name: string | null;
  callback_result: 'reached' | 'not_needed' | 'answered_later' | null;
  callback_attempts: Generated<number>;
  last_callback_at: Timestamp | null;
  last_callback_by_name: string | null;
}

export interface BusinessPlanTable {
  id: Generated<string>;
  organisation_id: string;
  year: number;
  content: Json<unknown>;
  version: Generated<number>;
  updated_by: string | null;
  updated_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanFollowUpTable {
  id: Generated<string>;
  organisation_id: string;
  year: number;
  period: 'T1' | 'T2' | 'T3' | 'year';
  content: Json<unknown>;
  status: Generated<'draft' | 'finished'>;
  finished_at: Date | null;
  finished_by_name: string | null;
  version: Generated<number>;
  updated_by: string | null;
  updated_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// Rule of law and privacy (0010)
export interface AccessReviewTable {
  id: Generated<string>;
  organisation_id: string;
  period_from: string;
  period_to: string;
  filters: Json<Record<string, JsonValue>>;
  summary: Json<Record<string, JsonValue>>;
  findings: Json<JsonValue[]>;
  conclusion: string;
  reviewed_by: string | null;
  reviewed_by_name: string;
  reviewed_at: Timestamp;
}

export interface RetentionRunTable {
  id: Generated<string>;
  seq: Generated<number>;
  organisation_id: string;
  run_at: Timestamp;
  run_on: string;
  run_by_name: string;
  rules: Json<Record<string, JsonValue>>;
  counts: Json<Record<string, JsonValue>>;
}

export interface CasePersonFactTable {
  case_id: string;
  role: string;
  age_group: string;
  sex: string | null;
  home_municipality_code: string | null;
}

export interface SubjectAccessRequestTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string | null;
  found: boolean;
  requested_by: string;
  requested_by_name: string;
  requested_at: Timestamp;
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
  budget_line: BudgetLineTable;
  outcome_entry: OutcomeEntryTable;
  invoice_period: InvoicePeriodTable;
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
  staff_member: StaffMemberTable;
  staff_date: StaffDateTable;
  roster: RosterTable;
  roster_assignment: RosterAssignmentTable;
  standby_callout: StandbyCalloutTable;
  on_call_politician: OnCallPoliticianTable;
  signature_request: SignatureRequestTable;
  committee_report: CommitteeReportTable;
  access_review: AccessReviewTable;
  retention_run: RetentionRunTable;
  case_person_fact: CasePersonFactTable;
  subject_access_request: SubjectAccessRequestTable;
  business_plan: BusinessPlanTable;
  plan_follow_up: PlanFollowUpTable;
  quality_counter: QualityCounterTable;
  deviation: DeviationTable;
  deviation_case: DeviationCaseTable;
  self_inspection_plan: SelfInspectionPlanTable;
  self_inspection: SelfInspectionTable;
  telephony_system: TelephonySystemTable;
  call_event: CallEventTable;
}

export type UserRow = Selectable<AppUserTable>;
export type NewUser = Insertable<AppUserTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
