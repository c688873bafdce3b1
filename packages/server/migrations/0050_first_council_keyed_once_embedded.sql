-- The embedded store's first council (the demo at a first start) has its history tables' primary
-- keys (record_version, chronology_entry), its children's tables' secondary indexes and its first
-- deadlines' primary key built once from the rows, as 0047 and 0049 do on a PostgreSQL server,
-- instead of kept up row by row. On PGlite each btree page a row-by-row insert adds asks the index's
-- free space map, which a new index does not have: a failed open of its file through the file system
-- layer, thousands of them in the demo's seed. Measured in the demo's first start (two pairs, load
-- average 4-6): the database thread's CPU 19.1 -> 17.4 s and 22.3 -> 19.1 s. The same functions and
-- guards as 0047 and 0049 (only a database with no council, only keys no foreign key names, put
-- back by restore_checks_of_first_council(), every key checked against every row), without their
-- test of wal_level.

create or replace function defer_history_keys_of_first_council(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  d record;
  n integer := 0;
begin
  if exists (select 1 from public.local_authority) then return 0; end if;
  perform public.first_council_deferring();
  for d in select c.conrelid::regclass as t, c.conname, pg_get_constraintdef(c.oid) as def
           from pg_constraint c join pg_class t on t.oid = c.conrelid
           where c.contype = 'p' and c.connamespace = 'public'::regnamespace
             and t.relname = any(tables) and t.relname in ('record_version', 'chronology_entry')
             and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = c.conrelid)
           order by 1 loop
    insert into pg_temp.deferred_check (restore) values (format('alter table %s add constraint %I %s', d.t, d.conname, d.def));
    execute format('alter table %s drop constraint %I', d.t, d.conname);
    n := n + 1;
  end loop;
  return n;
end $$;
revoke all on function defer_history_keys_of_first_council(text[]) from public;
grant execute on function defer_history_keys_of_first_council(text[]) to lantern_app;

create or replace function defer_indexes_of_first_council(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if exists (select 1 from public.local_authority) then return 0; end if;
  return public.defer_indexes_of(tables);
end $$;
revoke all on function defer_indexes_of_first_council(text[]) from public;
grant execute on function defer_indexes_of_first_council(text[]) to lantern_app;

create or replace function defer_indexes_of_first_deadlines(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  t text;
  holds_rows boolean;
  empty text[] := '{}';
  d record;
  n integer := 0;
begin
  foreach t in array tables loop
    if t not in ('obligation', 'worker_obligation', 'foster_obligation') then
      raise exception '% is not a deadline table', t using errcode = 'insufficient_privilege';
    end if;
    execute format('lock table public.%I in share row exclusive mode', t);
    execute format('select exists (select 1 from public.%I)', t) into holds_rows;
    if not holds_rows then empty := empty || t; end if;
  end loop;
  if cardinality(empty) > 0 then
    perform public.first_council_deferring();
    for d in select c.conrelid::regclass as t, c.conname, pg_get_constraintdef(c.oid) as def
             from pg_constraint c join pg_class r on r.oid = c.conrelid
             where c.contype = 'p' and c.connamespace = 'public'::regnamespace and r.relname = any(empty)
               and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = c.conrelid)
             order by 1 loop
      insert into pg_temp.deferred_check (restore) values (format('alter table %s add constraint %I %s', d.t, d.conname, d.def));
      execute format('alter table %s drop constraint %I', d.t, d.conname);
      n := n + 1;
    end loop;
  end if;
  return n + defer_indexes_of(empty);
end $$;
revoke all on function defer_indexes_of_first_deadlines(text[]) from public;
grant execute on function defer_indexes_of_first_deadlines(text[]) to lantern_app;
