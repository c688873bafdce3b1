-- The ledger keeps every version of every versioned record, whoever writes it: the API, an
-- import, the demo generator or a person at psql. Doing it in the database, rather than in each
-- caller, is what makes the history impossible to forget.
--
-- record_version.record_id becomes text: most records have a uuid key, but a few are keyed by
-- more than one column (a care leaver's birthday contact is the child and the age).
alter table record_version alter column record_id type text using record_id::text;

-- The user a transaction acts for: the ledger sets `lantern.user_id` (transaction-local) before
-- it writes; a batch without a person (the generator) leaves it empty.
create function ledger_user() returns uuid language sql stable as $$
  select nullif(current_setting('lantern.user_id', true), '')::uuid
$$;

-- A change that forgets to raise the version still gets a new one: a version is a change.
create function ledger_raise_version() returns trigger language plpgsql as $$
begin
  if new.version = old.version and to_jsonb(new) is distinct from to_jsonb(old) then
    new.version := old.version + 1;
  end if;
  return new;
end $$;

-- Keeps the versions written by one statement, set-based (a bulk import is one insert here).
-- TG_ARGV: 0 the record type (the table in kebab case), 1 the key columns (comma-separated,
-- without la_code), 2 the column naming the child ('' when the record is not a child's).
-- The first version is stamped with the row's own creation time and author where it has them
-- (an imported history keeps its dates); later versions with the moment and the ledger's user.
create function ledger_keep_versions() returns trigger language plpgsql as $$
declare
  keys text[] := string_to_array(tg_argv[1], ',');
begin
  insert into record_version (la_code, record_type, record_id, version, child_id, data, changed_by, changed_at)
  select r.j ->> 'la_code',
         tg_argv[0],
         (select string_agg(r.j ->> k, ':' order by o) from unnest(keys) with ordinality as u(k, o)),
         (r.j ->> 'version')::integer,
         -- A person is a child's record only while they are a child of the council's.
         case when tg_argv[2] <> '' and coalesce((r.j ->> 'is_child')::boolean, true) then (r.j ->> tg_argv[2])::uuid end,
         r.j,
         case when tg_op = 'INSERT'
              then coalesce(ledger_user(), (r.j ->> 'created_by')::uuid, (r.j ->> 'recorded_by')::uuid)
              else coalesce(ledger_user(), (r.j ->> 'updated_by')::uuid) end,
         case when tg_op = 'INSERT'
              then coalesce((r.j ->> 'created_at')::timestamptz, (r.j ->> 'recorded_at')::timestamptz, now())
              else now() end
  from (select to_jsonb(n) as j from ledger_new_rows n) r
  -- A version already kept stays as it was: history is never rewritten.
  on conflict do nothing;
  return null;
end $$;

-- Puts a table under the ledger: its versions raised on change and kept on insert and update.
-- Every table with a `version` column is put here by the migration that creates it.
create function ledger_keep_versions_of(tbl text, child_column text default null) returns void language plpgsql as $$
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
  execute format(
    'create trigger ledger_versions_insert after insert on %I referencing new table as ledger_new_rows for each statement execute function ledger_keep_versions(%L, %L, %L)',
    tbl, replace(tbl, '_', '-'), key_columns, child_col);
  execute format(
    'create trigger ledger_versions_update after update on %I referencing new table as ledger_new_rows for each statement execute function ledger_keep_versions(%L, %L, %L)',
    tbl, replace(tbl, '_', '-'), key_columns, child_col);
end $$;

-- Versions kept by hand before the ledger (children as 'child', people as 'person') are kept as
-- the ledger names them; their data stays as it was written.
update record_version set record_type = 'person' where record_type = 'child';

-- Every versioned table, and the first version of every row already there.
do $$
declare
  t record;
begin
  for t in
    select c.table_name from information_schema.columns c
    where c.table_schema = current_schema() and c.column_name = 'version'
      and c.table_name not in ('record_version', 'schema_migration')
    order by c.table_name
  loop
    perform ledger_keep_versions_of(t.table_name, case when t.table_name = 'person' then 'person_id' end);
    -- A council upgraded from before the ledger: each row's current version is kept as it is now.
    execute format(
      'insert into record_version (la_code, record_type, record_id, version, child_id, data)
       select x.la_code, %L, %s, x.version, %s, to_jsonb(x) from %I x on conflict do nothing',
      replace(t.table_name, '_', '-'),
      (select 'concat_ws('':'', ' || string_agg(format('x.%I', a.attname), ', ' order by k.o) || ')'
         from pg_index i cross join lateral unnest(i.indkey) with ordinality as k(attnum, o)
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
         where i.indrelid = t.table_name::regclass and i.indisprimary and (a.attname <> 'la_code' or i.indnatts = 1)),
      case when t.table_name = 'person' then 'case when x.is_child then x.person_id end'
           when exists (select 1 from information_schema.columns where table_name = t.table_name and column_name = 'child_id') then 'x.child_id'
           else 'null::uuid' end,
      t.table_name);
  end loop;
end $$;
