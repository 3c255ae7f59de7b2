-- Jourbok foundation: organisation, configuration, users, sessions, audit log.
-- Append-only: never edit a migration that has shipped; add a new one.

create table organisation (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  short_name text not null,
  preset text,
  time_zone text not null default 'Europe/Stockholm',
  phone text not null default '',
  staff_per_shift integer not null default 2 check (staff_per_shift between 1 and 50),
  calendar jsonb not null,
  settings jsonb not null default '{}'::jsonb,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table municipality (
  organisation_id uuid not null references organisation(id),
  code char(4) not null check (code ~ '^[0-9]{4}$'),
  name text not null,
  is_host boolean not null default false,
  is_member boolean not null default true,
  functional_mailbox text,
  sort_name text not null default '',
  version integer not null default 1,
  primary key (organisation_id, code)
);
create unique index municipality_one_host on municipality (organisation_id) where is_host;

create table population (
  organisation_id uuid not null,
  municipality_code char(4) not null,
  year integer not null check (year between 1900 and 2200),
  population integer not null check (population > 0),
  primary key (organisation_id, municipality_code, year),
  foreign key (organisation_id, municipality_code) references municipality(organisation_id, code)
);

create table category (
  organisation_id uuid not null references organisation(id),
  code text not null check (code ~ '^[a-z][a-z0-9_]*$'),
  name text not null,
  sort_order integer not null,
  is_prioritised boolean not null default false,
  is_active boolean not null default true,
  version integer not null default 1,
  primary key (organisation_id, code)
);

create table decision_type (
  organisation_id uuid not null references organisation(id),
  code text not null check (code ~ '^[A-Z][A-Z0-9_]*$'),
  name text not null,
  decided_by text not null check (decided_by in ('politician', 'delegation')),
  subject_max_age_exclusive integer check (subject_max_age_exclusive between 1 and 150),
  is_grantable boolean not null default false,
  sort_order integer not null,
  is_active boolean not null default true,
  version integer not null default 1,
  primary key (organisation_id, code)
);

create table decision_type_legal_basis (
  organisation_id uuid not null,
  decision_type_code text not null,
  reference text not null,
  valid_from date not null,
  valid_to date,
  primary key (organisation_id, decision_type_code, valid_from),
  foreign key (organisation_id, decision_type_code) references decision_type(organisation_id, code),
  check (valid_to is null or valid_to >= valid_from)
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  username text not null,
  display_name text not null,
  email text,
  role text not null check (role in ('socialsekreterare', 'enhetschef', 'kommun', 'controller', 'admin')),
  municipality_code char(4),
  password_hash text,
  must_change_password boolean not null default false,
  totp_secret text,
  totp_enrolled_at timestamptz,
  totp_last_step bigint,
  failed_logins integer not null default 0,
  locked_at timestamptz,
  is_active boolean not null default true,
  oidc_issuer text,
  oidc_subject text,
  last_login_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((role = 'kommun') = (municipality_code is not null)),
  foreign key (organisation_id, municipality_code) references municipality(organisation_id, code)
);
create unique index app_user_username on app_user (lower(username));
create unique index app_user_oidc on app_user (oidc_issuer, oidc_subject) where oidc_subject is not null;

-- Server-side sessions: the cookie holds a random token, the table its SHA-256.
create table app_session (
  token_hash text primary key,
  user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  stage text not null check (stage in ('totp', 'enroll', 'full')),
  csrf_token text not null,
  pending_totp_secret text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz
);
create index app_session_user on app_session (user_id);

-- Login attempts by client address, for throttling across server processes.
create table login_attempt (
  id bigint generated always as identity primary key,
  client_key text not null,
  username text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index login_attempt_client on login_attempt (client_key, attempted_at);

-- OpenID Connect identity providers of member municipalities.
create table identity_provider (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  name text not null,
  issuer text not null,
  client_id text not null,
  client_secret text not null,
  scopes text not null default 'openid profile email',
  role_claim text not null default 'jourbok_role',
  municipality_claim text not null default 'kommunkod',
  role_map jsonb not null default '{}'::jsonb,
  default_municipality_code char(4),
  is_active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now()
);

-- Pending OpenID Connect logins (state, nonce and PKCE verifier), short-lived.
create table oidc_login (
  state text primary key,
  provider_id uuid not null references identity_provider(id),
  nonce text not null,
  code_verifier text not null,
  created_at timestamptz not null default now()
);

-- Settings shared by every server process (generated secrets and the like).
create table system_setting (
  key text primary key,
  value text not null
);

-- The audit log. Append-only; each event's hash covers its content and the
-- previous event's hash, so an edited or removed row breaks the chain.
create table audit_event (
  seq bigint primary key,
  id uuid not null default gen_random_uuid() unique,
  organisation_id uuid,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_name text not null,
  actor_role text,
  action text not null,
  kind text not null check (kind in ('auth', 'read', 'write', 'config', 'permission')),
  entity_type text not null,
  entity_id text,
  person_id text,
  municipality_code char(4),
  purpose text,
  details jsonb not null default '{}'::jsonb,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create index audit_event_person on audit_event (person_id, occurred_at) where person_id is not null;
create index audit_event_actor on audit_event (actor_user_id, occurred_at);
create index audit_event_time on audit_event (occurred_at);
create index audit_event_request on audit_event (request_id) where request_id is not null;

-- The canonical text an event's hash is computed over. Changing it breaks every chain: never do.
create function audit_event_canonical(e audit_event) returns text
language sql immutable as $$
  select concat_ws(E'\x1f',
    e.seq::text, e.id::text, coalesce(e.organisation_id::text, ''),
    to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(e.actor_user_id::text, ''), e.actor_name, coalesce(e.actor_role, ''),
    e.action, e.kind, e.entity_type, coalesce(e.entity_id, ''), coalesce(e.person_id, ''),
    coalesce(e.municipality_code, ''), coalesce(e.purpose, ''), e.details::text,
    coalesce(e.request_id, ''), e.prev_hash)
$$;

create function audit_event_chain() returns trigger
language plpgsql as $$
declare
  last_seq bigint;
  last_hash text;
begin
  -- One writer at a time extends the chain; the lock is held to commit.
  perform pg_advisory_xact_lock(7308411922);
  select seq, hash into last_seq, last_hash from audit_event order by seq desc limit 1;
  new.seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := coalesce(last_hash, repeat('0', 64));
  new.hash := encode(sha256(convert_to(audit_event_canonical(new), 'UTF8')), 'hex');
  return new;
end
$$;

create trigger audit_event_chain before insert on audit_event
  for each row execute function audit_event_chain();

create function audit_event_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_refuse_change();
