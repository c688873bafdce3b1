import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import lockfile from 'proper-lockfile';
import { syncCalendar } from '../calendar-table.ts';
import { ConfigurationError, settingProblems } from '../config.ts';
import { ALL_COUNCILS, currentCouncil } from './council.ts';
import { startFromTemplate } from './embedded-template.ts';
import { checkEmbeddedVersion, recordEmbeddedVersion } from './embedded-version.ts';
import { type MigrationStatus, migrate, migrationStatus } from './migrate.ts';
import { EmbeddedDialect, EmbeddedPostgres } from './pglite-dialect.ts';
import { applicationPool, DATABASE_WAITS, type DatabaseWaits, heard, pgTypes } from './postgres-pool.ts';
import { preparing } from './prepared.ts';
import type { Database } from './schema.ts';
import { timeline } from '../timeline.ts';

// Where they were first declared; the statements prepared per connection now live in prepared.ts.
export { GENERIC, PREPARED, runGeneric, runPrepared } from './prepared.ts';

export { isDatabaseBusy, isDatabaseUnavailable } from './postgres-pool.ts';

export const APP_ROLE = 'lantern_app';

/**
 * PostgreSQL: `databaseUrl` is the application's login; `ownerUrl` (LANTERN_OWNER_URL), when
 * given, the owner of the tables that migrations run as. Without it the one URL is the owner and
 * Lantern makes the application a login of its own (see openPostgres).
 */
export type StoreOptions =
  | { kind: 'postgres'; databaseUrl: string; ownerUrl?: string; poolSize?: number; waits?: DatabaseWaits }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' };

/** The connection pool now, for the metrics: PostgreSQL's pool, or the embedded store's one connection. */
export type PoolUse = { size: number; total: number; idle: number; waiting: number; waits: number; waitSeconds: number };

export type Store = {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  description: string;
  /** How many connections are in use and how long queries waited for one. */
  poolUse(): PoolUse;
  close(): Promise<void>;
};

/**
 * Chooses the store the way the server and the command line do: DATABASE_URL, else a data folder.
 * A malformed URL or pool size stops here with the setting named (kernel/config.ts).
 */
export function storeOptionsFrom(env: NodeJS.ProcessEnv, dataDirFlag?: string): StoreOptions {
  const problems = settingProblems(env, ['DATABASE_URL', 'LANTERN_OWNER_URL', 'LANTERN_DB_POOL_SIZE']);
  if (problems.length > 0) throw new ConfigurationError(problems);
  if (env.DATABASE_URL)
    return {
      kind: 'postgres',
      databaseUrl: env.DATABASE_URL,
      ...(env.LANTERN_OWNER_URL ? { ownerUrl: env.LANTERN_OWNER_URL } : {}),
      ...(env.LANTERN_DB_POOL_SIZE ? { poolSize: Number(env.LANTERN_DB_POOL_SIZE) } : {}),
    };
  return { kind: 'pglite', dataDir: path.resolve(dataDirFlag ?? env.LANTERN_DATA_DIR ?? 'data') };
}

export class DataFolderInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `The data folder ${dataDir} is already open in another Lantern process. ` +
        'The embedded database allows one process at a time: stop the other process (for example the running server), ' +
        'or point both at PostgreSQL with DATABASE_URL.',
    );
    this.name = 'DataFolderInUseError';
  }
}

/**
 * Opens the database, applies migrations as the owner, fills the calendar, and returns a
 * Kysely instance that runs as the application role (which may only insert into the audit trail).
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.kind === 'postgres') return openPostgres(options.databaseUrl, options.ownerUrl, options.poolSize ?? 10, options.waits ?? DATABASE_WAITS);
  return openEmbedded(options.kind === 'pglite' ? options.dataDir : undefined);
}

/** The council a query outside any request or context sees: all (the command line, start-up). */
const councilWanted = () => currentCouncil() ?? ALL_COUNCILS;

