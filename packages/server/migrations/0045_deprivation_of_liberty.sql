-- Deprivation of liberty orders (DoLOs): the High Court's order, under its inherent jurisdiction,
-- authorising the council to deprive a child in its care of their liberty where a secure
-- accommodation order is not available. From 2026/27 the SSDA903 return's DoLo table carries each
-- order's start and end (DOLO_START, DOLO_END; rules 700–710).
-- expires_on is the date the court set (the order ends then unless extended, which moves it);
-- ended_on the day it was ended earlier (discharged, or the child left care). The return's
-- DOLO_END is ended_on, else expires_on. court, case_number and authorises are required by the
-- API; an order loaded from an SSDA903 return has none of them, so the columns allow null.
create table deprivation_of_liberty_order (
  la_code text not null,
  order_id uuid not null,
  child_id uuid not null,
  period_id uuid, -- the period of care it was made in (care_period.period_id, a view: no key), if any
  made_on date not null,
  expires_on date,
  ended_on date,
  end_reason text,
  court text,
  case_number text,
  authorises text,
  review_on date,
  version integer not null default 1,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, order_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check (expires_on is null or expires_on >= made_on),
  check (ended_on is null or ended_on >= made_on),
  check (end_reason is null or ended_on is not null)
);
create index deprivation_of_liberty_order_child on deprivation_of_liberty_order (la_code, child_id, made_on);
select ledger_keep_versions_of('deprivation_of_liberty_order');
grant select, insert, update on deprivation_of_liberty_order to lantern_app;
select lantern_council_owned('deprivation_of_liberty_order');
