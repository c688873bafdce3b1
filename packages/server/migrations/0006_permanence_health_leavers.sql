-- Permanence and adoption, unaccompanied asylum-seeking children, health and education of
-- looked-after children, and care leavers. The date a child became looked after always comes
-- from care_period (0004), never from a copy here. Code lists live in packages/core/src/care.ts.

-- The permanence plan: the route to a permanent home, agreed (usually at a review). A new plan
-- ends the one before it, so the history of plans stays.
create table permanence_plan (
  la_code text not null,
  plan_id uuid not null,
  child_id uuid not null,
  plan_type text not null, -- return-home, adoption, sgo, cao, long-term-fostering, ...
  agreed_on date not null,
  ended_on date,
  notes text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, plan_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check (ended_on is null or ended_on >= agreed_on)
);
create unique index permanence_plan_current on permanence_plan (la_code, child_id) where ended_on is null;

-- One adoption journey (903 AD1 and PlacedAdoption): the decision that the child should be
-- placed, the placement order, the match, the placement with the adopters, the order; or the
-- decision that the child should no longer be placed, and why. A restricted record.
create table adoption (
  la_code text not null,
  adoption_id uuid not null,
  child_id uuid not null,
  decision_on date not null, -- AD1 DATE_INT: the agency decision that the child should be placed for adoption
  placement_order_on date,
  matched_on date, -- AD1 DATE_MATCH
  adopter_count smallint check (adopter_count in (1, 2)), -- NB_ADOPTR
  adopter_sex text check (adopter_sex in ('M1', 'F1', 'MM', 'FF', 'MF')), -- SEX_ADOPTR
  adopter_legal_status text check (adopter_legal_status in ('L0', 'L11', 'L12', 'L2', 'L3', 'L4')), -- LS_ADOPTR
  foster_carer_adoption boolean, -- FOSTER_CARE: adopted by the child's former foster carer(s)
  moved_in_on date, -- the day the child moved in with the carers who adopt (for a foster carer adoption, the day they moved in as foster carers)
  placed_on date, -- PlacedAdoption DATE_PLACED
  placed_ceased_on date, -- DATE_PLACED_CEASED
  placed_ceased_reason text check (placed_ceased_reason in ('RD1', 'RD2', 'RD3', 'RD4')), -- REASON_PLACED_CEASED
  adoption_order_on date,
  no_longer_on date, -- decision that the child should no longer be placed for adoption
  no_longer_reason text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, adoption_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check ((placed_ceased_on is null) = (placed_ceased_reason is null)),
  check ((no_longer_on is null) = (no_longer_reason is null))
);
create unique index adoption_open on adoption (la_code, child_id) where adoption_order_on is null and no_longer_on is null;

