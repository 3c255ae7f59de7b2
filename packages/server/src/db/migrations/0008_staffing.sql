-- Staffing: staff members (regular and hourly substitutes), their absences, wishes and
-- availability, 12-week rosters (draft or published) with their assignments, and standby call-outs.

create table staff_member (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  user_id uuid references app_user(id),
  name text not null,
  kind text not null check (kind in ('regular', 'substitute')),
  -- percent of full time; hourly substitutes have none
  employment_rate integer check (employment_rate between 35 and 100),
  contact_municipality_code char(4),
  qualifications jsonb not null default '[]'::jsonb,
  phone text not null default '',
  -- a substitute who works only until 24:00 on weekdays
  weekday_until_midnight boolean not null default false,
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  check (kind = 'substitute' or employment_rate is not null),
  foreign key (organisation_id, contact_municipality_code) references municipality(organisation_id, code)
);
create index staff_member_organisation on staff_member (organisation_id, kind);

-- Absences and wishes of regular staff, availability of substitutes: one row per date.
create table staff_date (
  staff_id uuid not null references staff_member(id),
  organisation_id uuid not null references organisation(id),
  date date not null,
  kind text not null check (kind in ('available', 'absence', 'wish_free', 'wish_work')),
  primary key (staff_id, date, kind)
);
create index staff_date_organisation on staff_date (organisation_id, date);

create table roster (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  start_date date not null,
  weeks integer not null check (weeks between 1 and 12),
  status text not null default 'draft' check (status in ('draft', 'published')),
  required_per_shift integer not null,
  generated_at timestamptz not null,
  generated_by_name text not null,
  solver_status text not null,
  solver_objective double precision,
  solver_seconds double precision not null,
  -- requirements that could not be met when it was generated
  problems jsonb not null default '[]'::jsonb,
  published_at timestamptz,
  published_by_name text,
  version integer not null default 1
);
create index roster_organisation on roster (organisation_id, start_date);

create table roster_assignment (
  id uuid primary key default gen_random_uuid(),
  roster_id uuid not null references roster(id),
  organisation_id uuid not null references organisation(id),
  staff_id uuid not null references staff_member(id),
  date date not null,
  kind text not null check (kind in ('open', 'standby', 'open_until_midnight')),
  unique (roster_id, staff_id, date, kind)
);
create index roster_assignment_date on roster_assignment (organisation_id, date);

create table standby_callout (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  staff_id uuid not null references staff_member(id),
  called_at timestamptz not null,
  started_at timestamptz not null,
  back_at timestamptz not null,
  note text not null default '',
  recorded_by uuid references app_user(id),
  recorded_by_name text not null,
  recorded_at timestamptz not null,
  check (called_at <= started_at and started_at < back_at)
);
create index standby_callout_organisation on standby_callout (organisation_id, started_at);
