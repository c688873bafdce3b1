-- Planner statistics after a bulk load. The application role owns no table, so its own ANALYZE
-- is skipped (PostgreSQL lets only an owner maintain a table), and without statistics every
-- join over a seeded or imported council is planned as if each table held one row. This
-- function, owned by the migrating user, analyses every table as that owner; the application
-- role may call it and do nothing else with it.
create or replace function refresh_planner_statistics() returns void
language plpgsql security definer set search_path = public as $$
begin
  analyze;
end $$;

revoke all on function refresh_planner_statistics() from public;
grant execute on function refresh_planner_statistics() to lantern_app;
