-- Planner statistics for some tables: those named (or every one), leaving out some, and only those
-- that have changed size since they were last analysed. A seed analyses every table once its
-- children are written, then writes more (the practice record, meetings, the deadlines) and needs
-- statistics for those before it derives deadlines: analysing every table again read the unchanged
-- ones a second and a third time. The history tables (versions, chronology) are joined by none of
-- the seed's later steps, so it analyses them once, at the end. A table has changed when its size
-- on disk differs by more than a tenth from the pages its last statistics saw (or it was empty then
-- and is not now): the embedded store has no statistics collector to count modified rows.
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
                     > greatest(c.relpages, 0) * 0.1) loop
    execute format('analyze %s', t.name);
  end loop;
end $$;
revoke all on function refresh_planner_statistics(text[], boolean, text[]) from public;
grant execute on function refresh_planner_statistics(text[], boolean, text[]) to lantern_app;

-- Migration 0038's tables-named form is now this one's special case: the loop is written once.
create or replace function refresh_planner_statistics(tables text[]) returns void
language plpgsql security definer set search_path = public as $$
begin
  perform refresh_planner_statistics(tables, false, '{}'::text[]);
end $$;

-- A version's whole record, as JSON: no query filters on the column itself, and its statistics
-- were half the cost of analysing the table.
alter table record_version alter column data set statistics 0;
