-- Lantern's foundation: councils, people, the workforce, allocations, chronology,
-- record versions, users and sessions, the audit trail, and the working-day calendar.
--
-- Every council-owned table carries la_code first in its primary key, so one deployment can
-- serve several councils and the data can be distributed by council (Citus) later. Foreign
-- keys include la_code too: a record can never point at another council's record.

create table local_authority (
  la_code text primary key check (la_code ~ '^E0[6-9][0-9]{6}$'),
  dfe_la_number text not null unique check (dfe_la_number ~ '^[0-9]{3}$'),
  name text not null,
  created_at timestamptz not null default now()
);

-- Council settings (policy timescales, caseload ceilings...). Defaults live in code; a row here
-- overrides one for a council.
create table council_setting (
  la_code text not null references local_authority,
  key text not null,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (la_code, key)
);

create table team (
  la_code text not null references local_authority,
  team_id uuid not null,
  name text not null,
  service text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (la_code, team_id),
  unique (la_code, name)
);

create table worker (
  la_code text not null references local_authority,
  worker_id uuid not null,
  given_name text not null,
  family_name text not null,
  job_role text not null,
  employment text not null check (employment in ('permanent', 'agency')),
  team_id uuid,
  start_date date not null,
  leave_date date,
  fte numeric(4, 3) not null default 1 check (fte > 0 and fte <= 1),
  swe_number text check (swe_number ~ '^SW[0-9]{1,10}$'),
  email text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (la_code, worker_id),
  foreign key (la_code, team_id) references team (la_code, team_id),
  check (leave_date is null or leave_date >= start_date)
);
create index worker_team on worker (la_code, team_id);

-- The team's manager is a worker in it; kept on the team so "the manager chain" is one join.
alter table team add column manager_worker_id uuid;
alter table team add foreign key (la_code, manager_worker_id) references worker (la_code, worker_id);

-- People: children and the adults around them. Only children carry an LA child id.
create table person (
  la_code text not null references local_authority,
  person_id uuid not null,
  is_child boolean not null,
  la_child_id text,
  given_name text not null,
  family_name text not null,
  other_names text,
  date_of_birth date,
  expected_date_of_birth date,
  sex text not null check (sex in ('M', 'F', 'U')),
  ethnicity text,
  upn text,
  former_upn text,
  upn_unknown text,
  nhs_number text,
  date_of_death date,
  uasc boolean not null default false,
  disabilities text[] not null default '{}',
  restricted boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (la_code, person_id),
  unique (la_code, la_child_id),
  check (is_child = (la_child_id is not null)),
  check (date_of_death is null or date_of_birth is null or date_of_death >= date_of_birth)
);
create index person_family_name on person (la_code, lower(family_name) text_pattern_ops);
create index person_given_name on person (la_code, lower(given_name) text_pattern_ops);
create index person_dob on person (la_code, date_of_birth);
create index person_upn on person (la_code, upn) where upn is not null;
create index person_nhs on person (la_code, nhs_number) where nhs_number is not null;

-- "related_person is the <relationship_type> of person".
create table relationship (
  la_code text not null,
  relationship_id uuid not null,
  person_id uuid not null,
  related_person_id uuid not null,
  relationship_type text not null,
  parental_responsibility boolean not null default false,
  lives_with boolean not null default false,
  start_date date,
  end_date date,
  notes text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  primary key (la_code, relationship_id),
  foreign key (la_code, person_id) references person (la_code, person_id),
  foreign key (la_code, related_person_id) references person (la_code, person_id),
  check (person_id <> related_person_id)
);
create index relationship_person on relationship (la_code, person_id);
create index relationship_related on relationship (la_code, related_person_id);

create table address (
  la_code text not null,
  address_id uuid not null,
  person_id uuid not null,
  line1 text not null,
  line2 text,
  town text not null,
  postcode text not null,
  start_date date not null,
  end_date date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  primary key (la_code, address_id),
  foreign key (la_code, person_id) references person (la_code, person_id),
  check (end_date is null or end_date >= start_date)
);
create index address_person on address (la_code, person_id);

-- Who holds a child's case, with the whole history: a row is never deleted, only ended.
create table allocation (
  la_code text not null,
  allocation_id uuid not null,
  child_id uuid not null,
  worker_id uuid not null,
  allocation_role text not null,
  start_date date not null,
  end_date date,
  start_reason text,
  end_reason text,
  allocated_by uuid,
  ended_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, allocation_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, worker_id) references worker (la_code, worker_id),
  check (end_date is null or end_date >= start_date)
);
-- One current allocation of each kind per child (one allocated social worker, one IRO...).
create unique index allocation_current on allocation (la_code, child_id, allocation_role) where end_date is null;
create index allocation_worker on allocation (la_code, worker_id) where end_date is null;
create index allocation_child on allocation (la_code, child_id, start_date);

-- Everything that happened to a child, in one place, in order.
create table chronology_entry (
  la_code text not null,
  entry_id uuid not null,
  child_id uuid not null,
  occurred_on date not null,
  category text not null,
  summary text not null,
  record_type text,
  record_id uuid,
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, entry_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index chronology_child on chronology_entry (la_code, child_id, occurred_on desc, recorded_at desc);

-- Every version of every versioned record, including the current one: the values, who made
-- the change and when. Nothing here is updated or deleted.
create table record_version (
  la_code text not null,
  record_type text not null,
  record_id uuid not null,
  version integer not null,
  child_id uuid,
  data jsonb not null,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  primary key (la_code, record_type, record_id, version)
);
create index record_version_child on record_version (la_code, child_id) where child_id is not null;

create table app_user (
  la_code text not null references local_authority,
  user_id uuid not null,
  username text not null,
  display_name text not null,
  role text not null,
  worker_id uuid,
  password_hash text not null,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (la_code, user_id),
  unique (la_code, username),
  foreign key (la_code, worker_id) references worker (la_code, worker_id)
);
create index app_user_username on app_user (username);

-- A signed-in session. The cookie carries la_code and a random token; only the token's hash is
-- kept, so a copy of this table signs nobody in.
create table user_session (
  la_code text not null,
  token_hash text not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  primary key (la_code, token_hash),
  foreign key (la_code, user_id) references app_user (la_code, user_id)
);

-- Who saw or changed what, when and from where. Insert-only: the application's role may only
-- insert and select here, and triggers refuse updates and deletes from anyone.
create table audit_event (
  la_code text not null,
  audit_id bigint generated always as identity,
  occurred_at timestamptz not null default now(),
  user_id uuid,
  username text,
  user_role text,
  action text not null,
  record_type text,
  record_id text,
  child_id uuid,
  ip text,
  user_agent text,
  detail jsonb,
  primary key (la_code, audit_id)
);
create index audit_child on audit_event (la_code, child_id, occurred_at) where child_id is not null;
create index audit_user on audit_event (la_code, user_id, occurred_at);

create function audit_event_is_insert_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is insert-only' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_is_insert_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_is_insert_only();

-- England and Wales working days, filled from packages/core's calendar at start-up.
-- National reference data, the same for every council, so it carries no la_code (under Citus
-- it is a reference table, copied to every node). working_day_number increases by one on each
-- working day, so "n working days after" is a lookup and "working days between" a subtraction.
create table calendar_day (
  day date primary key,
  is_working_day boolean not null,
  working_day_number integer not null
);
create index calendar_working_day on calendar_day (working_day_number) where is_working_day;
