-- Children looked after, part A: what the placement is meant to be, the director's approval
-- of a placement with an unregistered provider, visits to a looked-after child, reviews
-- chaired by an IRO, and missing and absent episodes.

-- Reg. 28: visits after a placement's first year drop to 3-monthly only where the placement is
-- intended to last until the child is 18; placements with parents or connected persons are
-- visited weekly until the first review. Both are facts of the placement, kept on each of its
-- episodes.
alter table cla_episode add column intended_until_18 boolean not null default false;
alter table cla_episode add column with_parent text check (with_parent in ('placed-with-parent', 'connected-person-temporary', 'interim-care-order-with-parent'));
create index cla_episode_placement on cla_episode (la_code, placement_id);

-- The director's recorded approval of a placement with a provider not registered for that care:
-- who, when, why. It is given for a child and a provider before the placement is recorded, and
-- is then tied to the placement it allowed.
create table unregistered_approval (
  la_code text not null,
  approval_id uuid not null,
  child_id uuid not null,
  provider_id uuid not null,
  placement_type text not null,
  approved_on date not null,
  approved_by uuid not null, -- the app_user
  approver_name text not null,
  reasons text not null,
  placement_id uuid, -- set when the placement is recorded
  created_at timestamptz not null default now(),
  primary key (la_code, approval_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, provider_id) references provider (la_code, provider_id)
);
create index unregistered_approval_child on unregistered_approval (la_code, child_id);
create index unregistered_approval_placement on unregistered_approval (la_code, placement_id) where placement_id is not null;

-- Visits to a looked-after child (reg. 28): face to face or not, where, and the placement visited.
alter table visit drop constraint visit_purpose_check;
alter table visit add constraint visit_purpose_check check (purpose in ('child-protection', 'child-in-need', 'assessment', 'other', 'looked-after'));
alter table visit add column face_to_face boolean;
alter table visit add column location text;
alter table visit add column placement_id uuid;

-- Looked-after reviews (reg. 33), chaired by the child's IRO. The permanence rules read this.
create table cla_review (
  la_code text not null,
  review_id uuid not null,
  child_id uuid not null,
  period_id uuid not null,
  held_on date not null,
  chair_worker_id uuid, -- the IRO who chaired
  participation text not null check (participation in ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')), -- REVIEW_CODE
  child_words text,
  iro_contact_on date, -- the IRO's own contact with the child before the review
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, review_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, chair_worker_id) references worker (la_code, worker_id),
  check (iro_contact_on is null or iro_contact_on <= held_on)
);
create index cla_review_child on cla_review (la_code, child_id, held_on);
create index cla_review_period on cla_review (la_code, period_id, held_on);

-- Missing (M) and away without authorisation (A) episodes, and the return home interview.
create table missing_episode (
  la_code text not null,
  missing_id uuid not null,
  child_id uuid not null,
  period_id uuid, -- the period of care the child was in, if looked after
  kind text not null check (kind in ('M', 'A')),
  started_at timestamptz not null,
  ended_at timestamptz, -- the recorded return; null while missing
  circumstances text,
  rhi_offered_at timestamptz,
  rhi_accepted boolean,
  rhi_learned text,
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, missing_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check (ended_at is null or ended_at >= started_at),
  check (rhi_offered_at is null or (ended_at is not null and rhi_offered_at >= ended_at))
);
create index missing_episode_child on missing_episode (la_code, child_id, started_at);
create index missing_episode_open on missing_episode (la_code) where ended_at is null;
