-- Legal planning and court proceedings under the Public Law Outline (issue 20, legal half): the
-- legal planning (gateway) meeting and its decision; pre-proceedings with the letter, the meeting,
-- reviews, assessments and the end; care and supervision proceedings with hearings, the court's
-- extensions and its orders. An order for a looked-after child changes the legal status on the
-- child's cla_episode (the looked-after area's change), which court_order names: one fact.

create table legal_planning_meeting (
  la_code text not null,
  meeting_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  -- [{role, name}]: the council's lawyer among them.
  attendees jsonb not null default '[]'::jsonb,
  threshold text not null,
  decision text check (decision in ('no-order', 'pre-proceedings', 'proceedings-urgent', 'proceedings-planned')),
  reasons text,
  decided_on date,
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, meeting_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check ((decision is null) = (decided_on is null) and (decision is null) = (reasons is null)),
  check (decided_on is null or decided_on >= held_on)
);
create index legal_planning_meeting_child on legal_planning_meeting (la_code, child_id);
select ledger_keep_versions_of('legal_planning_meeting');

create table pre_proceedings (
  la_code text not null,
  pre_proceedings_id uuid not null,
  child_id uuid not null,
  planning_meeting_id uuid,
  letter_sent_on date not null,
  letter_to text not null,
  meeting_held_on date,
  plan_agreed text,
  -- An extension of the 16 weeks: the new date and why (each one a version of this record).
  extended_to date,
  extension_reason text,
  ended_on date,
  outcome text check (outcome in ('stepped-down', 'proceedings-issued')),
  end_reasons text,
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, pre_proceedings_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, planning_meeting_id) references legal_planning_meeting (la_code, meeting_id),
  check ((ended_on is null) = (outcome is null)),
  check ((extended_to is null) = (extension_reason is null)),
  check (meeting_held_on is null or meeting_held_on >= letter_sent_on),
  check (ended_on is null or ended_on >= letter_sent_on)
);
create index pre_proceedings_child on pre_proceedings (la_code, child_id);
create index pre_proceedings_open on pre_proceedings (la_code) where ended_on is null;
select ledger_keep_versions_of('pre_proceedings');

create table pre_proceedings_review (
  la_code text not null,
  review_id uuid not null,
  pre_proceedings_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  progress text not null,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, review_id),
  foreign key (la_code, pre_proceedings_id) references pre_proceedings (la_code, pre_proceedings_id)
);
create index pre_proceedings_review_child on pre_proceedings_review (la_code, child_id);

create table care_proceedings (
  la_code text not null,
  proceedings_id uuid not null,
  child_id uuid not null,
  pre_proceedings_id uuid,
  issued_on date not null,
  court text not null,
  case_number text not null,
  application_type text not null check (application_type in (
    'care-order', 'supervision-order', 'placement-order', 'emergency-protection-order', 'interim-care-order', 'interim-supervision-order')),
  -- 26 weeks from issue, or the date of the court's latest extension.
  due_on date not null,
  concluded_on date,
  outcome text check (outcome in ('final-order', 'withdrawn')),
  outcome_reasons text,
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, proceedings_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, pre_proceedings_id) references pre_proceedings (la_code, pre_proceedings_id),
  check ((concluded_on is null) = (outcome is null)),
  check (concluded_on is null or concluded_on >= issued_on),
  check (due_on > issued_on)
);
create index care_proceedings_child on care_proceedings (la_code, child_id);
create index care_proceedings_open on care_proceedings (la_code) where concluded_on is null;
select ledger_keep_versions_of('care_proceedings');

create table court_hearing (
  la_code text not null,
  hearing_id uuid not null,
  proceedings_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  hearing_type text not null check (hearing_type in ('first-hearing', 'case-management', 'issues-resolution', 'final', 'other')),
  notes text,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, hearing_id),
  foreign key (la_code, proceedings_id) references care_proceedings (la_code, proceedings_id)
);
create index court_hearing_child on court_hearing (la_code, child_id);

-- Each extension of the 26 weeks the court grants: at most 8 weeks (checked by the service too).
create table proceedings_extension (
  la_code text not null,
  extension_id uuid not null,
  proceedings_id uuid not null,
  child_id uuid not null,
  granted_on date not null,
  previous_due_on date not null,
  new_due_on date not null,
  reason text not null,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, extension_id),
  foreign key (la_code, proceedings_id) references care_proceedings (la_code, proceedings_id),
  check (new_due_on > previous_due_on and new_due_on <= previous_due_on + 56)
);
create index proceedings_extension_child on proceedings_extension (la_code, child_id);

create table court_order (
  la_code text not null,
  order_id uuid not null,
  proceedings_id uuid not null,
  child_id uuid not null,
  made_on date not null,
  order_type text not null check (order_type in (
    'emergency-protection-order', 'interim-care-order', 'interim-supervision-order', 'care-order', 'supervision-order', 'placement-order', 'no-order')),
  is_final boolean not null,
  -- The SSDA903 legal status it gave the looked-after child, and the episode that records it.
  legal_status text,
  cla_episode_id uuid,
  notes text,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, order_id),
  foreign key (la_code, proceedings_id) references care_proceedings (la_code, proceedings_id),
  foreign key (la_code, cla_episode_id) references cla_episode (la_code, cla_episode_id)
);
create index court_order_child on court_order (la_code, child_id);

create table legal_assessment (
  la_code text not null,
  assessment_id uuid not null,
  child_id uuid not null,
  kind text not null check (kind in ('parenting', 'family-and-friends', 'expert')),
  commissioned_on date not null,
  assessor text not null,
  due_on date,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, assessment_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index legal_assessment_child on legal_assessment (la_code, child_id);

grant select, insert, update, delete on legal_planning_meeting, pre_proceedings, pre_proceedings_review, care_proceedings,
  court_hearing, proceedings_extension, court_order, legal_assessment to lantern_app;
