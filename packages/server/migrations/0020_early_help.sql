-- Early help (issue 20, second half): the early help episode a child is in when the front door
-- decides a contact as early help, an assessment closes with RC9, or a closed child-in-need
-- episode is stepped down; its lead professional, the team around the family, the early help
-- assessment, reviews and the end. The early help plan is a plan_document of kind 'early-help'
-- (the practice record's plan model, 0016), not a second plan model. A contact or referral for a
-- child in, or recently in, early help is linked to the episode (early_help_step_up), so the
-- person deciding sees it and the indicators can count step-ups.

create table early_help_episode (
  la_code text not null,
  early_help_id uuid not null,
  child_id uuid not null,
  started_on date not null,
  -- How it began: a contact decided as early help, an assessment closed with RC9, or a step-down
  -- from a closed child-in-need episode.
  route text not null check (route in ('contact', 'assessment', 'step-down')),
  contact_id uuid,
  cin_episode_id uuid, -- the child-in-need episode stepped down from (RC9 or a step-down)
  reasons text not null,
  -- The lead professional: a worker of the council or a person at a partner agency.
  lead_kind text check (lead_kind in ('worker', 'partner')),
  lead_worker_id uuid,
  lead_contact_id uuid,
  -- [{name, role, agency, partnerContactId, workerId}]: the team around the family.
  team_around_family jsonb not null default '[]'::jsonb,
  -- The early help assessment, as written with the family.
  assessment_completed_on date,
  assessment_strengths text,
  assessment_needs text,
  assessment_family_views text,
  ended_on date,
  end_outcome text check (end_outcome in ('needs-met', 'stepped-up', 'disengaged')),
  end_reasons text,
  stepped_up_episode_id uuid, -- the child-in-need episode a step-up opened
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, early_help_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, contact_id) references contact (la_code, contact_id),
  foreign key (la_code, cin_episode_id) references cin_episode (la_code, episode_id),
  foreign key (la_code, stepped_up_episode_id) references cin_episode (la_code, episode_id),
  foreign key (la_code, lead_worker_id) references worker (la_code, worker_id),
  foreign key (la_code, lead_contact_id) references partner_contact (la_code, contact_id),
  check ((route = 'contact') = (contact_id is not null)),
  check ((route = 'contact') = (cin_episode_id is null)),
  check ((lead_kind = 'worker') = (lead_worker_id is not null)),
  check ((lead_kind = 'partner') = (lead_contact_id is not null)),
  check (jsonb_typeof(team_around_family) = 'array'),
  check ((ended_on is null) = (end_outcome is null)),
  check ((ended_on is null) = (end_reasons is null)),
  check (ended_on is null or ended_on >= started_on),
  check (assessment_completed_on is null or assessment_completed_on >= started_on),
  check (stepped_up_episode_id is null or end_outcome = 'stepped-up')
);
create index early_help_episode_child on early_help_episode (la_code, child_id, started_on);
-- At most one open episode a child.
create unique index early_help_episode_open on early_help_episode (la_code, child_id) where ended_on is null;
select ledger_keep_versions_of('early_help_episode');

-- A review of the early help plan with the family and the team around them.
create table early_help_review (
  la_code text not null,
  review_id uuid not null,
  early_help_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  attended text not null,
  progress text not null,
  family_views text not null default '',
  next_review_on date,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, review_id),
  foreign key (la_code, early_help_id) references early_help_episode (la_code, early_help_id),
  check (next_review_on is null or next_review_on > held_on)
);
create index early_help_review_episode on early_help_review (la_code, early_help_id, held_on);

-- A contact or referral for a child in early help, or whose early help ended in the 12 months
-- before: linked to the episode when it arrives, so the front door sees it when deciding.
create table early_help_step_up (
  la_code text not null,
  link_id uuid not null,
  early_help_id uuid not null,
  child_id uuid not null,
  contact_id uuid,
  cin_episode_id uuid,
  linked_on date not null,
  open_then boolean not null, -- the episode was open when the contact or referral came
  created_at timestamptz not null default now(),
  primary key (la_code, link_id),
  foreign key (la_code, early_help_id) references early_help_episode (la_code, early_help_id),
  foreign key (la_code, contact_id) references contact (la_code, contact_id),
  foreign key (la_code, cin_episode_id) references cin_episode (la_code, episode_id),
  check ((contact_id is null) <> (cin_episode_id is null))
);
create index early_help_step_up_episode on early_help_step_up (la_code, early_help_id);
create index early_help_step_up_contact on early_help_step_up (la_code, contact_id) where contact_id is not null;

-- The early help plan is a plan document like the other four kinds; its actions and their
-- progress at early help reviews are the practice record's.
alter table plan_document drop constraint plan_document_kind_check;
alter table plan_document add constraint plan_document_kind_check check (kind in ('child-in-need', 'protection', 'care', 'pathway', 'early-help'));
alter table plan_action_progress drop constraint plan_action_progress_meeting_kind_check;
alter table plan_action_progress add constraint plan_action_progress_meeting_kind_check
  check (meeting_kind in ('core-group', 'cin-plan-review', 'review', 'early-help-review'));

grant select, insert, update, delete on early_help_episode, early_help_review, early_help_step_up to lantern_app;
