import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { appLoginName, openStore, type Store } from '../../src/kernel/db/store.ts';

/** Which database the suite runs on: set per vitest project (db-pglite, db-postgres). */
export const TEST_DB = (process.env.LANTERN_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the PostgreSQL server under test as its administrator. */
async function asAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A new, empty database on the PostgreSQL server under test, named `<prefix>_<random>`: its url, and
 * `drop`, which removes it and the application's login Lantern made for it (kernel/db/store.ts).
 */
export async function newPostgresDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await asAdmin(`create database ${name}`);
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    drop: async () => {
      await asAdmin(`drop database if exists ${name} with (force)`);
      await asAdmin(`drop role if exists ${appLoginName(name)}`);
    },
  };
}

/**
 * A migrated, empty database of the kind under test: an in-memory PGlite, or a new database on
 * the PostgreSQL server that is dropped again on close. Each test file gets its own.
 */
export async function openTestStore(): Promise<Store> {
  if (TEST_DB === 'pglite') return openStore({ kind: 'pglite-memory' });
  const database = await newPostgresDatabase('lantern_test');
  const store = await openStore({ kind: 'postgres', databaseUrl: database.url });
  return {
    ...store,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/**
 * A store of the kind under test that lives outside the test process, for running the `lantern`
 * command against it: a PGlite data folder, or a PostgreSQL database. `prepare` fills it first
 * (then it is closed, so the command can open it); `env` points the command at it, `open` opens it
 * again from the test, and `cleanup` removes it.
 */
export async function storeForCommand(
  prefix: string,
  prepare: (db: Store['db']) => Promise<unknown>,
): Promise<{ env: NodeJS.ProcessEnv; open: () => Promise<Store>; cleanup: () => Promise<void> }> {
  if (TEST_DB === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), `lantern-${prefix}-`));
    const open = () => openStore({ kind: 'pglite', dataDir: dir });
    const store = await open();
    await prepare(store.db);
    await store.close();
    return { env: { ...process.env, LANTERN_DATA_DIR: dir, DATABASE_URL: '' }, open, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { url, drop } = await newPostgresDatabase(`lantern_${prefix.replace(/-/g, '_')}`);
  const open = () => openStore({ kind: 'postgres', databaseUrl: url });
  const store = await open();
  await prepare(store.db);
  await store.close();
  return {
    env: { ...process.env, DATABASE_URL: url },
    open,
    cleanup: drop,
  };
}
