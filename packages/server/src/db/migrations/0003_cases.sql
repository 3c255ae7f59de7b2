-- The night's work: persons, cases, triage, journal, decisions, deadlines,
-- time and direct costs, handover reports and shift notes.

create extension if not exists pg_trgm;

create table person (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  identity_kind text not null check (identity_kind in ('personnummer', 'samordningsnummer', 'reservnummer', 'unknown')),
  -- normalised: 12 digits for personnummer and samordningsnummer, the issuer's value for reservnummer
  identity_number text,
  reserve_issuer text,
  first_name text not null default '',
  last_name text not null default '',
  -- lower-cased, folded name for fuzzy search (pg_trgm)
  search_name text not null default '',
  birth_date date,
  birth_year_approx integer check (birth_year_approx between 1880 and 2200),
  sex text check (sex in ('female', 'male')),
  home_municipality_code char(4),
  address text,
  phone text,
  email text,
  protection text not null default 'none' check (protection in ('none', 'sekretessmarkering', 'skyddad_folkbokforing', 'fingerade')),
  hidden_residence boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((identity_kind = 'unknown') = (identity_number is null)),
  check (identity_kind <> 'reservnummer' or reserve_issuer is not null)
);
create unique index person_identity on person (organisation_id, identity_number, identity_kind) where identity_number is not null;
create index person_search_name on person using gin (search_name gin_trgm_ops);
create index person_birth_date on person (organisation_id, birth_date);

create table case_counter (
  organisation_id uuid not null references organisation(id),
  year integer not null,
  last_number integer not null,
  primary key (organisation_id, year)
);

