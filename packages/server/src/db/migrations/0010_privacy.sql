-- Rule of law and privacy in operation: recorded access reviews, retention
-- runs, subject access requests, and the de-identified facts a retained case
-- keeps for statistics.

-- An access review (loggkontroll) by the unit manager: the period, filters,
-- the findings as they were computed, and the conclusion.
create table access_review (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  period_from date not null,
  period_to date not null,
  filters jsonb not null default '{}'::jsonb,
  -- counts per kind of finding
  summary jsonb not null,
  -- the findings (user, person and case ids, days, event sequence numbers): no free text
  findings jsonb not null,
  conclusion text not null,
  reviewed_by uuid references app_user(id),
  reviewed_by_name text not null,
  reviewed_at timestamptz not null,
  check (period_to >= period_from)
);
create index access_review_time on access_review (organisation_id, reviewed_at);
create trigger access_review_no_update before update or delete on access_review
  for each row execute function refuse_change();

-- A retention run: what rules, how many of what were removed. No personal data.
create table retention_run (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  organisation_id uuid not null references organisation(id),
  run_at timestamptz not null,
  run_on date not null,
  run_by_name text not null,
  rules jsonb not null,
  counts jsonb not null
);
create index retention_run_time on retention_run (organisation_id, run_at);

-- What statistics keep of a case's persons once the persons are removed.
create table case_person_fact (
  case_id uuid not null references jour_case(id),
  role text not null,
  age_group text not null,
  sex text,
  home_municipality_code char(4)
);
create index case_person_fact_case on case_person_fact (case_id);

-- A retained case: its personal data and free text are gone, its facts stay.
alter table jour_case add column retained_at timestamptz;

-- A subject access request (registerutdrag): who asked for whom and when.
-- The identity number itself is not stored; person_id is null when nobody matched.
create table subject_access_request (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  person_id uuid references person(id) on delete set null,
  found boolean not null,
  requested_by uuid not null references app_user(id),
  requested_by_name text not null,
  requested_at timestamptz not null
);
create index subject_access_request_time on subject_access_request (organisation_id, requested_at);

-- Retention is the one change the append-only documentation tables accept:
-- inside a transaction that set `jourbok.retention` (set_config(…, true)),
-- an UPDATE may blank free text. Deletes stay refused.
create or replace function journal_entry_refuse_change() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and coalesce(current_setting('jourbok.retention', true), '') = 'on' then
    return new;
  end if;
  raise exception 'journal_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create or replace function refuse_change() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and tg_table_name <> 'access_review' and coalesce(current_setting('jourbok.retention', true), '') = 'on' then
    return new;
  end if;
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;
