-- A new database's first deadlines on a PostgreSQL server also have obligation's primary key built
-- once from the rows, as 0047 does for the history tables, rather than kept up as each of millions of
-- rows goes in. Measured on the deadlines of 50,000 children (2.72 million rows, copied aside and
-- written again in key order, the load average 4-6): the insert with the key 16.6 and 12.3 s, without
-- it and the key added after 10.0 + 4.1 and 8.1 + 3.4 s. By 0043's function, the same guards: only a
-- deadline table holding no row at all (its lock taken before it is looked at), and only a key no
-- foreign key names; put back with the rest by restore_checks_of_first_council(), checked against
-- every row. Not on the embedded store (wal_level minimal), as 0047.
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
  if current_setting('wal_level') <> 'minimal' and cardinality(empty) > 0 then
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
