-- "Grown only" (0039) also takes a table that holds rows but has no statistics at all. Building a
-- key or an index records the table's pages in pg_class as if its statistics had seen them, so a
-- table filled after it was analysed empty, then keyed (a first council's deferred keys, 0047 and
-- 0051), looked unchanged and was passed by: a deadline rule joining it then ran 30 s longer at
-- 50,000 children. A table analysed empty has no rows in pg_stats, so once it holds rows it counts
-- as grown. pg_stats shows the rows this function's owner may read: the tables' owner, whom the
-- council wall (0026) does not bind; the embedded store keeps the same catalog.
create or replace function refresh_planner_statistics(only_tables text[], grown_only boolean, leave text[]) returns void
language plpgsql security definer set search_path = public as $$
declare
  t record;
begin
  for t in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r'
             and (only_tables is null or c.relname = any(only_tables)) and not c.relname = any(leave)
             and (not grown_only
                  or abs(pg_relation_size(c.oid) / current_setting('block_size')::int - greatest(c.relpages, 0))
                     > greatest(c.relpages, 0) * 0.1
                  or (pg_relation_size(c.oid) > 0
                      and not exists (select 1 from pg_stats s where s.schemaname = n.nspname and s.tablename = c.relname))) loop
    execute format('analyze %s', t.name);
  end loop;
end $$;
