import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import lockfile from 'proper-lockfile';
import { syncCalendar } from '../calendar-table.ts';
import { migrate } from './migrate.ts';
import { EmbeddedDialect, EmbeddedPostgres } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export const APP_ROLE = 'lantern_app';

export type StoreOptions = { kind: 'postgres'; databaseUrl: string } | { kind: 'pglite'; dataDir: string } | { kind: 'pglite-memory' };

export type Store = {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  description: string;
  close(): Promise<void>;
};

/** Chooses the store the way the server and the command line do: DATABASE_URL, else a data folder. */
export function storeOptionsFrom(env: NodeJS.ProcessEnv, dataDirFlag?: string): StoreOptions {
  if (env.DATABASE_URL) return { kind: 'postgres', databaseUrl: env.DATABASE_URL };
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

/** node-postgres gives dates as ISO strings and counts as numbers, as the embedded store does. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1082) return (v: string) => v; // date
    if (oid === 20 || oid === 1700) return (v: string) => Number(v); // int8, numeric
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/**
 * A connection the server ends (a restart, a dropped database, a network fault) emits 'error' on
 * its client and, if idle, on the pool; an 'error' event no one hears ends the process. So every
 * client is heard from the moment it connects, and the pool too. The query that was running
 * fails (the request answers 503); the pool drops the broken client and connects afresh when the
 * server is back, so Lantern recovers by itself.
 */
function heard(pool: pg.Pool): pg.Pool {
  let last = 0;
  const report = (error: Error) => {
    // One line a few seconds at most: a restart breaks every connection at once.
    if (Date.now() - last < 5_000) return;
    last = Date.now();
    process.stderr.write(`lantern: a database connection closed: ${error.message}\n`);
  };
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  return pool;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** True when an error says the database cannot be reached now (not that the request was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: string; message?: string; errors?: unknown[] };
  if (e.code && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true;
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i.test(e.message ?? '');
}

/**
 * Opens the database, applies migrations as the owner, fills the calendar, and returns a
 * Kysely instance that runs as the application role (which may only insert into the audit trail).
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.kind === 'postgres') return openPostgres(options.databaseUrl);
  return openEmbedded(options.kind === 'pglite' ? options.dataDir : undefined);
}

async function openPostgres(databaseUrl: string): Promise<Store> {
  // Migrations run on one connection as the connecting user.
  const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: heard(new pg.Pool({ connectionString: databaseUrl, max: 1, types: pgTypes })) }) });
  try {
    await migrate(owner, (trx, script) =>
      sql
        .raw(script)
        .execute(trx)
        .then(() => undefined),
    );
    await syncCalendar(owner);
  } finally {
    await owner.destroy();
  }
  // No JIT: the deadline derivations are one large set-based statement over dozens of rules, and
  // compiling its 1,500 expressions with LLVM took four times as long as running it.
  const pool = heard(
    new pg.Pool({
      connectionString: databaseUrl,
      max: 10,
      types: pgTypes,
      options: `-c role=${APP_ROLE} -c jit=off`,
      // While the server is unreachable a request fails in seconds (503) rather than waiting on.
      connectionTimeoutMillis: 5_000,
    }),
  );
  // A cursor lets exports and long lists stream in batches instead of loading whole.
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  const safeUrl = databaseUrl.replace(/\/\/[^@/]*@/, '//');
  return { db, kind: 'postgres', description: `PostgreSQL at ${safeUrl}`, close: () => db.destroy() };
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
    embedded = await EmbeddedPostgres.start(dataDir ? path.join(dataDir, 'pg') : undefined);
    const db = new Kysely<Database>({ dialect: new EmbeddedDialect(embedded) });
    const pglite = embedded;
    await migrate(db, (_trx, script) => pglite.exec(script));
    await syncCalendar(db);
    // The one connection now runs as the application role for the rest of its life.
    await sql.raw(`set role ${APP_ROLE}`).execute(db);
    return {
      db,
      kind: 'pglite',
      description: dataDir ? `embedded PostgreSQL (PGlite) in ${dataDir}` : 'embedded PostgreSQL (PGlite) in memory',
      close: async () => {
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
