-- Planner statistics for some of Lantern's tables: after an import's deadlines only obligation has
-- changed since every table was analysed, and analysing them all again took as long as the first time.
create or replace function refresh_planner_statistics(tables text[]) returns void
language plpgsql security definer set search_path = public as $$
declare
  t record;
begin
  for t in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname = any(tables) loop
    execute format('analyze %s', t.name);
  end loop;
end $$;
revoke all on function refresh_planner_statistics(text[]) from public;
grant execute on function refresh_planner_statistics(text[]) to lantern_app;
