-- Subject access requests (issue 19): who asked, the proof of identity seen, when it came in, and
-- the deadline it starts (rule sar-response: one calendar month, three when extended with a reason).
-- The redaction marks are proposed from the people named in the record and reviewed by a person
-- before the copy is released; each export and the release are audited.
create table subject_access_request (
  la_code text not null,
  sar_id uuid not null,
  child_id uuid not null,
  requester_name text not null,
  requester_relationship text not null check (requester_relationship in ('self', 'parent', 'representative')),
  identity_seen text not null,
  received_on date not null,
  due_on date not null,
  extended_on date,
  extension_reason text,
  marks jsonb not null default '[]', -- [{ text, reason }]: what the released copy blacks out
  reviewed_by uuid,
  reviewed_at timestamptz,
  released_on date,
  released_by uuid,
  version integer not null default 1,
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, sar_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  check (extended_on is null or extension_reason is not null),
  check (released_on is null or reviewed_at is not null)
);
create index subject_access_request_child on subject_access_request (la_code, child_id);
select ledger_keep_versions_of('subject_access_request');
grant select, insert, update on subject_access_request to lantern_app;
select lantern_council_owned('subject_access_request');
