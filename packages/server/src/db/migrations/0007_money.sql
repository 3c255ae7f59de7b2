-- Money: the year's budget by line, the outcome by month and line (entered or
-- imported from the host municipality's ledger), the invoicing periods with an
-- entered amount and, once closed, their frozen invoice basis. Time and direct
-- costs dated in a closed period are booked into the next open one.

create table budget_line (
  organisation_id uuid not null references organisation(id),
  year integer not null check (year between 1900 and 2200),
  line text not null,
  amount_ore bigint not null check (amount_ore >= 0),
  updated_by_name text not null,
  updated_at timestamptz not null,
  primary key (organisation_id, year, line)
);

create table outcome_entry (
  organisation_id uuid not null references organisation(id),
  year integer not null check (year between 1900 and 2200),
  month integer not null check (month between 1 and 12),
  line text not null,
  amount_ore bigint not null,
  source text not null check (source in ('entered', 'imported')),
  updated_by_name text not null,
  updated_at timestamptz not null,
  primary key (organisation_id, year, month, line)
);

create table invoice_period (
  organisation_id uuid not null references organisation(id),
  year integer not null check (year between 1900 and 2200),
  period integer not null check (period between 1 and 12),
  -- an entered amount to share; null: the outcome recorded for the period's months
  amount_ore bigint check (amount_ore >= 0),
  amount_set_by_name text,
  closed_at timestamptz,
  closed_by uuid references app_user(id),
  closed_by_name text,
  -- the frozen invoice basis: the allocation document and the direct costs case by case
  basis jsonb,
  primary key (organisation_id, year, period),
  check ((closed_at is null) = (basis is null))
);

alter table time_entry add column booked_on date;
alter table direct_cost add column booked_on date;
create index time_entry_booked on time_entry (booked_on) where booked_on is not null;
create index direct_cost_booked on direct_cost (booked_on) where booked_on is not null;
