import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/kernel/db/store.ts';

/** Which database the suite runs on: set per vitest project (db-pglite, db-postgres). */
export const TEST_DB = (process.env.LANTERN_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A migrated, empty database of the kind under test: an in-memory PGlite, or a new database on
 * the PostgreSQL server that is dropped again on close. Each test file gets its own.
 */
export async function openTestStore(): Promise<Store> {
  if (TEST_DB === 'pglite') return openStore({ kind: 'pglite-memory' });
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const store = await openStore({ kind: 'postgres', databaseUrl: withDatabase(TEST_DATABASE_URL, name) });
  return {
    ...store,
    close: async () => {
      await store.close();
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
