-- Running Lantern in production (issue 21).
-- 1. The request id of the HTTP request that wrote an audit row, so a log line and the audit trail
--    can be joined (the id is a UUID, or the id a reverse proxy sent in X-Request-Id).
alter table audit_event add column request_id text;

create or replace function lantern_audit(entries jsonb) returns void
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  council text := coalesce(current_setting('lantern.la_code', true), '');
begin
  if council <> '*' and exists (select 1 from jsonb_array_elements(entries) e where (e ->> 'la_code') is distinct from council) then
    raise exception 'an audit row must be for the council acting (%)', council using errcode = 'insufficient_privilege';
  end if;
  insert into audit_event (la_code, user_id, username, user_role, action, record_type, record_id, child_id, ip, user_agent, detail, request_id)
  select r.la_code, r.user_id, r.username, r.user_role, r.action, r.record_type, r.record_id, r.child_id, r.ip, r.user_agent, r.detail, r.request_id
  from jsonb_populate_recordset(null::audit_event, entries) r;
end $$;
revoke all on function lantern_audit(jsonb) from public;
grant execute on function lantern_audit(jsonb) to lantern_app;

-- 2. Scheduled jobs: when each last ran and where, so that with several servers on one database a
--    job runs once per period (kernel/jobs.ts takes the row's lock before it runs). Lantern's own
--    housekeeping, no council's data: no la_code, like calendar_day.
create table scheduled_job (
  job text primary key,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_instance text,
  last_outcome text,
  runs integer not null default 0
);
grant select, insert, update on scheduled_job to lantern_app;

-- 3. Planner statistics for Lantern's own tables only. A bare `analyze` also analyses the shared
--    catalogs (pg_database, pg_authid…), whose locks every database on the server shares: one
--    long ANALYZE elsewhere on the server held up every Lantern seed or import behind it.
create or replace function refresh_planner_statistics() returns void
language plpgsql security definer set search_path = public as $$
declare
  t record;
begin
  for t in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p') loop
    execute format('analyze %s', t.name);
  end loop;
end $$;
revoke all on function refresh_planner_statistics() from public;
grant execute on function refresh_planner_statistics() to lantern_app;
