-- Children looked after, the SSDA903 way: the providers register and the episodes of care.
-- An episode is one row of the 903 Episodes table; a change of placement or legal status
-- closes one episode and opens the next (reason for new episode L, P, T, B or U), so the
-- history reconstructs exactly. A period of care runs from an episode started with RNE 'S' to
-- the end of the last episode whose reason ceased is not X1.

-- The providers of placements, with their Ofsted registration. A placement with a provider not
-- registered for the care it gives needs the director's recorded approval.
create table provider (
  la_code text not null,
  provider_id uuid not null,
  name text not null,
  urn text, -- Ofsted unique reference number; null where Ofsted does not register the provider
  provider_kind text not null, -- children's home, supported accommodation, fostering agency, ...
  place_provider text check (place_provider in ('PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5')),
  registration_status text not null check (registration_status in ('registered', 'unregistered', 'suspended', 'cancelled', 'not-required')),
  registered_for text[] not null default '{}', -- the kinds of care Ofsted registered it for
  registered_from date,
  registered_to date,
  postcode text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, provider_id),
  check (registered_to is null or registered_from is null or registered_to >= registered_from)
);
create unique index provider_urn on provider (la_code, urn) where urn is not null;

create table cla_episode (
  la_code text not null,
  cla_episode_id uuid not null,
  child_id uuid not null,
  period_id uuid not null, -- the period of care: the cla_episode_id of its first episode
  placement_id uuid not null, -- the placement: new with RNE S, P, T, B, U; kept with L
  start_date date not null, -- DECOM
  reason_new_episode text not null check (reason_new_episode in ('S', 'L', 'P', 'T', 'B', 'U')), -- RNE
  legal_status text not null, -- LS
  category_of_need text not null check (category_of_need in ('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8')), -- CIN
  placement_type text not null, -- PLACE
  placement_provider text check (placement_provider in ('PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5')), -- PLACE_PROVIDER
  provider_id uuid,
  urn text, -- URN as returned: the provider's, or XXXXXXX / SC999999 where the 903 allows
  placement_postcode text, -- PL_POST
  home_postcode text, -- HOME_POST
  end_date date, -- DEC
  reason_ended text, -- REC
  reason_place_change text, -- REASON_PLACE_CHANGE (when the next episode changes placement)
  version integer not null default 1,
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, cla_episode_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, provider_id) references provider (la_code, provider_id),
  check (end_date is null or end_date >= start_date),
  check ((end_date is null) = (reason_ended is null))
);
-- A child has at most one open episode.
create unique index cla_episode_open on cla_episode (la_code, child_id) where end_date is null;
create index cla_episode_child on cla_episode (la_code, child_id, start_date);
create index cla_episode_period on cla_episode (la_code, period_id);
create index cla_episode_provider on cla_episode (la_code, provider_id) where provider_id is not null;

-- A period of care, derived from its episodes: the date the child became looked after, the
-- date they ceased (null while looked after) and why.
create view care_period as
select la_code, period_id, child_id,
  min(start_date) as start_date,
  case when bool_or(end_date is null) then null else max(end_date) end as end_date,
  case when bool_or(end_date is null) then null else (array_agg(reason_ended order by start_date desc, end_date desc))[1] end as reason_ended,
  count(*)::int as episodes
from cla_episode
group by la_code, period_id, child_id;

grant select on care_period to lantern_app;
