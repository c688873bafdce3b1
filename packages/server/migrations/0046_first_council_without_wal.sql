-- The embedded store (PGlite: one process, no replica, no archive) runs with wal_level = minimal
-- (kernel/db/pglite-worker.mjs). At that level a table emptied by TRUNCATE is written without WAL
-- for the rest of the transaction and kept whole at its commit. A new database's first council (the
-- demo at a first start) is written into empty tables in one transaction, so emptying them first
-- loses nothing and spares most of the demo's WAL (its folder's pg_wal: 289 MB after a first start,
-- 81 MB with this) and a twentieth of PGlite's CPU in the seed (0.5 of 11.5 s).
-- It does nothing on a server that keeps WAL for replicas and recovery (wal_level replica or
-- logical), once the database holds a council, or when any of the tables holds a row. Runs as the
-- tables' owner (TRUNCATE is the owner's), inside the seed's transaction: a failed seed rolls it back.

create or replace function empty_tables_of_first_council(tables text[]) returns integer
language plpgsql security definer set search_path = public as $$
declare
  emptied text[];
  t text;
  has_rows boolean;
begin
  if current_setting('wal_level') <> 'minimal' then return 0; end if;
  if exists (select 1 from local_authority) then return 0; end if;
  -- The tables named and every table whose foreign keys name one of them: TRUNCATE takes them together.
  with recursive named(oid) as (
    select c.oid from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname = any(tables)
    union
    select k.conrelid from pg_constraint k join named on k.confrelid = named.oid where k.contype = 'f'
  )
  select array_agg(format('%I', c.relname) order by c.relname) into emptied from named join pg_class c on c.oid = named.oid;
  foreach t in array coalesce(emptied, '{}') loop
    execute format('select exists (select 1 from %s)', t) into has_rows;
    if has_rows then return 0; end if;
  end loop;
  if emptied is null then return 0; end if;
  execute 'truncate ' || array_to_string(emptied, ', ');
  return cardinality(emptied);
end $$;
revoke all on function empty_tables_of_first_council(text[]) from public;
grant execute on function empty_tables_of_first_council(text[]) to lantern_app;
