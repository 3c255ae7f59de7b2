-- Systematic quality work: deviations and complaints, self-inspections
-- (egenkontroller) according to plan, and the call log with callback tasks
-- and the telephony systems that post call events.

-- Running numbers per organisation, kind and year (AV-2026-001, KL-2026-001).
create table quality_counter (
  organisation_id uuid not null references organisation(id),
  kind text not null,
  year integer not null,
  last_number integer not null,
  primary key (organisation_id, kind, year)
);

-- Deviations (avvikelser) and complaints (klagomål).
create table deviation (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  number text not null,
  kind text not null check (kind in ('deviation', 'complaint')),
  category text not null check (category in ('handling', 'technical', 'collaboration', 'placement', 'other')),
  title text not null,
  description text not null,
  immediate_action text not null default '',
  occurred_at timestamptz not null,
  complaint_source text check (complaint_source in ('individual', 'municipality', 'partner', 'other')),
  status text not null default 'registered' check (status in ('registered', 'assigned', 'analysed', 'closed')),
  possible_lex_sarah boolean not null default false,
  lex_sarah_reason text,
  lex_sarah_assessment text check (lex_sarah_assessment in ('not_lex_sarah', 'investigation', 'reported_to_ivo')),
  lex_sarah_note text,
  lex_sarah_assessed_at timestamptz,
  lex_sarah_assessed_by_name text,
  reported_by uuid references app_user(id),
  reported_by_name text not null,
  reported_at timestamptz not null,
  assigned_to uuid references app_user(id),
  assigned_to_name text,
  assigned_at timestamptz,
  analysis text,
  action text,
  action_kind text check (action_kind in ('new_routine', 'routine_reminder', 'training', 'other', 'none')),
  analysed_at timestamptz,
  analysed_by_name text,
  closed_at timestamptz,
  closed_by_name text,
  closing_note text,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((status = 'closed') = (closed_at is not null)),
  check (kind = 'complaint' or complaint_source is null)
);
create unique index deviation_number on deviation (organisation_id, number);
create index deviation_reported on deviation (organisation_id, reported_at);
create index deviation_open on deviation (organisation_id, status) where status <> 'closed';

create table deviation_case (
  deviation_id uuid not null references deviation(id),
  case_id uuid not null references jour_case(id),
  linked_at timestamptz not null,
  linked_by_name text not null,
  primary key (deviation_id, case_id)
);
create index deviation_case_case on deviation_case (case_id);

-- Self-inspections planned by the unit manager, recurring every N months.
create table self_inspection_plan (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  kind text not null check (kind in ('access_review', 'routine_review', 'case_sampling', 'other')),
  title text not null,
  description text not null default '',
  interval_months integer not null check (interval_months in (1, 2, 3, 4, 6, 12)),
  day_of_month integer not null check (day_of_month between 1 and 31),
  first_due date not null,
  sample_size integer check (sample_size between 1 and 100),
  responsible_user_id uuid references app_user(id),
  is_active boolean not null default true,
  created_by_name text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  check (kind <> 'case_sampling' or sample_size is not null)
);
create index self_inspection_plan_org on self_inspection_plan (organisation_id);

-- One occasion of a plan: started (a case sample drawn), then recorded.
create table self_inspection (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references self_inspection_plan(id),
  organisation_id uuid not null references organisation(id),
  due_date date not null,
  period_from date not null,
  period_to date not null,
  -- the sampled cases (ids) and the seed they were drawn with
  sample jsonb not null default '[]'::jsonb,
  sample_seed bigint,
  started_at timestamptz not null,
  started_by_name text not null,
  performed_at timestamptz,
  performed_by uuid references app_user(id),
  performed_by_name text,
  findings text,
  follow_up text,
  deviation_id uuid references deviation(id),
  unique (plan_id, due_date),
  check ((performed_at is null) = (findings is null))
);
create index self_inspection_org on self_inspection (organisation_id, due_date);

-- Telephony systems that post call events, each with its own token (only its hash is kept).
create table telephony_system (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  name text not null,
  token_hash text not null unique,
  token_hint text not null,
  created_at timestamptz not null,
  created_by_name text not null,
  revoked_at timestamptz,
  revoked_by_name text,
  last_used_at timestamptz
);
create index telephony_system_org on telephony_system (organisation_id);

-- The call log: every contact attempt on the unit's lines.
create table call_event (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  occurred_at timestamptz not null,
  line text not null,
  outcome text not null check (outcome in ('answered', 'missed', 'busy', 'transferred_112')),
  -- the caller's number is personal data: read and written through logged use cases only
  caller_number text,
  caller_number_normalized text,
  duration_seconds integer check (duration_seconds >= 0),
  source text not null check (source in ('telephony', 'manual')),
  telephony_system_id uuid references telephony_system(id),
  external_id text,
  registered_by_name text not null,
  registered_at timestamptz not null,
  callback_needed boolean not null,
  callback_closed_at timestamptz,
  callback_closed_by_name text,
  callback_result text check (callback_result in ('reached', 'not_needed', 'answered_later')),
  callback_attempts integer not null default 0,
  last_callback_at timestamptz,
  last_callback_by_name text,
  check (not callback_needed or caller_number_normalized is not null)
);
create unique index call_event_external on call_event (telephony_system_id, external_id) where external_id is not null;
create index call_event_occurred on call_event (organisation_id, occurred_at);
create index call_event_callbacks on call_event (organisation_id, caller_number_normalized) where callback_needed and callback_closed_at is null;
