-- Sign-in and accounts (issue 16): the council's identity provider, throttling, idle sessions,
-- and two people for any grant that reaches restricted records or another worker's cases.

-- A person signing in through the council's identity provider is matched by the provider's
-- subject, else by email. An account that only signs in that way has no password.
alter table app_user add column email text;
alter table app_user add column oidc_subject text;
alter table app_user alter column password_hash drop not null;
-- Created with a role or worker binding that a head of service has not yet approved: cannot sign in.
alter table app_user add column awaiting_approval boolean not null default false;
-- An administrator set a temporary password: the person must choose their own before signing in.
alter table app_user add column password_reset_required boolean not null default false;
create unique index app_user_oidc_subject on app_user (la_code, oidc_subject) where oidc_subject is not null;
create index app_user_email on app_user (lower(email)) where email is not null;

-- Idle sessions end: the last request is noted (at most once a minute).
alter table user_session add column last_seen_at timestamptz not null default now();
create index user_session_user on user_session (la_code, user_id);

-- Failed sign-ins per username and per address. Not a council's record: a username may exist in
-- several councils or none, and the answer must not depend on which, so there is no la_code.
create table sign_in_throttle (
  kind text not null check (kind in ('username', 'address')),
  subject text not null,
  failures integer not null check (failures > 0),
  first_failed_at timestamptz not null,
  last_failed_at timestamptz not null,
  -- No attempt is checked before this moment (slowed, then locked).
  wait_until timestamptz,
  primary key (kind, subject)
);

-- An administrator's request for a role that reaches restricted records, or to bind a login to
-- a worker; it takes effect only when a head of service approves it.
create table access_request (
  la_code text not null references local_authority,
  request_id uuid not null,
  user_id uuid not null,
  new_user boolean not null,
  role text not null,
  worker_id uuid,
  requested_by uuid not null,
  requested_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused', 'withdrawn')),
  decided_by uuid,
  decided_at timestamptz,
  version integer not null default 1,
  primary key (la_code, request_id),
  foreign key (la_code, user_id) references app_user (la_code, user_id),
  foreign key (la_code, worker_id) references worker (la_code, worker_id),
  foreign key (la_code, requested_by) references app_user (la_code, user_id),
  foreign key (la_code, decided_by) references app_user (la_code, user_id),
  check (decided_by is null or decided_by <> requested_by)
);
create unique index access_request_one_pending on access_request (la_code, user_id) where status = 'pending';
select ledger_keep_versions_of('access_request');
