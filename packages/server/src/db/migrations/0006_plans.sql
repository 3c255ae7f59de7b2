-- The year's plan (verksamhetsplan) and its follow-up each tertial and year.
-- The content is a document the unit manager writes (goals, activities,
-- indicators, budget; statuses and texts); it is kept as JSON validated by the
-- contract, one row per plan and per follow-up, with a version for stale-edit checks.

create table business_plan (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  year integer not null check (year between 1900 and 2200),
  content jsonb not null,
  version integer not null default 1,
  updated_by uuid references app_user(id),
  updated_by_name text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (organisation_id, year)
);

create table plan_follow_up (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  year integer not null check (year between 1900 and 2200),
  period text not null check (period in ('T1', 'T2', 'T3', 'year')),
  content jsonb not null,
  status text not null default 'draft' check (status in ('draft', 'finished')),
  finished_at timestamptz,
  finished_by_name text,
  version integer not null default 1,
  updated_by uuid references app_user(id),
  updated_by_name text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (organisation_id, year, period),
  check ((status = 'finished') = (finished_at is not null))
);
