-- Conferences and looked-after reviews as the practice record (issue 13, second half): who was
-- invited and who came, how the child's views were heard, the decisions and when they and the
-- full record were written; the recommendations with an owner and a date; and the IRO's
-- escalations through the dispute resolution stages. Every table is versioned by the ledger.

-- The record of one meeting: a child protection conference (cp_conference) or a looked-after
-- review (cla_review), keyed by that meeting's id. The review's participation code stays on
-- cla_review (the SSDA903 export reads it there); a conference's voice is `views_heard`.
create table meeting_record (
  la_code text not null,
  meeting_id uuid not null,
  child_id uuid not null,
  meeting_kind text not null check (meeting_kind in ('conference', 'review')),
  -- [{role, name, agency, partnerContactId, invited, attended, report}] as the form gave them.
  attendees jsonb not null default '[]'::jsonb,
  views_heard text,
  child_words text,
  decisions text,
  decisions_sent_on date,
  record_written_on date,
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, meeting_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index meeting_record_child on meeting_record (la_code, child_id);
select ledger_keep_versions_of('meeting_record');

-- A recommendation of a review or conference: owned by a worker, due on its date (or 20 working
-- days after the meeting), met when marked done with a note (rule iro-recommendation).
create table meeting_recommendation (
  la_code text not null,
  recommendation_id uuid not null,
  child_id uuid not null,
  meeting_id uuid not null,
  meeting_kind text not null check (meeting_kind in ('conference', 'review')),
  held_on date not null,
  recommendation text not null,
  owner_worker_id uuid not null,
  due_on date,
  done_on date,
  done_note text,
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, recommendation_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, owner_worker_id) references worker (la_code, worker_id),
  check ((done_on is null) = (done_note is null)),
  check (due_on is null or due_on >= held_on),
  check (done_on is null or done_on >= held_on)
);
create index meeting_recommendation_child on meeting_recommendation (la_code, child_id);
create index meeting_recommendation_meeting on meeting_recommendation (la_code, meeting_id);
create index meeting_recommendation_owner on meeting_recommendation (la_code, owner_worker_id) where done_on is null;
select ledger_keep_versions_of('meeting_recommendation');

-- The IRO's concern about a child's plan, taken through the dispute resolution stages.
create table iro_escalation (
  la_code text not null,
  escalation_id uuid not null,
  child_id uuid not null,
  raised_by_worker_id uuid not null,
  raised_on date not null,
  concern text not null,
  stage text not null check (stage in ('team-manager', 'service-manager', 'head-of-service', 'director')),
  resolved_on date,
  resolution text,
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, escalation_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, raised_by_worker_id) references worker (la_code, worker_id),
  check ((resolved_on is null) = (resolution is null))
);
create index iro_escalation_child on iro_escalation (la_code, child_id);
create index iro_escalation_open on iro_escalation (la_code) where resolved_on is null;
select ledger_keep_versions_of('iro_escalation');

-- Each stage: owed by the person at that stage (rule iro-escalation-stage), answered by
-- resolving the concern or moving it to the next stage, with a note.
create table iro_escalation_stage (
  la_code text not null,
  stage_id uuid not null,
  escalation_id uuid not null,
  child_id uuid not null,
  stage text not null check (stage in ('team-manager', 'service-manager', 'head-of-service', 'director')),
  raised_on date not null,
  owner_worker_id uuid not null,
  answered_on date,
  outcome text check (outcome in ('resolved', 'escalated')),
  note text,
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, stage_id),
  unique (la_code, escalation_id, stage),
  foreign key (la_code, escalation_id) references iro_escalation (la_code, escalation_id),
  foreign key (la_code, owner_worker_id) references worker (la_code, worker_id),
  check ((answered_on is null) = (outcome is null) and (outcome is null) = (note is null)),
  check (answered_on is null or answered_on >= raised_on)
);
create index iro_escalation_stage_child on iro_escalation_stage (la_code, child_id);
select ledger_keep_versions_of('iro_escalation_stage');

grant select, insert, update, delete on meeting_record, meeting_recommendation, iro_escalation, iro_escalation_stage to lantern_app;
