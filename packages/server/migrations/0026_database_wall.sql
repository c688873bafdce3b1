-- The database as the second wall (issue 16): what the application's login may see and write,
-- whatever the application's own code does.
--
-- 1. Row-level security on la_code. A council-owned table shows (and accepts) only the rows of
--    the council named by the connection's `lantern.la_code` setting, which Lantern sets from the
--    signed-in user (kernel/db/council.ts). Unset or '' shows nothing; '*' shows every council
--    (the command line, tests and start-up work that spans councils). Owners and superusers are
--    not subject to it (no FORCE): the application's login is neither, which Lantern checks at
--    start (kernel/db/store.ts), so migrations and the SECURITY DEFINER functions below may read
--    across councils.
-- 2. Audit rows only through lantern_audit(), which stamps the time itself.
-- 3. Sign-in finds a user before the council is known through lantern_sign_in_candidates() (by
--    username) and lantern_identity_candidates() (by the identity provider's subject or email).

-- Puts a table under the council wall. Every table with a la_code column is put here at the end
-- of this migration; a table created by a LATER migration calls `select lantern_council_owned('t')`
-- (test/kernel/database-wall.test.ts fails if one is missed).
create function lantern_council_owned(tbl regclass) returns void language plpgsql as $$
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('drop policy if exists lantern_council on %s', tbl);
  -- The setting is read once per statement (an InitPlan), not once per row.
  execute format(
    'create policy lantern_council on %s using (la_code = (select current_setting(''lantern.la_code'', true)) or (select current_setting(''lantern.la_code'', true)) = ''*'')',
    tbl);
end $$;

do $$
declare
  t regclass;
begin
  for t in
    select c.oid::regclass
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'la_code' and not a.attisdropped)
  loop
    perform lantern_council_owned(t);
  end loop;
  -- A view runs as its owner unless told otherwise, which would step past the policies above.
  for t in
    select c.oid::regclass from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'v'
  loop
    execute format('alter view %s set (security_invoker = true)', t);
  end loop;
end $$;

-- The audit trail: rows come in only through this function, which takes what happened and who
-- did it, and stamps the time itself (occurred_at takes its default; the id is generated). A row
-- must be for the council the connection acts for. The application may not insert directly.
create function lantern_audit(entries jsonb) returns void
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  council text := coalesce(current_setting('lantern.la_code', true), '');
begin
  if council <> '*' and exists (select 1 from jsonb_array_elements(entries) e where (e ->> 'la_code') is distinct from council) then
    raise exception 'an audit row must be for the council acting (%)', council using errcode = 'insufficient_privilege';
  end if;
  insert into audit_event (la_code, user_id, username, user_role, action, record_type, record_id, child_id, ip, user_agent, detail)
  select r.la_code, r.user_id, r.username, r.user_role, r.action, r.record_type, r.record_id, r.child_id, r.ip, r.user_agent, r.detail
  from jsonb_populate_recordset(null::audit_event, entries) r;
end $$;
revoke all on function lantern_audit(jsonb) from public;
grant execute on function lantern_audit(jsonb) to lantern_app;
revoke insert on audit_event from lantern_app;

-- Sign-in: the users of every council with this username (or of the council named), read as the
-- owner because the council is what sign-in is finding out. Nothing else reads across councils
-- (but lantern_identity_candidates below, for the same reason).
create function lantern_sign_in_candidates(name text, council text default null) returns setof app_user
language sql stable security definer set search_path = pg_catalog, public as $$
  select * from app_user where username = name and (council is null or la_code = council)
$$;
revoke all on function lantern_sign_in_candidates(text, text) from public;
grant execute on function lantern_sign_in_candidates(text, text) to lantern_app;

-- Sign-in through the council's identity provider: the users whose provider subject this is, or
-- (when no user has it) whose email is the provider's verified email, already lower-cased.
create function lantern_identity_candidates(subject text, verified_email text default null) returns setof app_user
language sql stable security definer set search_path = pg_catalog, public as $$
  select * from app_user where oidc_subject = subject
  union all
  select * from app_user
  where verified_email is not null and lower(email) = verified_email
    and not exists (select 1 from app_user where oidc_subject = subject)
$$;
revoke all on function lantern_identity_candidates(text, text) from public;
grant execute on function lantern_identity_candidates(text, text) to lantern_app;
