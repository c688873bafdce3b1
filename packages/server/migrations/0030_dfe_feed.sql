-- The DfE's daily children's social care feed (issue 19, reference/dfe-csc-api.md). Per child:
-- the last object sent and its SHA-256, so the next run sends only what changed; the submission's
-- state and the API's answer for the operator. Per run: the counts the administrator's page shows.
create table dfe_feed_run (
  la_code text not null references local_authority (la_code),
  run_id uuid not null,
  run_on date not null,
  dry_run boolean not null default false,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  sent_full integer not null default 0,
  sent_partial integer not null default 0,
  unchanged integer not null default 0,
  purged integer not null default 0,
  failed integer not null default 0,
  primary key (la_code, run_id)
);
create index dfe_feed_run_latest on dfe_feed_run (la_code, started_at desc);

create table dfe_feed_child (
  la_code text not null,
  child_id uuid not null,
  la_child_id text not null,
  mis_child_id text not null,
  -- The full object as last sent (what the next run diffs against), and its SHA-256.
  last_payload jsonb,
  last_hash text,
  -- What was sent last (full, partial or purge) and the DfE's answer to it.
  last_sent jsonb,
  sent_kind text check (sent_kind in ('full', 'partial', 'purge')),
  state text not null default 'pending' check (state in ('pending', 'sent', 'error')),
  answer jsonb,
  in_cohort boolean not null default true,
  run_id uuid,
  updated_at timestamptz not null default now(),
  primary key (la_code, child_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index dfe_feed_child_errors on dfe_feed_child (la_code) where state = 'error';

grant select, insert, update on dfe_feed_run, dfe_feed_child to lantern_app;
select lantern_council_owned('dfe_feed_run');
select lantern_council_owned('dfe_feed_child');
