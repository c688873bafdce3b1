-- Workforce and management oversight: what a manager and the director need every week
-- (caseloads, churn, supervision, induction) and the record of who decided what and why
-- (management decisions with their evidence, case audits, risk assessments).

-- What the workforce census asks of a worker, and what induction and the ASYE need.
alter table worker add column date_of_birth date;
alter table worker add column gender text check (gender in ('0', '1', '2', '9')); -- CSWW GenderCurrent
alter table worker add column ethnicity text;
alter table worker add column qualification_institution text;
alter table worker add column qualification_level text check (qualification_level in ('1', '2', '3')); -- CSWW QualLevel
alter table worker add column start_origin text; -- CSWW StartOrigin 1-10
alter table worker add column leave_reason text; -- CSWW ReasonLeave 1-10
-- A newly qualified social worker in their assessed and supported year: the day it began, and
-- the most cases they should hold while in it.
alter table worker add column asye_start date;
alter table worker add column protected_caseload integer check (protected_caseload is null or protected_caseload >= 0);
alter table worker add column supervisor_worker_id uuid;
alter table worker add foreign key (la_code, supervisor_worker_id) references worker (la_code, worker_id);

-- The posts a team is funded for, from a date: vacancies are funded posts not filled by
-- permanent staff (agency workers cover vacancies; the census counts them so).
create table team_establishment (
  la_code text not null,
  team_id uuid not null,
  effective_from date not null,
  funded_fte numeric(6, 2) not null check (funded_fte >= 0),
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, team_id, effective_from),
  foreign key (la_code, team_id) references team (la_code, team_id)
);

-- Formal supervision of a practitioner, and for each child discussed the direction given.
create table supervision (
  la_code text not null,
  supervision_id uuid not null,
  worker_id uuid not null, -- the practitioner supervised
  supervisor_worker_id uuid not null,
  held_on date not null,
  notes text,
  recorded_by uuid not null,
  recorded_at timestamptz not null default now(),
  primary key (la_code, supervision_id),
  foreign key (la_code, worker_id) references worker (la_code, worker_id),
  foreign key (la_code, supervisor_worker_id) references worker (la_code, worker_id),
  check (worker_id <> supervisor_worker_id)
);
create index supervision_worker on supervision (la_code, worker_id, held_on);

create table supervision_child (
  la_code text not null,
  supervision_id uuid not null,
  child_id uuid not null,
  direction text not null,
  primary key (la_code, supervision_id, child_id),
  foreign key (la_code, supervision_id) references supervision (la_code, supervision_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index supervision_child_child on supervision_child (la_code, child_id);

-- A new starter's induction: the council's checklist as it was when they started, each item
-- signed off when done.
create table induction_item (
  la_code text not null,
  worker_id uuid not null,
  item_id text not null,
  label text not null,
  completed_on date,
  completed_by uuid,
  primary key (la_code, worker_id, item_id),
  foreign key (la_code, worker_id) references worker (la_code, worker_id)
);

-- Management decisions on a child's record carry the evidence the manager saw.
alter table management_decision add column evidence_seen text;
create index management_decision_decider on management_decision (la_code, decided_by, decided_on);

-- Deadlines that belong to a worker rather than a child (supervision, induction), derived the
-- same set-based way as a child's obligations (kernel/worker-obligations.ts).
create table worker_obligation (
  la_code text not null,
  worker_id uuid not null,
  rule_id text not null,
  source_id uuid not null, -- the worker (start date) or the supervision that started the clock
  start_date date not null,
  due_date date not null,
  met_on date,
  ended_on date,
  end_reason text,
  responsible_worker_id uuid,
  responsible_team_id uuid,
  refreshed_at timestamptz not null default now(),
  primary key (la_code, worker_id, rule_id, source_id),
  check (met_on is null or ended_on is null)
);
create index worker_obligation_responsible_open on worker_obligation (la_code, responsible_worker_id, due_date) where met_on is null and ended_on is null;
create index worker_obligation_team_open on worker_obligation (la_code, responsible_team_id, due_date) where met_on is null and ended_on is null;

-- A case audit: graded against the council's questions, moderated by a second auditor.
create table case_audit (
  la_code text not null,
  case_audit_id uuid not null,
  child_id uuid not null,
  team_id uuid, -- the team holding the case when audited, for results by team
  audited_on date not null,
  auditor_user_id uuid not null,
  grade text not null check (grade in ('outstanding', 'good', 'requires-improvement', 'inadequate')),
  answers jsonb not null, -- [{ questionId, question, answer, comment }]
  summary text not null,
  moderator_user_id uuid,
  moderated_on date,
  moderated_grade text check (moderated_grade in ('outstanding', 'good', 'requires-improvement', 'inadequate')),
  moderation_notes text,
  version integer not null default 1,
  recorded_at timestamptz not null default now(),
  primary key (la_code, case_audit_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check ((moderator_user_id is null) = (moderated_on is null)),
  check (moderator_user_id is null or moderator_user_id <> auditor_user_id)
);
create index case_audit_child on case_audit (la_code, child_id, audited_on);
create index case_audit_team on case_audit (la_code, team_id, audited_on);

create table case_audit_action (
  la_code text not null,
  action_id uuid not null,
  case_audit_id uuid not null,
  child_id uuid not null,
  finding text not null,
  action text not null,
  owner_worker_id uuid not null,
  due_date date not null,
  completed_on date,
  version integer not null default 1,
  primary key (la_code, action_id),
  foreign key (la_code, case_audit_id) references case_audit (la_code, case_audit_id),
  foreign key (la_code, owner_worker_id) references worker (la_code, worker_id)
);
create index case_audit_action_owner on case_audit_action (la_code, owner_worker_id) where completed_on is null;

-- A structured risk assessment (worries, strengths, what needs to happen, and a 0-10 safety
-- scale from the worker and from the family), with the manager's view beside it.
create table risk_assessment (
  la_code text not null,
  risk_assessment_id uuid not null,
  child_id uuid not null,
  assessed_on date not null,
  worries text not null,
  strengths text not null,
  next_steps text not null,
  worker_scale integer not null check (worker_scale between 0 and 10),
  family_scale integer check (family_scale between 0 and 10),
  recorded_by uuid not null,
  manager_scale integer check (manager_scale between 0 and 10),
  manager_view text,
  manager_user_id uuid,
  manager_on date,
  version integer not null default 1,
  recorded_at timestamptz not null default now(),
  primary key (la_code, risk_assessment_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check ((manager_scale is null) = (manager_user_id is null))
);
create index risk_assessment_child on risk_assessment (la_code, child_id, assessed_on);