async function openPostgres(databaseUrl: string, ownerUrl: string | undefined, poolSize: number, waits: DatabaseWaits): Promise<Store> {
  // Migrations run on one connection as the owner of the tables.
  const owner = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: heard(new pg.Pool({ connectionString: ownerUrl ?? databaseUrl, max: 1, types: pgTypes })) }),
  });
  let appUrl = databaseUrl;
  try {
    await migrate(owner, (trx, script) =>
      sql
        .raw(script)
        .execute(trx)
        .then(() => undefined),
    );
    await syncCalendar(owner);
    // One URL: it is the owner's, so the application gets a login of its own rather than a role it
    // could RESET back from to the owner (a superuser, in a default installation).
    if (!ownerUrl) appUrl = await ensureAppLogin(owner, databaseUrl);
  } finally {
    await owner.destroy();
  }
  const pool = applicationPool(appUrl, poolSize, waits);
  // A cursor lets exports and long lists stream in batches instead of loading whole.
  const waited = { waits: 0, waitSeconds: 0 };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: councilPool(pool, waited), cursor: Cursor }) });
  try {
    await checkAppLogin(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const safeUrl = databaseUrl.replace(/\/\/[^@/]*@/, '//');
  return {
    db,
    kind: 'postgres',
    description: `PostgreSQL at ${safeUrl}`,
    poolUse: () => ({ size: poolSize, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, ...waited }),
    close: () => db.destroy(),
  };
}

async function openEmbedded(dataDir: string | undefined): Promise<Store> {
  let releaseLock: (() => Promise<void>) | null = null;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    try {
      // A lock file beside the data: two processes on one PGlite folder would corrupt it.
      releaseLock = await lockfile.lock(dataDir, { lockfilePath: path.join(dataDir, '.lantern.lock'), stale: 15_000, update: 5_000, retries: 0 });
    } catch (error) {
      if ((error as { code?: string }).code === 'ELOCKED') throw new DataFolderInUseError(dataDir);
      throw error;
    }
  }
  let embedded: EmbeddedPostgres | undefined;
  try {
    // A folder written by a PGlite this one cannot read is refused before it is opened.
    if (dataDir) await checkEmbeddedVersion(dataDir);
    const pgDir = dataDir ? path.join(dataDir, 'pg') : undefined;
    // A new folder starts as a copy of the empty database the install made (embedded-template.ts).
    if (pgDir) startFromTemplate(pgDir);
    timeline('embedded: starting PGlite');
    embedded = await EmbeddedPostgres.start(pgDir);
    timeline('embedded: PGlite ready');
    const db = new Kysely<Database>({ dialect: new EmbeddedDialect(embedded, councilWanted) });
    const pglite = embedded;
    await migrate(db, (_trx, script) => pglite.exec(script));
    timeline('embedded: migrated');
    await syncCalendar(db);
    timeline('embedded: calendar');
    // The one connection now runs as the application role for the rest of its life. (Its session
    // user is PGlite's superuser, so this is no wall against code in the process, which holds the
    // data folder anyway; row-level security and the audit function apply to it all the same.)
    await sql.raw(`set role ${APP_ROLE}`).execute(db);
    if (dataDir) await recordEmbeddedVersion(dataDir, db);
    let open = true;
    return {
      db,
      kind: 'pglite',
      description: dataDir ? `embedded PostgreSQL (PGlite) in ${dataDir}` : 'embedded PostgreSQL (PGlite) in memory',
      // One connection on its own thread: in use or not, and nothing waits in a pool.
      poolUse: () => ({ size: 1, total: open ? 1 : 0, idle: open ? 1 : 0, waiting: 0, waits: 0, waitSeconds: 0 }),
      close: async () => {
        open = false;
        await db.destroy();
        await pglite.close();
        await releaseLock?.();
      },
    };
  } catch (error) {
    await embedded?.close().catch(() => undefined);
    await releaseLock?.();
    throw error;
  }
}

/**
 * The pool as Kysely sees it: each connection handed out is first set for the council of the
 * context asking (council.ts). Most requests in a process are one council's, so the setting is
 * sent only when a connection was last set for another.
 */
function councilPool(pool: pg.Pool, waited: { waits: number; waitSeconds: number }) {
  const setFor = new WeakMap<pg.PoolClient, string>();
  return {
    async connect(): Promise<pg.PoolClient> {
      const asked = performance.now();
      const client = preparing(await pool.connect());
      waited.waits += 1;
      waited.waitSeconds += (performance.now() - asked) / 1000;
      const want = councilWanted();
      if (setFor.get(client) !== want) {
        try {
          await client.query(`select set_config('lantern.la_code', $1, false)`, [want]);
        } catch (error) {
          client.release(error as Error);
          throw error;
        }
        setFor.set(client, want);
      }
      return client;
    },
    end: () => pool.end(),
  };
}

