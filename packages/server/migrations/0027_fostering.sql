-- The fostering service (issue 22): the council's own foster carers. A household and its members,
-- each adult's checks, recruitment (enquiry, application, stage one, stage two, panel, the decision
-- maker), the approval and its terms, a connected person approved temporarily, supervising visits,
-- annual reviews, training and the TSD standards, allegations, and the household's status with the
-- reason it left. A looked-after placement with an in-house carer names the household on the same
-- cla_episode the SSDA903 return reads. The household's deadlines belong to the household, not a
-- child, so they are derived into a table of their own (as workers' are, worker_obligation).

create table foster_household (
  la_code text not null,
  household_id uuid not null,
  reference text not null, -- FC-0001: how the fostering team names a household
  name text not null,
  kind text not null default 'mainstream' check (kind in ('mainstream', 'connected-person')),
  status text not null default 'enquiry'
    check (status in ('enquiry', 'assessment', 'approved', 'on-hold', 'resigned', 'deregistered', 'withdrawn')),
  address_line text not null default '',
  postcode text not null default '',
  phone text not null default '',
  email text not null default '',
  supervising_worker_id uuid,
  enquiry_on date not null,
  application_on date,
  stage_one_on date,
  stage_two_on date,
  panel_on date,
  panel_recommendation text check (panel_recommendation in ('approve', 'do-not-approve')),
  decision_on date,
  decision text check (decision in ('approved', 'not-approved')),
  decision_reasons text,
  -- The terms of approval: how many children, their ages, sex, and the kinds of placement.
  max_children integer check (max_children between 1 and 6),
  age_from integer check (age_from between 0 and 17),
  age_to integer check (age_to between 0 and 17),
  terms_sex text check (terms_sex in ('any', 'female', 'male')),
  placement_types text[],
  -- A connected person approved temporarily when a child is placed with them (reg. 24).
  temporary_child_id uuid,
  temporary_from date,
  temporary_reasons text,
  temporary_extension_reason text,
  left_on date,
  leaving_reason text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, household_id),
  unique (la_code, reference),
  foreign key (la_code, supervising_worker_id) references worker (la_code, worker_id),
  foreign key (la_code, temporary_child_id) references person (la_code, person_id),
  check (application_on is null or application_on >= enquiry_on),
  check (stage_one_on is null or stage_one_on >= application_on),
  check (stage_two_on is null or stage_two_on >= application_on),
  check (panel_on is null or panel_on >= stage_two_on),
  check ((panel_on is null) = (panel_recommendation is null)),
  check ((decision_on is null) = (decision is null)),
  check (decision is null or decision_on >= coalesce(panel_on, decision_on)),
  check ((max_children is null) = (decision is distinct from 'approved')),
  check (age_from is null or age_to >= age_from),
  check ((temporary_child_id is null) = (temporary_from is null)),
  check (temporary_extension_reason is null or temporary_from is not null),
  check ((status in ('resigned', 'deregistered', 'withdrawn')) = (left_on is not null)),
  check (leaving_reason is null or left_on is not null)
);
create index foster_household_status on foster_household (la_code, status);
select ledger_keep_versions_of('foster_household');

