import { readdirSync, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url);

export type Migration = { version: string; sql: string };

/** This release's migrations, in order: a few files read at once, as a start needs them before anything else. */
export function loadMigrations(): Migration[] {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  return files.map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(new URL(f, MIGRATIONS_DIR), 'utf8') }));
}

/**
 * Applies the plain SQL migrations not yet applied, each in its own transaction, in order.
 * The same files run on PGlite and PostgreSQL. An advisory lock stops two servers starting
 * together from applying the same migration twice.
 * `runScript` runs a multi-statement SQL script (simple protocol) on the same connection.
 */
export async function migrate(db: Kysely<Database>, runScript: (trx: Kysely<Database>, script: string) => Promise<void>): Promise<string[]> {
  const migrations = loadMigrations();
  const applied: string[] = [];
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7410652)`.execute(trx);
    // Under the lock too: two servers starting on a new database would race to create it.
    await sql`create table if not exists schema_migration (version text primary key, applied_at timestamptz not null default now())`.execute(trx);
    const done = new Set((await trx.selectFrom('schema_migration').select('version').execute()).map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await runScript(trx, m.sql);
      await trx.insertInto('schema_migration').values({ version: m.version }).execute();
      applied.push(m.version);
    }
  });
  return applied;
}

export type MigrationStatus = {
  /** The last migration this release has. */
  expected: string;
  /** The last one the database has. */
  applied: string | null;
  /** This release's migrations the database lacks, in the order they would run. */
  pending: string[];
  /** Migrations the database has that this release does not know: a newer release migrated it. */
  unknown: string[];
};

let known: Migration[] | null = null;

/** Where the database stands against this release's migrations (read only; nothing runs). */
export async function migrationStatus(db: Kysely<Database>): Promise<MigrationStatus> {
  known ??= loadMigrations();
  const migrations = known;
  const exists = await sql<{ t: string | null }>`select to_regclass('schema_migration')::text as t`.execute(db);
  const done = exists.rows[0]?.t ? (await db.selectFrom('schema_migration').select('version').orderBy('version').execute()).map((r) => r.version) : [];
  const doneSet = new Set(done);
  const names = new Set(migrations.map((m) => m.version));
  return {
    expected: migrations.at(-1)?.version ?? '',
    applied: done.at(-1) ?? null,
    pending: migrations.filter((m) => !doneSet.has(m.version)).map((m) => m.version),
    unknown: done.filter((v) => !names.has(v)),
  };
}