/** The login Lantern makes for the application in a database it was given only the owner's URL for. */
export function appLoginName(database: string): string {
  const name = `lantern_app_${database.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
  return name.length <= 63 ? name : `lantern_app_${createHash('sha256').update(database).digest('hex').slice(0, 24)}`;
}

/**
 * Makes (or refreshes) the application's login for this database: a member of lantern_app, not a
 * superuser, owning nothing. Its password is derived from the owner's URL, so every Lantern process
 * given that URL agrees on it and only those who hold the owner's URL can know it. Returns the URL
 * the application connects with.
 */
async function ensureAppLogin(owner: Kysely<Database>, ownerUrl: string): Promise<string> {
  const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(owner);
  const name = appLoginName(rows[0]?.db ?? 'lantern');
  const password = createHash('sha256').update(`lantern-app-login\0${ownerUrl}`).digest('base64url');
  try {
    await sql
      .raw(
        `do $$ begin
           if not exists (select 1 from pg_roles where rolname = '${name}') then
             create role ${name} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '${password}' in role ${APP_ROLE};
           else
             alter role ${name} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '${password}';
           end if;
         end $$`,
      )
      .execute(owner);
  } catch (error) {
    // Another process made it at the same moment: the same name and password, so nothing to do.
    if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42710') throw error;
  }
  const url = new URL(ownerUrl);
  url.username = name;
  url.password = password;
  return url.toString();
}

/** Refuses to serve as a login that could step past the database's wall. */
async function checkAppLogin(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ login: string; superuser: boolean; bypass: boolean; owns: boolean; app: boolean }>`
    select current_user as login, r.rolsuper as superuser, r.rolbypassrls as bypass,
           exists (select 1 from pg_tables t where t.schemaname = 'public' and pg_has_role(current_user, t.tableowner, 'MEMBER')) as owns,
           pg_has_role(current_user, ${APP_ROLE}, 'USAGE') as app
    from pg_roles r where r.rolname = current_user`.execute(db);
  const me = rows[0];
  if (!me) throw new Error('lantern: cannot tell which database login the application connects as');
  const wrong = [
    me.superuser && 'is a superuser',
    me.bypass && 'bypasses row-level security',
    me.owns && 'owns tables',
    !me.app && `is not a member of ${APP_ROLE}`,
  ].filter(Boolean);
  if (wrong.length > 0)
    throw new Error(
      `The application's database login ${me.login} ${wrong.join(', ')}. DATABASE_URL must name a login that is a member of ${APP_ROLE} and nothing more; ` +
        'give the owner of the tables as LANTERN_OWNER_URL (see "Database roles" in the README).',
    );
}

/**
 * Where a store stands against this release's migrations, without migrating it (`lantern migrate
 * --check`): read as the owner on PostgreSQL; the embedded folder is locked and its PGlite
 * version checked first, as a start would.
 */
export async function readMigrationStatus(options: StoreOptions): Promise<MigrationStatus> {
  if (options.kind === 'postgres') {
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: heard(new pg.Pool({ connectionString: options.ownerUrl ?? options.databaseUrl, max: 1, types: pgTypes })) }),
    });
    try {
      return await migrationStatus(db);
    } finally {
      await db.destroy();
    }
  }
  if (options.kind !== 'pglite') throw new Error('An in-memory database has no migrations to check');
  await mkdir(options.dataDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(options.dataDir, { lockfilePath: path.join(options.dataDir, '.lantern.lock'), stale: 15_000, update: 5_000, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DataFolderInUseError(options.dataDir);
    throw error;
  }
  try {
    await checkEmbeddedVersion(options.dataDir);
    const embedded = await EmbeddedPostgres.start(path.join(options.dataDir, 'pg'));
    const db = new Kysely<Database>({ dialect: new EmbeddedDialect(embedded, councilWanted) });
    try {
      return await migrationStatus(db);
    } finally {
      await db.destroy();
      await embedded.close();
    }
  } finally {
    await release();
  }
}
