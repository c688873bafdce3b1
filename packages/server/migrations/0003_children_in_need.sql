-- Children in need and child protection: from contact to closure, and the obligations
-- (statutory and policy deadlines) each step opens and meets. Every table: la_code first.

create table contact (
  la_code text not null,
  contact_id uuid not null,
  child_id uuid not null,
  received_at timestamptz not null,
  received_on date not null, -- the date in England the contact arrived: day 0 of its clock
  source text not null,
  presenting_concern text not null,
  significant_harm_suspected boolean not null default false,
  decision text check (decision in ('nfa', 'early-help', 'referral')),
  decided_on date,
  decided_by uuid,
  decision_reason text,
  episode_id uuid,
  version integer not null default 1,
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, contact_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check ((decision is null) = (decided_on is null))
);
create index contact_child on contact (la_code, child_id, received_on);

-- A child-in-need episode, from referral to closure (the CIN census's CINdetails).
create table cin_episode (
  la_code text not null,
  episode_id uuid not null,
  child_id uuid not null,
  contact_id uuid,
  referral_date date not null,
  referral_source text not null,
  primary_need text not null,
  referral_nfa boolean not null default false,
  referrals_previous_12_months integer not null default 0,
  previous_episode_id uuid,
  closure_date date,
  closure_reason text,
  closure_decision_id uuid,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, episode_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check ((closure_date is null) = (closure_reason is null)),
  check (closure_date is null or closure_date >= referral_date)
);
-- A child has at most one open episode.
create unique index cin_episode_open on cin_episode (la_code, child_id) where closure_date is null;
create index cin_episode_child on cin_episode (la_code, child_id, referral_date);

create table assessment (
  la_code text not null,
  assessment_id uuid not null,
  episode_id uuid not null,
  child_id uuid not null,
  start_date date not null,
  child_seen_on date,
  child_seen_alone boolean,
  factors text[] not null default '{}',
  completed_on date,
  outcome text check (outcome in ('no-further-action', 'early-help', 'child-in-need-plan', 'strategy-discussion', 'looked-after')),
  authorised_on date,
  authorised_by uuid,
  late_reason text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, assessment_id),
  foreign key (la_code, episode_id) references cin_episode (la_code, episode_id),
  check (completed_on is null or completed_on >= start_date),
  check (authorised_on is null or (completed_on is not null and authorised_on >= completed_on))
);
create index assessment_episode on assessment (la_code, episode_id);
create index assessment_child on assessment (la_code, child_id);

create table strategy_discussion (
  la_code text not null,
  strategy_id uuid not null,
  episode_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  agencies text[] not null,
  decision text not null check (decision in ('section-47', 'no-section-47')),
  reasons text not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, strategy_id),
  foreign key (la_code, episode_id) references cin_episode (la_code, episode_id)
);
create index strategy_episode on strategy_discussion (la_code, episode_id, held_on);
create index strategy_child on strategy_discussion (la_code, child_id, held_on);

create table section47 (
  la_code text not null,
  s47_id uuid not null,
  episode_id uuid not null,
  child_id uuid not null,
  strategy_id uuid not null,
  start_date date not null,
  completed_on date,
  outcome text check (outcome in ('conference', 'no-further-action', 'child-in-need-plan')),
  icpc_not_required boolean not null default false,
  icpc_not_required_reason text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, s47_id),
  foreign key (la_code, episode_id) references cin_episode (la_code, episode_id),
  foreign key (la_code, strategy_id) references strategy_discussion (la_code, strategy_id),
  check (not icpc_not_required or icpc_not_required_reason is not null)
);
create index s47_episode on section47 (la_code, episode_id);
create index s47_child on section47 (la_code, child_id);

create table cp_plan (
  la_code text not null,
  plan_id uuid not null,
  episode_id uuid not null,
  child_id uuid not null,
  start_date date not null,
  initial_category text not null,
  latest_category text not null,
  previous_plans integer not null default 0,
  end_date date,
  end_reason text,
  what_changed text,
  change_sustained_weeks integer,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, plan_id),
  foreign key (la_code, episode_id) references cin_episode (la_code, episode_id),
  check (end_date is null or end_date >= start_date)
);
create unique index cp_plan_open on cp_plan (la_code, child_id) where end_date is null;
create index cp_plan_episode on cp_plan (la_code, episode_id);
create index cp_plan_child on cp_plan (la_code, child_id);

