-- Working with the member municipalities: notices, assignments, delivery of
-- the handover reports, on-call politicians and remote signing, reports to the
-- committee, the scheduled-job ledger and the outgoing e-mail queue.

-- A change to a row of an append-only table is refused (documentation is never edited).
create function refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

-- Notices (aviseringar): what a municipality tells the jour in advance about a person or family.
create table notice (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  municipality_code char(4) not null,
  level text not null check (level in ('information', 'important', 'must_read')),
  title text not null,
  plan text not null default '',
  should_do text not null default '',
  should_not_do text not null default '',
  -- structured instructions the system checks decisions against (array of codes)
  instructions jsonb not null default '[]'::jsonb,
  valid_from date not null,
  valid_to date not null,
  contact_name text not null,
  contact_phone text not null,
  registered_via text not null check (registered_via in ('municipality', 'jour_phone')),
  phoned_in_by text,
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  withdrawn_at timestamptz,
  withdrawn_by_name text,
  withdrawn_reason text,
  created_by uuid references app_user(id),
  created_by_name text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  foreign key (organisation_id, municipality_code) references municipality(organisation_id, code),
  check (valid_to >= valid_from),
  check ((status = 'withdrawn') = (withdrawn_at is not null))
);
create index notice_municipality on notice (organisation_id, municipality_code, valid_to);

create table notice_person (
  notice_id uuid not null references notice(id),
  person_id uuid not null references person(id),
  primary key (notice_id, person_id)
);
create index notice_person_person on notice_person (person_id);

-- A must-read notice acknowledged in a case, per version of the notice.
create table notice_acknowledgement (
  notice_id uuid not null references notice(id),
  case_id uuid not null references jour_case(id),
  notice_version integer not null,
  acknowledged_by uuid references app_user(id),
  acknowledged_by_name text not null,
  acknowledged_at timestamptz not null,
  primary key (notice_id, case_id, notice_version)
);
create index notice_acknowledgement_case on notice_acknowledgement (case_id);

-- The jour's reads of a notice, one row per reader (the audit log holds every read).
create table notice_read (
  notice_id uuid not null references notice(id),
  user_id uuid not null references app_user(id),
  user_name text not null,
  first_read_at timestamptz not null,
  last_read_at timestamptz not null,
  read_count integer not null default 1,
  primary key (notice_id, user_id)
);

-- A decision (or a closing) that went against a notice's instruction, with the reason.
create table notice_override (
  id uuid primary key default gen_random_uuid(),
  notice_id uuid not null references notice(id),
  case_id uuid not null references jour_case(id),
  decision_id uuid references decision(id),
  instruction text not null,
  reason text not null,
  recorded_by uuid references app_user(id),
  recorded_by_name text not null,
  recorded_at timestamptz not null
);
create index notice_override_case on notice_override (case_id);
create trigger notice_override_no_update before update or delete on notice_override
  for each row execute function refuse_change();

-- Assignments (uppdrag): work a municipality leaves for the jour.
create table assignment (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  municipality_code char(4) not null,
  title text not null,
  description text not null default '',
  window_from timestamptz not null,
  window_to timestamptz not null,
  recurrence text not null default 'none' check (recurrence in ('none', 'daily')),
  -- HH:MM local, each day's slot of a daily assignment
  daily_from text,
  daily_to text,
  contact_name text not null,
  contact_phone text not null,
  registered_via text not null check (registered_via in ('municipality', 'jour_phone')),
  phoned_in_by text,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  completed_at timestamptz,
  cancelled_at timestamptz,
  cancelled_by_name text,
  cancelled_reason text,
  created_by uuid references app_user(id),
  created_by_name text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  foreign key (organisation_id, municipality_code) references municipality(organisation_id, code),
  check (window_to > window_from),
  check ((recurrence = 'daily') = (daily_from is not null and daily_to is not null))
);
create index assignment_open on assignment (organisation_id, window_from) where status = 'open';
create index assignment_municipality on assignment (organisation_id, municipality_code, window_from);

create table assignment_person (
  assignment_id uuid not null references assignment(id),
  person_id uuid not null references person(id),
  primary key (assignment_id, person_id)
);
create index assignment_person_person on assignment_person (person_id);