create table foster_household_member (
  la_code text not null,
  member_id uuid not null,
  household_id uuid not null,
  given_name text not null,
  family_name text not null,
  date_of_birth date not null,
  role text not null check (role in ('applicant', 'second-carer', 'adult-member', 'child')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (la_code, member_id),
  foreign key (la_code, household_id) references foster_household (la_code, household_id)
);
create index foster_household_member_household on foster_household_member (la_code, household_id);
select ledger_keep_versions_of('foster_household_member');

-- Each adult's checks: DBS, references, medical, local authority — dates and outcomes.
create table foster_member_check (
  la_code text not null,
  check_id uuid not null,
  member_id uuid not null,
  household_id uuid not null,
  kind text not null check (kind in ('dbs', 'reference', 'medical', 'local-authority', 'employer')),
  requested_on date not null,
  completed_on date,
  outcome text check (outcome in ('clear', 'concerns-noted', 'not-suitable')),
  notes text not null default '',
  created_at timestamptz not null default now(),
  primary key (la_code, check_id),
  foreign key (la_code, member_id) references foster_household_member (la_code, member_id),
  foreign key (la_code, household_id) references foster_household (la_code, household_id),
  check ((completed_on is null) = (outcome is null)),
  check (completed_on is null or completed_on >= requested_on)
);
create index foster_member_check_household on foster_member_check (la_code, household_id);

create table foster_visit (
  la_code text not null,
  visit_id uuid not null,
  household_id uuid not null,
  visited_on date not null,
  unannounced boolean not null default false,
  notes text not null,
  worker_id uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, visit_id),
  foreign key (la_code, household_id) references foster_household (la_code, household_id),
  foreign key (la_code, worker_id) references worker (la_code, worker_id)
);
create index foster_visit_household on foster_visit (la_code, household_id, visited_on);

create table foster_review (
  la_code text not null,
  review_id uuid not null,
  household_id uuid not null,
  held_on date not null,
  outcome text not null check (outcome in ('continue', 'change-terms', 'to-panel', 'terminate')),
  carers_views text not null default '',
  notes text not null default '',
  created_at timestamptz not null default now(),
  primary key (la_code, review_id),
  foreign key (la_code, household_id) references foster_household (la_code, household_id)
);
create index foster_review_household on foster_review (la_code, household_id, held_on);

create table foster_training (
  la_code text not null,
  training_id uuid not null,
  household_id uuid not null,
  completed_on date not null,
  title text not null,
  tsd_standards boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (la_code, training_id),
  foreign key (la_code, household_id) references foster_household (la_code, household_id)
);
create index foster_training_household on foster_training (la_code, household_id, completed_on);

create table foster_allegation (
  la_code text not null,
  allegation_id uuid not null,
  household_id uuid not null,
  child_id uuid,
  made_on date not null,
  summary text not null,
  outcome text check (outcome in ('substantiated', 'unsubstantiated', 'unfounded', 'false', 'malicious')),
  outcome_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (la_code, allegation_id),
  foreign key (la_code, household_id) references foster_household (la_code, household_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check ((outcome is null) = (outcome_on is null)),
  check (outcome_on is null or outcome_on >= made_on)
);
create index foster_allegation_household on foster_allegation (la_code, household_id);
select ledger_keep_versions_of('foster_allegation');

-- The placement names the carer household (in-house foster care).
alter table cla_episode add column foster_household_id uuid;
alter table cla_episode add foreign key (la_code, foster_household_id) references foster_household (la_code, household_id);
create index cla_episode_foster_household on cla_episode (la_code, foster_household_id) where foster_household_id is not null;

-- The household's deadlines, derived from the record (areas/fostering/obligations.ts).
create table foster_obligation (
  la_code text not null,
  household_id uuid not null,
  rule_id text not null,
  source_id uuid not null,
  start_date date not null,
  due_date date not null,
  met_on date,
  ended_on date,
  end_reason text,
  responsible_worker_id uuid,
  responsible_team_id uuid,
  refreshed_at timestamptz not null default now(),
  primary key (la_code, household_id, rule_id, source_id),
  check (met_on is null or ended_on is null)
);
create index foster_obligation_open on foster_obligation (la_code, due_date) where met_on is null and ended_on is null;

grant select, insert, update, delete on foster_household, foster_household_member, foster_member_check, foster_visit, foster_review,
  foster_training, foster_allegation, foster_obligation to lantern_app;

select lantern_council_owned('foster_household');
select lantern_council_owned('foster_household_member');
select lantern_council_owned('foster_member_check');
select lantern_council_owned('foster_visit');
select lantern_council_owned('foster_review');
select lantern_council_owned('foster_training');
select lantern_council_owned('foster_allegation');
select lantern_council_owned('foster_obligation');