-- Initial and review child protection conferences; what was decided and whether the child and
-- the parents met the person deciding, and the child's own words.
create table cp_conference (
  la_code text not null,
  conference_id uuid not null,
  episode_id uuid not null,
  child_id uuid not null,
  kind text not null check (kind in ('initial', 'review')),
  s47_id uuid,
  plan_id uuid,
  held_on date not null,
  outcome text not null check (outcome in ('plan', 'no-plan', 'continue-plan', 'end-plan')),
  chair text,
  child_met_decider boolean not null,
  parents_met_decider boolean not null,
  child_words text,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, conference_id),
  foreign key (la_code, episode_id) references cin_episode (la_code, episode_id),
  check ((kind = 'initial') = (s47_id is not null))
);
create index cp_conference_episode on cp_conference (la_code, episode_id, held_on);
create index cp_conference_plan on cp_conference (la_code, plan_id, held_on);
create index cp_conference_child on cp_conference (la_code, child_id);
create index cp_conference_enquiry on cp_conference (la_code, s47_id) where s47_id is not null;

create table core_group (
  la_code text not null,
  core_group_id uuid not null,
  plan_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  notes text,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, core_group_id),
  foreign key (la_code, plan_id) references cp_plan (la_code, plan_id)
);
create index core_group_plan on core_group (la_code, plan_id, held_on);
create index core_group_child on core_group (la_code, child_id);

create table cin_plan (
  la_code text not null,
  cin_plan_id uuid not null,
  episode_id uuid not null,
  child_id uuid not null,
  start_date date not null,
  end_date date,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, cin_plan_id),
  foreign key (la_code, episode_id) references cin_episode (la_code, episode_id),
  check (end_date is null or end_date >= start_date)
);
create unique index cin_plan_open on cin_plan (la_code, child_id) where end_date is null;
create index cin_plan_child on cin_plan (la_code, child_id);

create table cin_plan_review (
  la_code text not null,
  review_id uuid not null,
  cin_plan_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  child_met_decider boolean not null default false,
  parents_met_decider boolean not null default false,
  child_words text,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, review_id),
  foreign key (la_code, cin_plan_id) references cin_plan (la_code, cin_plan_id)
);
create index cin_plan_review_plan on cin_plan_review (la_code, cin_plan_id, held_on);
create index cin_plan_review_child on cin_plan_review (la_code, child_id);

-- A visit to the child; the child's own words on every visit.
create table visit (
  la_code text not null,
  visit_id uuid not null,
  child_id uuid not null,
  episode_id uuid,
  visited_on date not null,
  purpose text not null check (purpose in ('child-protection', 'child-in-need', 'assessment', 'other')),
  child_seen boolean not null,
  seen_alone boolean not null default false,
  child_words text,
  worker_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, visit_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index visit_child on visit (la_code, child_id, visited_on);

-- A manager's recorded decision on a child's case, with reasons (closure, step-down, ...).
create table management_decision (
  la_code text not null,
  decision_id uuid not null,
  child_id uuid not null,
  episode_id uuid,
  kind text not null,
  decided_on date not null,
  decided_by uuid not null,
  reasons text not null,
  what_changed text,
  change_sustained_weeks integer,
  child_met_decider boolean,
  parents_met_decider boolean,
  child_words text,
  created_at timestamptz not null default now(),
  primary key (la_code, decision_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index management_decision_child on management_decision (la_code, child_id, decided_on);

-- Every deadline of every child, materialised from the record by the timescales engine: the
-- rule, when its clock started, when it is due, when (and by what) it was met, or when the need
-- for it ended; and who must act. State (due, overdue, met on time, met late) follows from the
-- dates and the day asked about.
create table obligation (
  la_code text not null,
  child_id uuid not null,
  rule_id text not null,
  source_id uuid not null, -- the record whose event started the clock
  episode_id uuid,
  start_date date not null,
  due_date date not null,
  due_at timestamptz,
  met_on date,
  ended_on date, -- the need went away unmet (plan ended, case closed, not required)
  end_reason text,
  responsible_worker_id uuid,
  responsible_team_id uuid,
  refreshed_at timestamptz not null default now(),
  primary key (la_code, child_id, rule_id, source_id),
  check (met_on is null or ended_on is null)
);
create index obligation_worker_open on obligation (la_code, responsible_worker_id, due_date) where met_on is null and ended_on is null;
create index obligation_team_open on obligation (la_code, responsible_team_id, due_date) where met_on is null and ended_on is null;
create index obligation_due on obligation (la_code, due_date) where met_on is null and ended_on is null;