-- Special guardianship and child arrangements orders made for a looked-after child.
create table permanence_order (
  la_code text not null,
  order_id uuid not null,
  child_id uuid not null,
  order_type text not null check (order_type in ('sgo', 'cao')),
  made_on date not null,
  made_to text not null, -- who holds the order: grandparents, aunt, former foster carer...
  former_foster_carer boolean not null default false,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, order_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index permanence_order_child on permanence_order (la_code, child_id);

-- 903 PrevPerm: what permanence the child had before this period of care began.
create table previous_permanence (
  la_code text not null,
  child_id uuid not null,
  period_id uuid not null, -- the period of care it was recorded at (care_period.period_id)
  prev_perm text not null check (prev_perm in ('P1', 'P2', 'P3', 'P4', 'Z1')),
  la_perm text, -- 3-digit LA number or WAL, SCO, NUK, NIR; 999 not available
  date_perm text, -- dd/mm/yyyy, ZZ allowed for an unknown day or month (as the 903 allows)
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, child_id, period_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);

-- Unaccompanied asylum-seeking children: how they came to the council and how quickly they
-- were accommodated. An age-disputed child is treated as a child until assessed.
create table uasc_record (
  la_code text not null,
  child_id uuid not null,
  referred_on date not null, -- arrival or referral to the council
  referral_route text not null, -- spontaneous-arrival, national-transfer-scheme, ...
  age_assessment text not null check (age_assessment in ('not-needed', 'pending', 'disputed', 'child', 'adult')),
  age_assessed_on date,
  nts_referred_on date, -- referral into the National Transfer Scheme (to another council)
  nts_transferred_on date,
  ceased_on date, -- 903 UASC DUC: the date UASC status ceased
  notes text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, child_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check (nts_transferred_on is null or nts_referred_on is not null),
  check (age_assessment not in ('child', 'adult') or age_assessed_on is not null)
);

-- Health checks of a looked-after child: initial and review health assessments, dental checks.
create table health_check (
  la_code text not null,
  check_id uuid not null,
  child_id uuid not null,
  kind text not null check (kind in ('initial-health-assessment', 'review-health-assessment', 'dental')),
  done_on date not null,
  notes text,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, check_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index health_check_child on health_check (la_code, child_id, done_on);

-- 903 OC2 outcomes as recorded at a date: immunisations, SDQ score or the reason there is none,
-- substance misuse and interventions, convictions.
create table health_outcome (
  la_code text not null,
  outcome_id uuid not null,
  child_id uuid not null,
  recorded_on date not null,
  immunisations_up_to_date boolean not null,
  sdq_score smallint check (sdq_score between 0 and 40),
  sdq_reason text check (sdq_reason in ('SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5')),
  substance_misuse boolean not null,
  intervention_received boolean,
  intervention_offered boolean,
  convicted boolean not null default false,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, outcome_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check ((sdq_score is null) <> (sdq_reason is null))
);
create index health_outcome_child on health_outcome (la_code, child_id, recorded_on);

-- Personal education plans (the first, then each review).
create table pep (
  la_code text not null,
  pep_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  school text,
  notes text,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, pep_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index pep_child on pep (la_code, child_id, held_on);

-- A care leaver (or a looked-after child eligible for leaving care support).
create table care_leaver (
  la_code text not null,
  child_id uuid not null,
  category text not null check (category in ('eligible', 'relevant', 'former-relevant', 'qualifying')),
  eligible_from date not null, -- the day the young person became eligible for leaving care support
  support_ended_on date,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, child_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);

-- The pathway plan and its reviews.
create table pathway_plan (
  la_code text not null,
  pathway_id uuid not null,
  child_id uuid not null,
  kind text not null check (kind in ('plan', 'review')),
  held_on date not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, pathway_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index pathway_plan_child on pathway_plan (la_code, child_id, held_on);

-- A care leaver's moves to new accommodation (each starts the 7-day personal adviser visit).
create table leaver_accommodation (
  la_code text not null,
  move_id uuid not null,
  child_id uuid not null,
  moved_on date not null,
  accommodation text not null, -- 903 ACCOM letter
  suitable boolean not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, move_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index leaver_accommodation_child on leaver_accommodation (la_code, child_id, moved_on);

-- Personal adviser visits to a care leaver in their accommodation.
create table pa_visit (
  la_code text not null,
  visit_id uuid not null,
  child_id uuid not null,
  visited_on date not null,
  worker_id uuid,
  notes text,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, visit_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, worker_id) references worker (la_code, worker_id)
);
create index pa_visit_child on pa_visit (la_code, child_id, visited_on);

-- 903 OC3: around each birthday from 17 to 21, whether the council is in touch, the young
-- person's activity and accommodation (and whether it is suitable).
create table leaver_birthday_contact (
  la_code text not null,
  child_id uuid not null,
  birthday_age smallint not null check (birthday_age between 17 and 21),
  contact_on date not null,
  in_touch text not null check (in_touch in ('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM')),
  activity text not null, -- ACTIV: F1 P1 F2 P2 F4 P4 F5 P5 G4 G5 G6, or 0
  accommodation text not null, -- ACCOM: letter + suitability digit (B1, U2 ...), or 0
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, child_id, birthday_age),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
