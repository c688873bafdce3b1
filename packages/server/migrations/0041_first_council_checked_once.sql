-- A new database's first council (the demo at a first start, `lantern seed` into an empty database)
-- has the foreign keys of its biggest tables checked once, at the end, rather than row by row. Each
-- checked row ran a lookup (and took a key-share lock on the row it names): on the embedded store
-- the demo's 100,000 chronology entries took 13 s to insert with their checks and 5 s without.
-- Dropping and adding a key costs 10-20 ms there, so the caller names the tables worth it (keys_of).
-- The history tables' secondary indexes (indexes_of), which nothing reads while a council is
-- seeded, are built once at the end in the same way. Both functions run as the tables' owner (the
-- seed runs as the application role) and inside the seed's one transaction: a failed seed rolls the
-- drops back with everything else, and the schema afterwards is the schema before, key for key.

create or replace function defer_checks_of_first_council(keys_of text[], indexes_of text[]) returns integer
language plpgsql security definer set search_path = public as $$
declare
  d record;
  n integer := 0;
begin
  -- Only for a database with no council: dropping a key locks the tables it joins until commit.
  if exists (select 1 from local_authority) then return 0; end if;
  -- A lone statement commits on its own, and the checks would be gone for good: refuse it.
  if statement_timestamp() = transaction_timestamp() then
    raise exception 'defer_checks_of_first_council runs inside the seed''s transaction';
  end if;
  create temporary table if not exists deferred_check (position serial, restore text not null) on commit drop;
  for d in select c.conrelid::regclass as t, c.conname, pg_get_constraintdef(c.oid) as def
           from pg_constraint c join pg_class t on t.oid = c.conrelid
           where c.contype = 'f' and c.connamespace = 'public'::regnamespace and t.relname = any(keys_of)
           order by c.conrelid::regclass::text, c.conname loop
    insert into pg_temp.deferred_check (restore) values (format('alter table %s add constraint %I %s', d.t, d.conname, d.def));
    execute format('alter table %s drop constraint %I', d.t, d.conname);
    n := n + 1;
  end loop;
  for d in select i.indexrelid::regclass as name, pg_get_indexdef(i.indexrelid) as def
           from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace s on s.oid = c.relnamespace
           where s.nspname = 'public' and c.relname = any(indexes_of) and not i.indisunique and not i.indisprimary
           order by 1 loop
    insert into pg_temp.deferred_check (restore) values (d.def);
    execute format('drop index %s', d.name);
    n := n + 1;
  end loop;
  return n;
end $$;
revoke all on function defer_checks_of_first_council(text[], text[]) from public;
grant execute on function defer_checks_of_first_council(text[], text[]) to lantern_app;

-- Puts back what the function above took away, each key checked against every row at once.
create or replace function restore_checks_of_first_council() returns integer
language plpgsql security definer set search_path = public as $$
declare
  d record;
  n integer := 0;
begin
  if to_regclass('pg_temp.deferred_check') is null then return 0; end if;
  for d in select restore from pg_temp.deferred_check order by position loop
    execute d.restore;
    n := n + 1;
  end loop;
  delete from pg_temp.deferred_check;
  return n;
end $$;
revoke all on function restore_checks_of_first_council() from public;
grant execute on function restore_checks_of_first_council() to lantern_app;
