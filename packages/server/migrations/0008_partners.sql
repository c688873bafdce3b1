-- Partner agencies: organisations and their people, requests from a child's record and the
-- answers, reports sent as files, who took part in strategy discussions and conferences, and
-- families' housing needs. Every table: la_code first, and in every foreign key.

create table partner_organisation (
  la_code text not null references local_authority,
  organisation_id uuid not null,
  name text not null,
  -- police, health (gp, health-visiting, school-nursing, hospital, mental-health), school,
  -- education, housing, probation, youth-justice, voluntary: core's PARTNER_TYPE.
  partner_type text not null,
  email text,
  phone text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  primary key (la_code, organisation_id),
  unique (la_code, name)
);

create table partner_contact (
  la_code text not null,
  contact_id uuid not null,
  organisation_id uuid not null,
  name text not null,
  job_title text,
  email text,
  phone text,
  -- The person an overdue request is escalated to (a manager or designated lead).
  is_escalation boolean not null default false,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (la_code, contact_id),
  foreign key (la_code, organisation_id) references partner_organisation (la_code, organisation_id)
);
create index partner_contact_org on partner_contact (la_code, organisation_id);

-- A partner user belongs to one partner organisation, and only a partner user does.
alter table app_user add column partner_organisation_id uuid;
alter table app_user add foreign key (la_code, partner_organisation_id) references partner_organisation (la_code, organisation_id);
alter table app_user add constraint app_user_partner_has_organisation check ((role = 'partner') = (partner_organisation_id is not null));

create table partner_request (
  la_code text not null,
  request_id uuid not null,
  child_id uuid not null,
  organisation_id uuid not null,
  contact_id uuid, -- the named person asked, if any
  request_type text not null,
  asked text not null, -- what is asked
  need_to_know text not null, -- what the partner needs to know to answer: all they see of the child beyond name and birth date
  sent_on date not null,
  respond_by date not null, -- the council's deadline for the type, or sooner if the worker asked
  requested_by uuid, -- app_user (null for requests made before Lantern, or generated)
  requested_by_worker_id uuid, -- the worker who asked: responsible for chasing it
  conference_id uuid, -- when asking for attendance and a report for a conference
  answered_on date,
  answer text,
  answered_by uuid,
  answered_by_name text,
  withdrawn_on date,
  withdrawn_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (la_code, request_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, organisation_id) references partner_organisation (la_code, organisation_id),
  foreign key (la_code, contact_id) references partner_contact (la_code, contact_id),
  foreign key (la_code, requested_by_worker_id) references worker (la_code, worker_id),
  check (respond_by >= sent_on),
  check (answered_on is null or answered_on >= sent_on),
  check ((answered_on is null) = (answer is null)),
  check (answered_on is null or withdrawn_on is null)
);
create index partner_request_child on partner_request (la_code, child_id, sent_on);
-- A partner's own list: the open requests to their organisation.
create index partner_request_open_org on partner_request (la_code, organisation_id) where answered_on is null and withdrawn_on is null;

-- A report sent with an answer, kept in the database (no file system): size-limited.
create table partner_report (
  la_code text not null,
  report_id uuid not null,
  request_id uuid not null,
  child_id uuid not null,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 1048576),
  content bytea not null check (octet_length(content) <= 1048576),
  uploaded_by uuid,
  uploaded_at timestamptz not null default now(),
  primary key (la_code, report_id),
  foreign key (la_code, request_id) references partner_request (la_code, request_id),
  foreign key (la_code, child_id) references person (la_code, person_id)
);
create index partner_report_request on partner_report (la_code, request_id);

-- Who was invited to a strategy discussion or conference, who came, who sent a report.
create table meeting_contribution (
  la_code text not null,
  contribution_id uuid not null,
  child_id uuid not null,
  meeting_kind text not null check (meeting_kind in ('strategy-discussion', 'conference')),
  meeting_id uuid not null,
  organisation_id uuid not null,
  invited boolean not null default true,
  attended boolean not null default false,
  report_sent_on date,
  notes text,
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, contribution_id),
  unique (la_code, meeting_kind, meeting_id, organisation_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, organisation_id) references partner_organisation (la_code, organisation_id)
);
create index meeting_contribution_child on meeting_contribution (la_code, child_id);

-- A family's need for a home: the request to housing, the priority agreed, and how long they wait.
create table housing_need (
  la_code text not null,
  housing_need_id uuid not null,
  child_id uuid not null,
  identified_on date not null,
  need text not null,
  request_id uuid,
  priority text,
  priority_agreed_on date,
  resolved_on date,
  resolution text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (la_code, housing_need_id),
  foreign key (la_code, child_id) references person (la_code, person_id),
  foreign key (la_code, request_id) references partner_request (la_code, request_id),
  check (resolved_on is null or resolved_on >= identified_on),
  check ((priority is null) = (priority_agreed_on is null))
);
create index housing_need_open on housing_need (la_code, identified_on) where resolved_on is null;
