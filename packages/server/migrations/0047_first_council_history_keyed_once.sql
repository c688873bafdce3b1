-- A new database's first council has the primary keys of its history tables (record_version,
-- chronology_entry: the rows nearly every insert of the seed adds, keyed by random ids) built once
-- after the load, as 0041 builds their secondary indexes. Kept up row by row, each of the seed's
-- inserts lands on a random leaf of an index larger than PostgreSQL's buffers: at 50,000 children
-- the seed spent most of its database time reading and writing back index pages. By 0041's
-- mechanism (noted in pg_temp.deferred_check, put back by restore_checks_of_first_council(), a
-- transaction that has not put them back cannot commit), and only for a database with no council.
-- A key that any foreign key names is left in place, so are the keys of tables not named here;
-- putting a key back checks every row at once, so a duplicate version (which the versions
-- trigger's `on conflict do nothing` would have dropped) fails the seed rather than being kept.
-- Not on the embedded store (wal_level minimal, 0046): the demo's history fits PGlite's buffers, and
-- its first start is measured without this.

create or replace function defer_history_keys_of_first_council(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  d record;
  n integer := 0;
begin
  if current_setting('wal_level') = 'minimal' then return 0; end if;
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

-- The children's tables' secondary indexes (the council's people, their casework) likewise, but put
-- back as soon as the children are written: the seeds after them read those tables with joins. The
-- same bookkeeping as 0043's defer_indexes_of (no unique index is dropped; the statements put back
-- stay in pg_temp.deferred_check until now); restore_indexes_of_first_council() builds those of the
-- tables named, each once from its rows, and forgets them. Only for a database with no council, and
-- not on the embedded store, as above.
create or replace function defer_indexes_of_first_council(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if current_setting('wal_level') = 'minimal' then return 0; end if;
  if exists (select 1 from public.local_authority) then return 0; end if;
  return public.defer_indexes_of(tables);
end $$;
revoke all on function defer_indexes_of_first_council(text[]) from public;
grant execute on function defer_indexes_of_first_council(text[]) to lantern_app;

create or replace function restore_indexes_of_first_council(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  d record;
  n integer := 0;
begin
  if to_regclass('pg_temp.deferred_check') is null then return 0; end if;
  for d in select position, restore from pg_temp.deferred_check
           where (regexp_match(restore, '^CREATE INDEX \S+ ON public\.(\S+) '))[1] = any(tables)
           order by position loop
    execute d.restore;
    delete from pg_temp.deferred_check where position = d.position;
    n := n + 1;
  end loop;
  return n;
end $$;
revoke all on function restore_indexes_of_first_council(text[]) from public;
grant execute on function restore_indexes_of_first_council(text[]) to lantern_app;
