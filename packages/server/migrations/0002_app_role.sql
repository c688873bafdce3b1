-- The role the application runs as: not a superuser, and on the audit trail only insert and
-- select. Migrations run as the owner; the server then switches to this role.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'lantern_app') then
    create role lantern_app nologin;
  end if;
exception when duplicate_object or unique_violation then
  -- Another database on the same server created it at the same moment.
  null;
end $$;

grant usage on schema public to lantern_app;
grant select, insert, update, delete on all tables in schema public to lantern_app;
revoke update, delete, truncate on audit_event from lantern_app;
grant usage, select on all sequences in schema public to lantern_app;
alter default privileges in schema public grant select, insert, update, delete on tables to lantern_app;
alter default privileges in schema public grant usage, select on sequences to lantern_app;
