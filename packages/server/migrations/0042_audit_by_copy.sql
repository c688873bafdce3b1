-- A bulk load's audit rows (an import, the generator: a row per record, a national return's
-- hundreds of thousands) come in by COPY instead of as JSON: PostgreSQL parses COPY's text several
-- times faster than jsonb_populate_recordset takes the same rows apart. The application may not
-- insert into audit_event, so the rows are copied into a temporary table this function makes (as
-- the owner, the application allowed only to insert into it), and lantern_audit_copied() below
-- moves them in with the same check as lantern_audit: every row for the council the connection
-- acts for; the time and the id stamped by the table's defaults. The staging table is the
-- session's own and goes at commit.
create or replace function lantern_audit_staging() returns void
language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if to_regclass('pg_temp.audit_copied') is null then
    create temporary table audit_copied (
      la_code text, user_id uuid, username text, user_role text, action text, record_type text,
      record_id text, child_id uuid, ip text, user_agent text, detail jsonb, request_id text
    ) on commit drop;
    grant insert on pg_temp.audit_copied to lantern_app;
  end if;
end $$;
revoke all on function lantern_audit_staging() from public;
grant execute on function lantern_audit_staging() to lantern_app;

create or replace function lantern_audit_copied() returns void
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  council text := coalesce(current_setting('lantern.la_code', true), '');
begin
  if council <> '*' and exists (select 1 from pg_temp.audit_copied a where a.la_code is distinct from council) then
    raise exception 'an audit row must be for the council acting (%)', council using errcode = 'insufficient_privilege';
  end if;
  insert into audit_event (la_code, user_id, username, user_role, action, record_type, record_id, child_id, ip, user_agent, detail, request_id)
  select a.la_code, a.user_id, a.username, a.user_role, a.action, a.record_type, a.record_id, a.child_id, a.ip, a.user_agent, a.detail, a.request_id
  from pg_temp.audit_copied a;
  truncate pg_temp.audit_copied;
end $$;
revoke all on function lantern_audit_copied() from public;
grant execute on function lantern_audit_copied() to lantern_app;
