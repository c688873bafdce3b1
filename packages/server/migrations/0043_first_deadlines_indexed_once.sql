-- A new database's first deadlines (the seed's, an import's first derivation) are written with the
-- deadline tables' secondary indexes built once after the rows, not kept up row by row: at 50,000
-- children the council rebuild's 2.68 million rows cost 62 s of database CPU with obligation's
-- eight indexes and 23 s with its key alone. By 0041's mechanism, not a copy of it: the indexes are
-- dropped as the tables' owner inside the caller's transaction, noted in the same
-- pg_temp.deferred_check, put back by restore_checks_of_first_council(), and a transaction that
-- has not put them back cannot commit. An index covers every council's rows, so only a deadline
-- table holding no row at all (any council's) is touched, and the application role can name no
-- other table: it gains no right to drop an index that holds anything.

-- 0041's bookkeeping and index half as functions of their own, for the owner's functions alone.
create or replace function first_council_deferring() returns void
language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if to_regclass('pg_temp.deferred_check') is null then
    create temporary table deferred_check (position serial, restore text not null) on commit drop;
    -- Checked at commit, before the table is dropped: anything still to put back refuses the commit.
    create constraint trigger deferred_checks_restored after insert on pg_temp.deferred_check
      deferrable initially deferred for each row execute function public.first_council_checks_restored();
  end if;
end $$;
revoke all on function first_council_deferring() from public;

create or replace function defer_indexes_of(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  d record;
  n integer := 0;
begin
  perform public.first_council_deferring();
  for d in select i.indexrelid::regclass as name, pg_get_indexdef(i.indexrelid) as def
           from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace s on s.oid = c.relnamespace
           where s.nspname = 'public' and c.relname = any(tables) and not i.indisunique and not i.indisprimary
           order by 1 loop
    insert into pg_temp.deferred_check (restore) values (d.def);
    execute format('drop index %s', d.name);
    n := n + 1;
  end loop;
  return n;
end $$;
revoke all on function defer_indexes_of(text[]) from public;

-- 0041's function, the same checks deferred, its index half now the one above.
create or replace function defer_checks_of_first_council(keys_of text[], indexes_of text[]) returns integer
language plpgsql security definer set search_path = public as $$
declare
  d record;
  n integer := 0;
begin
  -- Only for a database with no council: dropping a key locks the tables it joins until commit.
  if exists (select 1 from local_authority) then return 0; end if;
  perform first_council_deferring();
  for d in select c.conrelid::regclass as t, c.conname, pg_get_constraintdef(c.oid) as def
           from pg_constraint c join pg_class t on t.oid = c.conrelid
           where c.contype = 'f' and c.connamespace = 'public'::regnamespace and t.relname = any(keys_of)
           order by c.conrelid::regclass::text, c.conname loop
    insert into pg_temp.deferred_check (restore) values (format('alter table %s add constraint %I %s', d.t, d.conname, d.def));
    execute format('alter table %s drop constraint %I', d.t, d.conname);
    n := n + 1;
  end loop;
  return n + defer_indexes_of(indexes_of);
end $$;

-- The deadline tables named that hold no row at all have their secondary indexes dropped until
-- restore_checks_of_first_council(). Each table's lock is taken before it is looked at, so no other
-- transaction's first rows can come in between the look and the drop.
create or replace function defer_indexes_of_first_deadlines(tables text[]) returns integer
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  t text;
  holds_rows boolean;
  empty text[] := '{}';
begin
  foreach t in array tables loop
    if t not in ('obligation', 'worker_obligation', 'foster_obligation') then
      raise exception '% is not a deadline table', t using errcode = 'insufficient_privilege';
    end if;
    execute format('lock table public.%I in share row exclusive mode', t);
    execute format('select exists (select 1 from public.%I)', t) into holds_rows;
    if not holds_rows then empty := empty || t; end if;
  end loop;
  return defer_indexes_of(empty);
end $$;
revoke all on function defer_indexes_of_first_deadlines(text[]) from public;
grant execute on function defer_indexes_of_first_deadlines(text[]) to lantern_app;
