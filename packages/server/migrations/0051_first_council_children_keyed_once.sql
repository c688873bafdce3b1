-- A new database's first council on a PostgreSQL server also has the primary keys of its children's
-- tables built once, when the children are written, as 0047 builds the history tables' keys: kept up
-- as each row goes in, every insert lands on a random leaf of a key of random ids (a visit's, a
-- decision's), and at 50,000 children those keys outgrow PostgreSQL's buffers. Measured on 200,000
-- visits added to the 595,000 of a 50,000-child council: 2.0-2.2 s with the key kept up, 0.4 s without
-- it and 2.0 s to build it for all 795,000 after. The same guards as 0047: only a database with no
-- council, only keys no foreign key names (the caller's deferred ones aside, put back after these),
-- not on the embedded store (wal_level minimal). Put back by restore_indexes_of_first_council() with
-- the tables' secondary indexes, each key checked against every row: a duplicate fails the seed.

create or replace function defer_keys_of_first_council(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  d record;
  n integer := 0;
begin
  if current_setting('wal_level') = 'minimal' then return 0; end if;
  if exists (select 1 from public.local_authority) then return 0; end if;
  perform public.first_council_deferring();
  for d in select r.relname, c.conname, pg_get_constraintdef(c.oid) as def
           from pg_constraint c join pg_class r on r.oid = c.conrelid
           where c.contype = 'p' and c.connamespace = 'public'::regnamespace and r.relname = any(tables)
             and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = c.conrelid)
           order by 1 loop
    insert into pg_temp.deferred_check (restore) values (format('alter table public.%I add constraint %I %s', d.relname, d.conname, d.def));
    execute format('alter table public.%I drop constraint %I', d.relname, d.conname);
    n := n + 1;
  end loop;
  return n;
end $$;
revoke all on function defer_keys_of_first_council(text[]) from public;
grant execute on function defer_keys_of_first_council(text[]) to lantern_app;

-- 0047's function, which now puts back the keys above too: each deferred statement of a table named.
create or replace function restore_indexes_of_first_council(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  d record;
  n integer := 0;
begin
  if to_regclass('pg_temp.deferred_check') is null then return 0; end if;
  for d in select position, restore from pg_temp.deferred_check
           where coalesce((regexp_match(restore, '^CREATE INDEX \S+ ON public\.(\S+) '))[1],
                          (regexp_match(restore, '^alter table public\.(\S+) add constraint \S+ PRIMARY KEY '))[1]) = any(tables)
           order by position loop
    execute d.restore;
    delete from pg_temp.deferred_check where position = d.position;
    n := n + 1;
  end loop;
  return n;
end $$;
revoke all on function restore_indexes_of_first_council(text[]) from public;
grant execute on function restore_indexes_of_first_council(text[]) to lantern_app;
