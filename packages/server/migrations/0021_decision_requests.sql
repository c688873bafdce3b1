-- Work a social worker sends to their manager for a decision: a case to close, a step-down to
-- early help, a plan to authorise. The manager approves (the closure is then recorded as their
-- decision, the plan as authorised) or returns it with reasons; a returned request stays with
-- the worker until they send it again. One open request per record.
create table decision_request (
  la_code text not null,
  request_id uuid not null,
  child_id uuid not null,
  kind text not null check (kind in ('closure', 'step-down', 'plan')),
  record_id uuid not null, -- the episode to close, or the plan document to authorise
  team_id uuid, -- the team whose manager decides: the team holding the case when it was sent
  proposal jsonb not null default '{}', -- a closure's details as the manager will record them
  reasons text not null, -- the worker's case for it
  status text not null default 'requested' check (status in ('requested', 'approved', 'returned', 'withdrawn')),
  sent_on date not null,
  sent_by uuid not null,
  times_sent integer not null default 1,
  decided_on date,
  decided_by uuid,
  decision_reasons text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (la_code, request_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, team_id) references team (la_code, team_id),
  check (status <> 'returned' or decision_reasons is not null),
  check (status not in ('approved', 'returned') or decided_on is not null)
);
create unique index decision_request_open on decision_request (la_code, kind, record_id) where status in ('requested', 'returned');
-- A manager's queue (few wait at once) and a worker's returned work.
create index decision_request_waiting on decision_request (la_code, team_id, sent_on) where status = 'requested';
create index decision_request_returned on decision_request (la_code, sent_by) where status = 'returned';
create index decision_request_child on decision_request (la_code, child_id);
select ledger_keep_versions_of('decision_request');

-- A plan is authorised by a manager (through a decision request).
alter table plan_document add column authorised_on date, add column authorised_by uuid;

grant select, insert, update, delete on decision_request to lantern_app;

-- Landing pages at scale (measured with `npm run bench -- landing` and EXPLAIN ANALYZE on PostgreSQL):
-- the service's overdue by team and rule, and a team's by worker, read from the index alone
-- (the heap was 9,000 pages for 41,000 overdue at 20,000 children); the children with an IRO now,
-- for the IRO manager's "without an IRO" and an IRO's recommendations.
create index obligation_open_owners on obligation (la_code, due_date) include (responsible_team_id, rule_id, responsible_worker_id)
  where met_on is null and ended_on is null;
create index allocation_iro_current on allocation (la_code, child_id, worker_id) where allocation_role = 'iro' and end_date is null;