-- What was done on an occasion, by whom. Append-only.
create table assignment_report (
  id uuid primary key default gen_random_uuid(),
  assignment_id uuid not null references assignment(id),
  occasion_date date not null,
  outcome text not null check (outcome in ('done', 'not_possible', 'attempt')),
  body text not null,
  performed_by text not null,
  performed_at timestamptz not null,
  recorded_by uuid references app_user(id),
  recorded_by_name text not null,
  recorded_at timestamptz not null
);
create index assignment_report_assignment on assignment_report (assignment_id, occasion_date);
create trigger assignment_report_no_update before update or delete on assignment_report
  for each row execute function refuse_change();

-- Scheduled jobs: one row per job and local date. Inserted in the transaction
-- that does the work (insert … on conflict do nothing), so a run happens
-- exactly once whatever the number of server processes.
create table job_run (
  organisation_id uuid not null references organisation(id),
  job_name text not null,
  scheduled_date date not null,
  scheduled_at timestamptz not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  runner text not null,
  result jsonb not null default '{}'::jsonb,
  primary key (organisation_id, job_name, scheduled_date)
);

-- A handover report delivered to its home municipality's inbox.
create table report_delivery (
  id uuid primary key default gen_random_uuid(),
  handover_report_id uuid not null unique references handover_report(id),
  organisation_id uuid not null references organisation(id),
  municipality_code char(4) not null,
  job_name text not null,
  scheduled_date date not null,
  delivered_at timestamptz not null,
  acknowledge_by timestamptz not null,
  first_read_at timestamptz,
  first_read_by_name text,
  acknowledged_at timestamptz,
  acknowledged_by uuid references app_user(id),
  acknowledged_by_name text,
  escalated_at timestamptz,
  foreign key (organisation_id, municipality_code) references municipality(organisation_id, code),
  foreign key (organisation_id, job_name, scheduled_date) references job_run(organisation_id, job_name, scheduled_date)
);
create index report_delivery_inbox on report_delivery (organisation_id, municipality_code, delivered_at);
create index report_delivery_unacknowledged on report_delivery (organisation_id, acknowledge_by) where acknowledged_at is null;

-- Outgoing e-mail, written in the transaction that decides to send it and sent
-- after commit by whichever server process claims it first. Never personal
-- data: counts and links only (signing links are sent directly, never stored).
create table outbound_email (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references organisation(id),
  kind text not null,
  recipient text not null,
  subject text not null,
  body text not null,
  created_at timestamptz not null,
  next_attempt_at timestamptz not null,
  attempts integer not null default 0,
  last_error text,
  sent_at timestamptz
);
create index outbound_email_pending on outbound_email (next_attempt_at) where sent_at is null;

-- Politicians on call for a municipality, with their on-call period.
create table on_call_politician (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  municipality_code char(4) not null,
  name text not null,
  role text not null check (role in ('chair', 'vice_chair', 'member')),
  phone text not null,
  email text,
  on_call_from timestamptz not null,
  on_call_to timestamptz not null,
  created_by uuid references app_user(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  foreign key (organisation_id, municipality_code) references municipality(organisation_id, code),
  check (on_call_to > on_call_from)
);
create index on_call_politician_period on on_call_politician (organisation_id, municipality_code, on_call_to);

-- A one-time link for a politician to sign a decision taken by phone. Only
-- hashes are stored: of the link's token, and of the code read by phone.
create table signature_request (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  decision_id uuid not null references decision(id),
  politician_id uuid references on_call_politician(id) on delete set null,
  recipient_name text not null,
  recipient_email text not null,
  token_hash text not null unique,
  code_hash text not null,
  status text not null default 'pending' check (status in ('pending', 'signed', 'cancelled', 'locked')),
  failed_attempts integer not null default 0,
  created_by uuid references app_user(id),
  created_by_name text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  opened_at timestamptz,
  signed_at timestamptz
);
create index signature_request_decision on signature_request (decision_id, created_at);

-- A politician's decision reported to the municipality's committee.
create table committee_report (
  decision_id uuid primary key references decision(id),
  organisation_id uuid not null references organisation(id),
  municipality_code char(4) not null,
  meeting_date date,
  note text,
  reported_by uuid references app_user(id),
  reported_by_name text not null,
  reported_at timestamptz not null
);
