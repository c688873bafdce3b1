-- The practice record, first half: the child and family assessment as written, the section 47
-- enquiry's findings, and plans that are kept (outcomes, actions with owners and dates, the
-- contingency), with progress against each action at core groups and reviews.
--
-- The worker's and the manager's safety scales are not kept here: they are written to the
-- risk assessment the oversight area's risk-scaling view reads (risk_assessment, 0007), which
-- the assessment names. One fact, not two.

create table assessment_record (
  la_code text not null,
  assessment_id uuid not null, -- one written record per assessment (0003)
  child_id uuid not null,
  lived_experience text not null default '',
  child_words text not null default '',
  worries text not null default '',
  working_well text not null default '',
  parents_views text not null default '',
  partner_views text not null default '',
  analysis text not null default '',
  recommendation text not null default '',
  status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'authorised')),
  submitted_on date,
  submitted_by uuid,
  returned_on date,
  returned_by uuid,
  return_reasons text,
  times_returned integer not null default 0,
  risk_assessment_id uuid,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, assessment_id),
  foreign key (la_code, assessment_id) references assessment (la_code, assessment_id),
  foreign key (la_code, risk_assessment_id) references risk_assessment (la_code, risk_assessment_id),
  check (status <> 'returned' or return_reasons is not null),
  check (status = 'draft' or submitted_on is not null)
);
create index assessment_record_child on assessment_record (la_code, child_id);
-- A worker's list of assessments returned to them: few rows, looked up by who submitted.
create index assessment_record_returned on assessment_record (la_code, submitted_by) where status = 'returned';
select ledger_keep_versions_of('assessment_record');

-- What the section 47 enquiry found: each concern, whether significant harm was substantiated
-- and why, and the reasons to convene (or not) an initial child protection conference.
create table section47_findings (
  la_code text not null,
  s47_id uuid not null,
  child_id uuid not null,
  concerns jsonb not null, -- [{concern, found, substantiated: boolean, why}]
  convene boolean not null,
  convene_reasons text not null,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, s47_id),
  foreign key (la_code, s47_id) references section47 (la_code, s47_id),
  check (jsonb_typeof(concerns) = 'array' and jsonb_array_length(concerns) > 0)
);
create index section47_findings_child on section47_findings (la_code, child_id);
select ledger_keep_versions_of('section47_findings');

-- One plan document serves the four kinds. It belongs to the plan row its kind keeps: a child
-- in need plan (cin_plan), a protection plan (cp_plan), a period of care for the care plan and
-- its placement plan (care_period, from cla_episode), or a pathway plan (pathway_plan). The
-- reference cannot be one foreign key; the service checks it against the kind.
create table plan_document (
  la_code text not null,
  plan_document_id uuid not null,
  child_id uuid not null,
  kind text not null check (kind in ('child-in-need', 'protection', 'care', 'pathway')),
  plan_ref uuid not null,
  -- A protection plan: the outline agreed at the initial conference, made detailed by the first core group.
  stage text check (stage in ('outline', 'detailed')),
  outcomes jsonb not null default '[]', -- [{outcomeId, text, measure}]: what must change, in the family's words
  contingency text not null default '',
  placement_plan text, -- a care plan's placement plan
  agreed_on date not null,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, plan_document_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  unique (la_code, kind, plan_ref),
  check ((kind = 'protection') = (stage is not null)),
  check (jsonb_typeof(outcomes) = 'array')
);
create index plan_document_child on plan_document (la_code, child_id);
select ledger_keep_versions_of('plan_document');

-- Each action on a plan: what, who (a worker, a partner agency contact, a parent or carer, the
-- child) and by when. Each is a `plan-action` deadline owed by its owner (migration-free: the
-- engine derives it). Withdrawn actions stay, for the plan's history.
create table plan_action (
  la_code text not null,
  action_id uuid not null,
  plan_document_id uuid not null,
  child_id uuid not null,
  outcome_id text, -- the outcome it serves, if one
  what text not null,
  owner_kind text not null check (owner_kind in ('worker', 'partner', 'parent-carer', 'child')),
  owner_worker_id uuid,
  owner_contact_id uuid,
  owner_name text, -- a parent's or carer's name as the family uses it
  set_on date not null, -- the plan or meeting that set it
  due_on date not null,
  completed_on date,
  withdrawn_on date,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, action_id),
  foreign key (la_code, plan_document_id) references plan_document (la_code, plan_document_id),
  foreign key (la_code, owner_worker_id) references worker (la_code, worker_id),
  foreign key (la_code, owner_contact_id) references partner_contact (la_code, contact_id),
  check ((owner_kind = 'worker') = (owner_worker_id is not null)),
  check ((owner_kind = 'partner') = (owner_contact_id is not null)),
  check (owner_kind <> 'parent-carer' or owner_name is not null),
  check (due_on >= set_on)
);
create index plan_action_plan on plan_action (la_code, plan_document_id);
create index plan_action_child on plan_action (la_code, child_id);
create index plan_action_contact on plan_action (la_code, owner_contact_id) where owner_contact_id is not null and completed_on is null and withdrawn_on is null;
select ledger_keep_versions_of('plan_action');

-- Progress against an action at a core group or a child in need review: done, partly, not done.
create table plan_action_progress (
  la_code text not null,
  progress_id uuid not null,
  action_id uuid not null,
  child_id uuid not null,
  meeting_kind text not null check (meeting_kind in ('core-group', 'cin-plan-review', 'review')),
  meeting_id uuid,
  held_on date not null,
  progress text not null check (progress in ('done', 'partly', 'not-done')),
  note text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, progress_id),
  foreign key (la_code, action_id) references plan_action (la_code, action_id)
);
create index plan_action_progress_action on plan_action_progress (la_code, action_id, held_on);
create index plan_action_progress_child on plan_action_progress (la_code, child_id);

grant select, insert, update, delete on assessment_record, section47_findings, plan_document, plan_action, plan_action_progress to lantern_app;
