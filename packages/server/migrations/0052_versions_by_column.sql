-- Each versioned table keeps its versions through a trigger function of its own, written for its
-- columns: the record's key, version, child, author and time read from the new row itself, not
-- back out of its JSON copy by name, and the key not rebuilt by an aggregate for every row. The
-- rows kept are those of 0015 and 0037 exactly: the key is the same text (`->>` of a uuid or an
-- integer is its own text; any other type is still read through its JSON), the first version is
-- stamped with the row's own creation time and author, later ones with the moment and the
-- ledger's user, and a version already kept stays as it was.

-- The trigger function for one table, made from what 0015's triggers were given: the record
-- type, the key columns (comma-separated) and the column naming the child ('' for none).
create function ledger_keep_versions_by_column(tbl text, record_type text, key_columns text, child_column text) returns void
language plpgsql as $$
declare
  rel regclass := tbl::regclass;
  fn text := 'ledger_keep_versions_of_' || tbl;
  key_text text;
  child_expr text := 'null::uuid';
  inserted_by text := 'ledger_user()';
  inserted_at text := 'now()';
  updated_by text := 'ledger_user()';
begin
  select string_agg(
           case when a.atttypid in ('uuid'::regtype, 'text'::regtype, 'int2'::regtype, 'int4'::regtype, 'int8'::regtype)
                then format('n.%I::text', a.attname)
                else format('(to_jsonb(n.%I) #>> ''{}'')', a.attname) end,
           ' || '':'' || ' order by k.o)
    into key_text
  from unnest(string_to_array(key_columns, ',')) with ordinality as k(name, o)
  join pg_attribute a on a.attrelid = rel and a.attname = k.name and not a.attisdropped;

  -- Only the columns the table has: a missing one was null in its JSON copy.
  if child_column <> '' then
    child_expr := format('n.%I::uuid', child_column);
    -- A person is a child's record only while they are a child of the council's.
    if exists (select 1 from pg_attribute where attrelid = rel and attname = 'is_child' and not attisdropped) then
      child_expr := format('case when coalesce(n.is_child, true) then n.%I::uuid end', child_column);
    end if;
  end if;
  select coalesce('coalesce(ledger_user(), ' || string_agg(format('n.%I::uuid', attname), ', ' order by attname = 'recorded_by') || ')', inserted_by)
    into inserted_by
  from pg_attribute where attrelid = rel and attname in ('created_by', 'recorded_by') and not attisdropped;
  select coalesce('coalesce(' || string_agg(format('n.%I::timestamptz', attname), ', ' order by attname = 'recorded_at') || ', now())', inserted_at)
    into inserted_at
  from pg_attribute where attrelid = rel and attname in ('created_at', 'recorded_at') and not attisdropped;
  if exists (select 1 from pg_attribute where attrelid = rel and attname = 'updated_by' and not attisdropped) then
    updated_by := 'coalesce(ledger_user(), n.updated_by::uuid)';
  end if;

  execute format($body$
    create or replace function %I() returns trigger language plpgsql as $fn$
    begin
      if tg_op = 'INSERT' then
        insert into record_version (la_code, record_type, record_id, version, child_id, data, changed_by, changed_at)
        select n.la_code::text, %L, %s, n.version::integer, %s, to_jsonb(n), %s, %s
        from ledger_new_rows n
        on conflict do nothing;
      else
        insert into record_version (la_code, record_type, record_id, version, child_id, data, changed_by, changed_at)
        select n.la_code::text, %L, %s, n.version::integer, %s, to_jsonb(n), %s, now()
        from ledger_new_rows n
        on conflict do nothing;
      end if;
      return null;
    end $fn$ $body$,
    fn, record_type, key_text, child_expr, inserted_by, inserted_at, record_type, key_text, child_expr, updated_by);

  -- A table already versioned has its triggers remade (a new one has none yet).
  if exists (select 1 from pg_trigger where tgrelid = rel and tgname = 'ledger_versions_insert') then
    execute format('drop trigger ledger_versions_insert on %I', tbl);
    execute format('drop trigger ledger_versions_update on %I', tbl);
  end if;
  execute format(
    'create trigger ledger_versions_insert after insert on %I referencing new table as ledger_new_rows for each statement execute function %I()',
    tbl, fn);
  execute format(
    'create trigger ledger_versions_update after update on %I referencing new table as ledger_new_rows for each statement execute function %I()',
    tbl, fn);
end $$;

-- Puts a table under the ledger, as 0015's did: its key from its primary key, its child column
-- `child_id` where it has one, unless named.
create or replace function ledger_keep_versions_of(tbl text, child_column text default null) returns void language plpgsql as $$
declare
  key_columns text;
  child_col text := child_column;
begin
  select string_agg(a.attname, ',' order by k.o) into key_columns
  from pg_index i
  cross join lateral unnest(i.indkey) with ordinality as k(attnum, o)
  join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
  where i.indrelid = tbl::regclass and i.indisprimary and a.attname <> 'la_code';
  -- A council's own row is keyed by its code alone.
  key_columns := coalesce(key_columns, 'la_code');
  if child_col is null then
    select case when exists (select 1 from pg_attribute where attrelid = tbl::regclass and attname = 'child_id' and not attisdropped)
                then 'child_id' else '' end into child_col;
  end if;
  execute format('create trigger ledger_raise_version before update on %I for each row execute function ledger_raise_version()', tbl);
  perform ledger_keep_versions_by_column(tbl, replace(tbl, '_', '-'), key_columns, child_col);
end $$;

-- Every table already versioned, remade from the arguments its triggers were given.
do $$
declare
  t record;
begin
  for t in
    select c.relname, string_to_array(encode(tg.tgargs, 'escape'), '\000') as args
    from pg_trigger tg join pg_class c on c.oid = tg.tgrelid
    where tg.tgname = 'ledger_versions_insert' and tg.tgfoid = 'ledger_keep_versions'::regproc
      and c.relnamespace = current_schema()::regnamespace
    order by c.relname
  loop
    perform ledger_keep_versions_by_column(t.relname, t.args[1], t.args[2], t.args[3]);
  end loop;
end $$;

drop function ledger_keep_versions();
