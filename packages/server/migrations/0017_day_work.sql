-- The day's work: routing a referred child to a team, transfers between teams, and the indexes
-- the landing pages read by.

-- The team holding a case: chosen by the front door when it refers the child, and moved by an
-- accepted transfer. While no social worker is allocated, the child's deadlines (allocation
-- among them) fall to this team and its manager. One current row per child.
create table case_team (
  la_code text not null,
  routing_id uuid not null,
  child_id uuid not null,
  team_id uuid not null,
  episode_id uuid,
  routed_on date not null,
  routed_by uuid,
  reason text not null,
  transfer_id uuid, -- set when the case came by an accepted transfer
  ended_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (la_code, routing_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, team_id) references team (la_code, team_id),
  check (ended_on is null or ended_on >= routed_on)
);
create unique index case_team_current on case_team (la_code, child_id) where ended_on is null;
create index case_team_team_current on case_team (la_code, team_id, routed_on) where ended_on is null;
select ledger_keep_versions_of('case_team');

-- A manager asks another team to take a case; that team's manager accepts or declines (with a
-- reason). One open request per child.
create table case_transfer (
  la_code text not null,
  transfer_id uuid not null,
  child_id uuid not null,
  from_team_id uuid,
  to_team_id uuid not null,
  requested_on date not null,
  requested_by uuid not null,
  reason text not null,
  status text not null default 'requested' check (status in ('requested', 'accepted', 'declined', 'withdrawn')),
  decided_on date,
  decided_by uuid,
  decision_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (la_code, transfer_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, to_team_id) references team (la_code, team_id),
  check ((status = 'requested') = (decided_on is null)),
  check (status <> 'declined' or decision_reason is not null)
);
create unique index case_transfer_open on case_transfer (la_code, child_id) where status = 'requested';
create index case_transfer_to_team_open on case_transfer (la_code, to_team_id) where status = 'requested';
select ledger_keep_versions_of('case_transfer');

-- Landing pages: open deadlines by rule (an IRO's reviews, the service's overdue by rule), by the
-- child (the child's "What is due"); contacts awaiting a decision and decided on a day;
-- assessments awaiting a manager; a worker's newest allocations.
create index obligation_rule_open on obligation (la_code, rule_id, responsible_worker_id, due_date) where met_on is null and ended_on is null;
create index obligation_child_open on obligation (la_code, child_id, due_date) where met_on is null and ended_on is null;
create index contact_awaiting_decision on contact (la_code, received_at) where decision is null;
create index contact_decided_on on contact (la_code, decided_on) where decided_on is not null;
create index assessment_awaiting_authorisation on assessment (la_code, completed_on) where completed_on is not null and authorised_on is null;
create index allocation_worker_started on allocation (la_code, worker_id, start_date);
