/**
 * The database as the second wall (migration 0026, kernel/db/council.ts): row-level security on
 * la_code for every council-owned table, audit rows only through lantern_audit, and (on
 * PostgreSQL) an application login that is neither a superuser nor the owner of the tables.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COUNCILS, withCouncil } from '../../src/kernel/db/council.ts';
import { DEMO_PASSWORD, seedCouncil } from '../../src/seed/generate.ts';
import { TEST_DB } from '../helpers/db.ts';
import { client, startTestServer, type TestServer } from '../helpers/server.ts';

const A = 'E06000019';
const B = 'E08000025';
let server: TestServer;
let councilOwned: string[];

const db = () => server.store.db;
const count = async (table: string, laCode?: string) =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} ${laCode ? sql`where la_code = ${laCode}` : sql``}`.execute(db())).rows[0]?.n,
  );

beforeAll(async () => {
  server = await startTestServer();
  await seedCouncil(db(), { children: 8, laCode: A, seed: 3 });
  await seedCouncil(db(), { children: 8, laCode: B, laNumber: '330', councilName: 'Birmingham', seed: 4 });
  const { rows } = await sql<{ table: string }>`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'la_code' and not a.attisdropped)
    order by 1`.execute(db());
  councilOwned = rows.map((r) => r.table);
});
afterAll(() => server?.close());

describe('row-level security on la_code', () => {
  it('covers every council-owned table, and every view runs as the one asking', async () => {
    const { rows } = await sql<{ table: string; kind: string; la_code: boolean; rls: boolean; policy: boolean; invoker: boolean }>`
      select c.relname as table, c.relkind as kind,
             exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'la_code' and not a.attisdropped) as la_code,
             c.relrowsecurity as rls,
             exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'lantern_council') as policy,
             coalesce('security_invoker=true' = any(c.reloptions), false) as invoker
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')`.execute(db());
    const tables = rows.filter((r) => r.kind !== 'v');
    // Tables without a council are national reference data and the deployment's bookkeeping only,
    // and the sign-in throttle: it counts failures per username and address before any council is
    // known, and must answer alike whichever councils (if any) use that username.
    expect(
      tables
        .filter((r) => !r.la_code)
        .map((r) => r.table)
        .sort(),
    ).toEqual(['calendar_day', 'postcode_directory', 'scheduled_job', 'schema_migration', 'sign_in_throttle']);
    const unguarded = tables.filter((r) => r.la_code && !(r.rls && r.policy)).map((r) => r.table);
    expect(unguarded, 'call lantern_council_owned(table) in the migration that creates these').toEqual([]);
    expect(
      rows.filter((r) => r.kind === 'm').map((r) => r.table),
      'a materialized view cannot be under row-level security',
    ).toEqual([]);
    expect(
      rows.filter((r) => r.kind === 'v' && !r.invoker).map((r) => r.table),
      'create views with (security_invoker = true)',
    ).toEqual([]);
    expect(councilOwned.length).toBeGreaterThan(50);
  });

  it('shows a query made for no council nothing, and a council only its own rows', async () => {
    const seen: Record<string, { none: number; a: number; b: number; allA: number; allB: number }> = {};
    for (const table of councilOwned) {
      seen[table] = {
        none: await withCouncil('', () => count(table)),
        a: await withCouncil(A, () => count(table)),
        b: await withCouncil(B, () => count(table)),
        allA: await withCouncil(ALL_COUNCILS, () => count(table, A)),
        allB: await withCouncil(ALL_COUNCILS, () => count(table, B)),
      };
    }
    for (const [table, n] of Object.entries(seen)) {
      expect(n.none, `${table} with no council`).toBe(0);
      expect(n.a, `${table} as ${A}`).toBe(n.allA);
      expect(n.b, `${table} as ${B}`).toBe(n.allB);
    }
    // Both councils really are there, so the zeros above are the wall and not an empty database.
    for (const table of ['person', 'app_user', 'worker', 'contact', 'record_version', 'chronology_entry', 'obligation']) {
      expect(seen[table]?.allA, table).toBeGreaterThan(0);
      expect(seen[table]?.allB, table).toBeGreaterThan(0);
    }
    // Nor can a council write a row of another's.
    await expect(withCouncil(A, () => db().updateTable('team').set({ name: 'Changed' }).where('la_code', '=', B).executeTakeFirst())).resolves.toMatchObject({
      numUpdatedRows: 0n,
    });
    await expect(
      withCouncil(A, () => sql`insert into team (la_code, team_id, name, service) values (${B}, gen_random_uuid(), 'Intruders', 'assessment')`.execute(db())),
    ).rejects.toThrow(/row-level security/);
  });

  it('serves a signed-in user their own council only, the username found across councils at sign-in', async () => {
    const ambiguous = await client(server).post('/api/session', { username: 'sw.demo', password: DEMO_PASSWORD });
    expect(ambiguous.status).toBe(400);
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'hos.demo', password: DEMO_PASSWORD, laCode: B }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { laCode: string; councilName: string } }).user).toMatchObject({ laCode: B, councilName: 'Birmingham' });
    const hos = client(server, (res.headers.get('set-cookie') ?? '').split(';')[0]);
    const found = await hos.get('/api/children?q=a&limit=100');
    expect(found.status).toBe(200);
    expect(found.body.results.length).toBeGreaterThan(0);
    const ids = found.body.results.map((r: { childId: string }) => r.childId);
    const councils = await db().selectFrom('person').select('la_code').distinct().where('person_id', 'in', ids).execute();
    expect(councils.map((c) => c.la_code)).toEqual([B]);
    // A session cookie naming another council is no session there.
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const forged = client(server, cookie.replace(`=${B}.`, `=${A}.`));
    expect((await forged.get('/api/session')).status).toBe(401);
    expect((await client(server, `lantern_session=${ALL_COUNCILS}.${cookie.split('.')[1]}`).get('/api/session')).status).toBe(401);
  });

  it('audits a wrong password for a username in two councils in each council, the request itself seeing neither', async () => {
    const failures = () =>
      withCouncil(ALL_COUNCILS, () =>
        db().selectFrom('audit_event').select('la_code').where('action', '=', 'sign-in-failed').where('username', '=', 'sw.demo').orderBy('la_code').execute(),
      );
    const before = await failures();
    const wrong = await client(server).post('/api/session', { username: 'sw.demo', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    const added = (await failures()).length - before.length;
    expect(added).toBe(2);
    const byCouncil = (rows: { la_code: string }[], code: string) => rows.filter((r) => r.la_code === code).length;
    const after = await failures();
    expect(byCouncil(after, A) - byCouncil(before, A)).toBe(1);
    expect(byCouncil(after, B) - byCouncil(before, B)).toBe(1);
  });
});

describe('the audit trail', () => {
  it('takes rows only through lantern_audit, which stamps the time itself and keeps to the council acting', async () => {
    await expect(withCouncil(A, () => sql`insert into audit_event (la_code, action) values (${A}, 'read')`.execute(db()))).rejects.toThrow(/permission denied/);
    const entry = { la_code: A, action: 'read', record_type: 'test', occurred_at: '2001-01-01T00:00:00Z', audit_id: 1 };
    const before = Date.now();
    await withCouncil(A, () => sql`select lantern_audit(${JSON.stringify([entry])}::jsonb)`.execute(db()));
    const row = await withCouncil(A, () =>
      db().selectFrom('audit_event').selectAll().where('record_type', '=', 'test').orderBy('audit_id', 'desc').executeTakeFirstOrThrow(),
    );
    expect(row.occurred_at.getTime()).toBeGreaterThan(before - 5_000);
    expect(row.audit_id).not.toBe(1);
    await expect(withCouncil(A, () => sql`select lantern_audit(${JSON.stringify([{ ...entry, la_code: B }])}::jsonb)`.execute(db()))).rejects.toThrow(
      /council acting/,
    );
    await expect(withCouncil(A, () => sql`update audit_event set action = 'x'`.execute(db()))).rejects.toThrow(/permission denied|insert-only/);
  });
});

describe.runIf(TEST_DB === 'postgres')('the application login on PostgreSQL', () => {
  it('is neither a superuser nor an owner, and cannot become one', async () => {
    const me = async () =>
      (
        await sql<{
          login: string;
          superuser: boolean;
        }>`select current_user as login, (select rolsuper from pg_roles where rolname = current_user) as superuser`.execute(db())
      ).rows[0];
    await db()
      .connection()
      .execute(async (conn) => {
        const login = (await me())?.login as string;
        expect(login).not.toBe('postgres');
        await sql`reset role`.execute(conn);
        await sql`reset session authorization`.execute(conn);
        const after = (
          await sql<{
            login: string;
            superuser: boolean;
          }>`select current_user as login, (select rolsuper from pg_roles where rolname = current_user) as superuser`.execute(conn)
        ).rows[0];
        expect(after).toEqual({ login, superuser: false });
        await expect(sql`set role postgres`.execute(conn)).rejects.toThrow(/permission denied/);
      });
    const owners = await sql<{ owner: string }>`select distinct tableowner as owner from pg_tables where schemaname = 'public'`.execute(db());
    expect(owners.rows.map((r) => r.owner)).not.toContain((await me())?.login);
  });
});
