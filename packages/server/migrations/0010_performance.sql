-- Performance and improvement: published comparator figures (benchmarking), frozen indicator
-- values for closed months, inspections with their judgements and recommendations, and the
-- improvement plan's actions with a named owner, a due date and a measure. Every table: la_code
-- first (the council whose record and plan it is).

-- Councils a council compares itself with, as published: the DfE's region, and whether (and
-- at what rank) the council is one of its statistical neighbours. Loaded as data, never computed.
create table comparator (
  la_code text not null references local_authority,
  comparator_code text not null, -- ONS code: a council (E06…E10), a region (E12…), England (E92000001)
  name text not null,
  level text not null check (level in ('national', 'regional', 'local-authority')),
  region_code text,
  neighbour_rank integer check (neighbour_rank between 1 and 10),
  primary key (la_code, comparator_code)
);

-- One published figure: a comparator's value of an indicator in a year (e.g. '2024-25').
create table benchmark_value (
  la_code text not null,
  comparator_code text not null,
  indicator_id text not null,
  year text not null,
  value numeric not null,
  loaded_at timestamptz not null default now(),
  primary key (la_code, comparator_code, indicator_id, year),
  foreign key (la_code, comparator_code) references comparator (la_code, comparator_code)
);

-- An indicator's value for a closed month, frozen: what the board was shown stays what it was,
-- even if a timescale setting or a late correction would now count it differently.
create table indicator_snapshot (
  la_code text not null references local_authority,
  indicator_id text not null,
  period_end date not null,
  period_months integer not null,
  scope_kind text not null check (scope_kind in ('council', 'service', 'team', 'worker')),
  scope_id text not null, -- '' for the council
  numerator numeric,
  denominator numeric,
  value numeric,
  frozen_at timestamptz not null default now(),
  frozen_by uuid,
  primary key (la_code, indicator_id, period_end, period_months, scope_kind, scope_id)
);

-- An Ofsted inspection or monitoring visit. Each judgement is its own row: the framework changes,
-- and from April 2026 there is no single overall grade.
create table inspection (
  la_code text not null references local_authority,
  inspection_id uuid not null,
  kind text not null check (kind in ('ilacs-standard', 'ilacs-short', 'monitoring-visit', 'focused-visit', 'jtai', 'other')),
  framework text not null,
  started_on date not null,
  published_on date,
  findings text not null,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, inspection_id),
  check (published_on is null or published_on >= started_on)
);

create table inspection_judgement (
  la_code text not null,
  inspection_id uuid not null,
  judgement_area text not null,
  grade text not null,
  primary key (la_code, inspection_id, judgement_area),
  foreign key (la_code, inspection_id) references inspection (la_code, inspection_id)
);

create table recommendation (
  la_code text not null,
  recommendation_id uuid not null,
  inspection_id uuid not null,
  number integer not null,
  text text not null,
  primary key (la_code, recommendation_id),
  unique (la_code, inspection_id, number),
  foreign key (la_code, inspection_id) references inspection (la_code, inspection_id)
);

-- What the council will do about a recommendation, who owns it, by when, and the indicator and
-- target that will show whether it worked.
create table improvement_action (
  la_code text not null,
  action_id uuid not null,
  recommendation_id uuid not null,
  title text not null,
  owner_user_id uuid not null,
  due_date date not null,
  status text not null check (status in ('not-started', 'on-track', 'off-track', 'done')),
  evidence text,
  completed_on date,
  indicator_id text,
  target numeric,
  baseline numeric,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_by uuid,
  updated_at timestamptz not null default now(),
  primary key (la_code, action_id),
  foreign key (la_code, recommendation_id) references recommendation (la_code, recommendation_id),
  foreign key (la_code, owner_user_id) references app_user (la_code, user_id),
  check ((status = 'done') = (completed_on is not null)),
  check (status <> 'done' or evidence is not null),
  check ((indicator_id is null) = (target is null))
);
create index improvement_action_owner on improvement_action (la_code, owner_user_id, due_date);
create index improvement_action_recommendation on improvement_action (la_code, recommendation_id);

grant select, insert, update, delete on comparator, benchmark_value, indicator_snapshot, inspection, inspection_judgement, recommendation, improvement_action to lantern_app;
