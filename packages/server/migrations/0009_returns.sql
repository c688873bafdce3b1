-- Statutory returns (CIN census first): the few items the return carries that the case record
-- did not yet hold, and a log of the returns imported into a council.

-- The census's AssessmentInternalReviewDate (optional).
alter table assessment add column internal_review_date date;
-- The census's InitialCPCtarget: the date the initial conference was due, as the council set it.
alter table section47 add column icpc_target_date date;
-- The census's CINdetails-level DateOfInitialCPC: a conference the return records against the
-- episode rather than an enquiry (for example, one whose enquiry fell in an earlier year).
alter table cin_episode add column initial_cpc_date date;

-- Each import of a return file: who, when, the file's hash (so the same file is recognised),
-- and what was written and what could not be placed.
create table return_import (
  la_code text not null references local_authority,
  import_id uuid not null,
  return_type text not null check (return_type in ('cin-census', 'ssda903')),
  collection_year integer,
  file_name text,
  file_sha256 text not null,
  imported_at timestamptz not null default now(),
  imported_by uuid,
  summary jsonb not null,
  primary key (la_code, import_id)
);
create index return_import_file on return_import (la_code, return_type, file_sha256);
