-- An action from a case audit marked done: who said so, and the evidence that it was.
alter table case_audit_action add column completed_by uuid;
alter table case_audit_action add column completion_evidence text;
create index case_audit_action_child on case_audit_action (la_code, child_id);

-- Where a leaver went next (the workforce census's LeaverDestination, 1-9).
alter table worker add column leaver_destination text check (leaver_destination in ('1', '2', '3', '4', '5', '6', '7', '8', '9'));

-- A worker's absences: the census counts the working days lost to sickness in its year and
-- asks who was absent on 30 September, and why (ReasonAbsence: MAT, OTH, PUB, SIC, TRN, UNA, UNP).
-- An absence still running has no end date.
create table worker_absence (
  la_code text not null,
  absence_id uuid not null,
  worker_id uuid not null,
  start_date date not null,
  end_date date,
  reason text not null check (reason in ('MAT', 'OTH', 'PUB', 'SIC', 'TRN', 'UNA', 'UNP')),
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, absence_id),
  foreign key (la_code, worker_id) references worker (la_code, worker_id),
  check (end_date is null or end_date >= start_date)
);
create index worker_absence_worker on worker_absence (la_code, worker_id, start_date);
grant select, insert, update, delete on worker_absence to lantern_app;

-- A worker's allocations over time (not only the open ones, which allocation_worker covers): a
-- team's caseload at past month ends and each worker's cases on the census day read by worker.
create index allocation_worker_start on allocation (la_code, worker_id, start_date);

-- A worker's moves between teams, so a team's figures for a past month count each worker in the
-- team they were in then. worker.team_id stays the current team; before a worker's first move
-- they were in its from_team_id, and with no moves always in worker.team_id.
create table worker_team_move (
  la_code text not null,
  worker_id uuid not null,
  moved_on date not null,
  from_team_id uuid,
  to_team_id uuid not null,
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, worker_id, moved_on),
  foreign key (la_code, worker_id) references worker (la_code, worker_id),
  foreign key (la_code, from_team_id) references team (la_code, team_id),
  foreign key (la_code, to_team_id) references team (la_code, team_id)
);
grant select, insert, update, delete on worker_team_move to lantern_app;
