/**
 * Backup and restore of either store, for `lantern backup` and `lantern restore`.
 *
 *   embedded (PGlite)  the data folder's database as PGlite's own gzipped archive (dumpDataDir);
 *                      the folder is locked while it is read, so the server must be stopped
 *   PostgreSQL         pg_dump's custom format, read as the owner of the tables (LANTERN_OWNER_URL,
 *                      else DATABASE_URL), restored with pg_restore in one transaction
 *
 * A restore goes into an empty store, or replaces a store only when asked (`replace`): the
 * embedded folder is then kept beside the new one, and PostgreSQL's objects are dropped first.
 * Either way the result is opened once, so it is migrated to this version of Lantern.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open as openFile, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import lockfile from 'proper-lockfile';
import pg from 'pg';
import { APP_ROLE, DataFolderInUseError, type StoreOptions } from './store.ts';

const run = promisify(execFile);

export type BackupKind = 'embedded' | 'postgres';

/** What a backup file holds, from its first bytes. */
export async function backupKindOf(file: string): Promise<BackupKind> {
  const handle = await openFile(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead >= 5 && buffer.toString('latin1') === 'PGDMP') return 'postgres';
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return 'embedded';
  } finally {
    await handle.close();
  }
  throw new Error(`${file} is not a Lantern backup (neither a PostgreSQL dump nor an embedded database archive)`);
}

/** Writes a backup of the store to `out`; returns what kind it is. */
export async function backup(options: StoreOptions, out: string): Promise<BackupKind> {
  if (options.kind === 'postgres') {
    const { url, env } = splitPassword(options.ownerUrl ?? options.databaseUrl);
    await run('pg_dump', ['--format=custom', '--compress=6', `--file=${out}`, `--dbname=${url}`], { env });
    return 'postgres';
  }
  if (options.kind !== 'pglite') throw new Error('An in-memory database cannot be backed up');
  await withFolder(options.dataDir, async (pgDir) => {
    if (!existsSync(pgDir)) throw new Error(`There is no embedded database in ${options.dataDir}`);
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(pgDir);
    try {
      const archive = await db.dumpDataDir('gzip');
      await writeFile(out, Buffer.from(await archive.arrayBuffer()));
    } finally {
      await db.close();
    }
  });
  return 'embedded';
}

/** Restores `file` into the store; refuses a store with data in it unless `replace`. */
export async function restore(options: StoreOptions, file: string, replace: boolean): Promise<void> {
  const kind = await backupKindOf(file);
  const target: BackupKind = options.kind === 'postgres' ? 'postgres' : 'embedded';
  if (kind !== target)
    throw new Error(
      kind === 'embedded'
        ? 'This is a backup of the embedded database: restore it with LANTERN_DATA_DIR (or --data-dir) and no DATABASE_URL'
        : 'This is a backup of a PostgreSQL database: restore it with DATABASE_URL set',
    );
  if (options.kind === 'postgres') return restorePostgres(options.ownerUrl ?? options.databaseUrl, file, replace);
  if (options.kind !== 'pglite') throw new Error('Cannot restore into an in-memory database');
  await withFolder(options.dataDir, async (pgDir) => {
    if (existsSync(pgDir) && (await readdir(pgDir)).length > 0) {
      if (!replace) throw new Error(`${options.dataDir} already holds a database: restore into an empty folder, or add --replace`);
      // Kept, not deleted: a restore over the wrong folder can be undone by hand.
      const kept = `${pgDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(pgDir, kept);
      process.stderr.write(`The database that was there is kept in ${kept}\n`);
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(pgDir, { loadDataDir: new Blob([await readFile(file)]) });
    await db.close();
  });
}

async function restorePostgres(ownerUrl: string, file: string, replace: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const held = await client.query(`select to_regclass('public.schema_migration') is not null as held`);
    if (held.rows[0]?.held && !replace) throw new Error('The database already holds a Lantern council: restore into an empty database, or add --replace');
    // The dump grants to the application role, which a new server may not have yet.
    await client.query(`do $$ begin
        if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then create role ${APP_ROLE} nologin; end if;
      exception when duplicate_object or unique_violation then null; end $$`);
  } finally {
    await client.end();
  }
  const { url, env } = splitPassword(ownerUrl);
  await run('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', ...(replace ? ['--clean', '--if-exists'] : []), `--dbname=${url}`, file], {
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** The password goes to pg_dump and pg_restore in their environment, not on a command line others can list. */
function splitPassword(connection: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(connection);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs with the data folder locked, as the server locks it, so neither can open it meanwhile. */
async function withFolder(dataDir: string, work: (pgDir: string) => Promise<void>): Promise<void> {
  let release: () => Promise<void>;
  try {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dataDir, { recursive: true });
    release = await lockfile.lock(dataDir, { lockfilePath: path.join(dataDir, '.lantern.lock'), stale: 15_000, update: 5_000, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DataFolderInUseError(dataDir);
    throw error;
  }
  try {
    await work(path.join(dataDir, 'pg'));
  } finally {
    await release();
  }
}