create table jour_case (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  case_number text not null,
  case_type text not null check (case_type in ('arende', 'orosanmalan')),
  received_at timestamptz not null,
  contact_channel text not null check (contact_channel in ('polis', 'sos_112', 'sjukvard', 'ambulans', 'kommun', 'enskild', 'annan_jour', 'ovrig')),
  reporter_name text,
  reporter_organisation text,
  reporter_phone text,
  reporter_is_mandated boolean not null default false,
  reporter_wants_secrecy boolean not null default false,
  municipality_code char(4) not null check (municipality_code ~ '^[0-9]{4}$'),
  is_member boolean not null,
  category_code text not null,
  youth_crime boolean not null default false,
  summary text not null,
  concerns_child boolean not null default false,
  priority integer check (priority between 1 and 4),
  triage_criteria jsonb not null default '[]'::jsonb,
  status text not null default 'open' check (status in ('open', 'closed', 'handed_over')),
  closed_at timestamptz,
  closed_by uuid references app_user(id),
  next_steps text,
  shelter_requested boolean not null default false,
  shelter_granted boolean not null default false,
  external_id text,
  is_imported boolean not null default false,
  minutes_imported integer not null default 0 check (minutes_imported >= 0),
  created_by uuid references app_user(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (organisation_id, category_code) references category(organisation_id, code),
  check (not youth_crime or category_code = 'barn_unga'),
  check (not shelter_granted or shelter_requested)
);
create unique index jour_case_number on jour_case (organisation_id, case_number);
create unique index jour_case_external on jour_case (organisation_id, external_id) where external_id is not null;
create index jour_case_received on jour_case (organisation_id, received_at);
create index jour_case_open on jour_case (organisation_id, status) where status = 'open';
create index jour_case_municipality on jour_case (organisation_id, municipality_code, received_at);

create table case_person (
  case_id uuid not null references jour_case(id),
  person_id uuid not null references person(id),
  role text not null check (role in ('child', 'guardian', 'adult', 'reporter', 'relative', 'other')),
  where_now text,
  added_at timestamptz not null default now(),
  primary key (case_id, person_id)
);
create index case_person_person on case_person (person_id);

create table triage_event (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references jour_case(id),
  priority integer not null check (priority between 1 and 4),
  suggested_priority integer not null check (suggested_priority between 1 and 4),
  criteria jsonb not null,
  matched_rule text,
  override_reason text,
  triaged_by uuid references app_user(id),
  triaged_by_name text not null,
  triaged_at timestamptz not null
);
create index triage_event_case on triage_event (case_id, triaged_at);

-- Journal: append-only. A correction is a new entry pointing at the one it corrects.
create table journal_entry (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references jour_case(id),
  kind text not null check (kind in ('note', 'assessment', 'action', 'protection_assessment', 'correction')),
  action_type text check (action_type in ('stodsamtal', 'hanvisning', 'hembesok', 'transport', 'tillsyn', 'utryckning', 'skyddsbedomning', 'ovrigt')),
  body text not null,
  corrects_entry_id uuid references journal_entry(id),
  called_at timestamptz,
  arrived_at timestamptz,
  author_id uuid references app_user(id),
  author_name text not null,
  written_at timestamptz not null,
  check ((kind = 'correction') = (corrects_entry_id is not null)),
  check (arrived_at is null or called_at is not null)
);
create index journal_entry_case on journal_entry (case_id, written_at);

create function journal_entry_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'journal_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger journal_entry_no_update before update or delete on journal_entry
  for each row execute function journal_entry_refuse_change();

create table decision (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references jour_case(id),
  organisation_id uuid not null references organisation(id),
  type_code text not null,
  legal_reference text not null,
  decided_at timestamptz not null,
  maker_kind text not null check (maker_kind in ('politician', 'delegation')),
  maker_name text not null,
  maker_capacity text not null default '',
  communicated_via text not null check (communicated_via in ('phone', 'digital_signature', 'paper', 'in_person')),
  signed_at timestamptz,
  grounds text not null,
  subject_person_id uuid references person(id),
  granted boolean,
  amount_ore bigint check (amount_ore >= 0),
  linked_decision_id uuid references decision(id),
  special_circumstances text,
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  withdrawn_at timestamptz,
  withdrawn_reason text,
  notice_override_reason text,
  recorded_by uuid references app_user(id),
  recorded_by_name text not null,
  recorded_at timestamptz not null,
  foreign key (organisation_id, type_code) references decision_type(organisation_id, code)
);
create index decision_case on decision (case_id);
create index decision_subject on decision (subject_person_id);

create table legal_deadline (
  id uuid primary key default gen_random_uuid(),
  decision_id uuid references decision(id),
  case_id uuid not null references jour_case(id),
  organisation_id uuid not null references organisation(id),
  municipality_code char(4) not null,
  kind text not null,
  label text not null,
  legal_reference text not null default '',
  nominal_date date not null,
  moved_date date not null,
  confirmed_at timestamptz,
  confirmed_by uuid references app_user(id),
  confirmed_by_name text
);
create index legal_deadline_open on legal_deadline (organisation_id, nominal_date) where confirmed_at is null;

create table time_entry (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references jour_case(id),
  user_id uuid not null references app_user(id),
  user_name text not null,
  work_date date not null,
  minutes integer not null check (minutes between 1 and 1440),
  note text,
  recorded_at timestamptz not null
);
create index time_entry_case on time_entry (case_id);
create index time_entry_date on time_entry (work_date);

create table direct_cost (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references jour_case(id),
  kind text not null check (kind in ('travel', 'accommodation', 'food_card', 'interpreter', 'other')),
  amount_ore bigint not null check (amount_ore > 0),
  cost_date date not null,
  note text,
  recorded_by uuid references app_user(id),
  recorded_by_name text not null,
  recorded_at timestamptz not null
);
create index direct_cost_case on direct_cost (case_id);
create index direct_cost_date on direct_cost (cost_date);

create table handover_report (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references jour_case(id),
  organisation_id uuid not null references organisation(id),
  municipality_code char(4) not null,
  created_at timestamptz not null,
  created_by uuid references app_user(id),
  payload jsonb not null
);
create index handover_report_case on handover_report (case_id);
create index handover_report_municipality on handover_report (organisation_id, municipality_code, created_at);

-- Handover notes from one shift to the next.
create table shift_note (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  body text not null,
  author_id uuid references app_user(id),
  author_name text not null,
  written_at timestamptz not null
);
create index shift_note_time on shift_note (organisation_id, written_at);
