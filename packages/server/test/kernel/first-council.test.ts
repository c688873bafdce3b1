/**
 * A new database's first council is loaded with its biggest tables' foreign keys checked once, at
 * the end (migration 0041, kernel/db/first-council.ts). The application role may ask for that, so
 * it must never be able to leave a table without its keys: not by a lone call, not by committing
 * without putting them back, and not once the database holds a council. Its tables are emptied
 * first, for a load without WAL, only on the embedded store and only when they hold nothing (0043).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferChecksOfFirstCouncil, emptyTablesOfFirstCouncil, restoreChecksOfFirstCouncil } from '../../src/kernel/db/first-council.ts';
import type { Store } from '../../src/kernel/db/store.ts';
import { openTestStore, TEST_DB } from '../helpers/db.ts';

let store: Store;
const db = () => store.db;
const TABLES = { keysOf: ['chronology_entry', 'visit'] as const, indexesOf: ['chronology_entry'] as const };
const of = { keysOf: [...TABLES.keysOf], indexesOf: [...TABLES.indexesOf] };

/** The two tables' keys and indexes, as the catalogue defines them. */
async function schemaOf(): Promise<string[]> {
  const { rows } = await sql<{ def: string }>`
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as def
    from pg_constraint where conrelid in ('chronology_entry'::regclass, 'visit'::regclass)
    union all
    select indexdef from pg_indexes where schemaname = 'public' and tablename in ('chronology_entry', 'visit')
    order by 1`.execute(db());
  return rows.map((r) => r.def);
}

let before: string[];
beforeAll(async () => {
  store = await openTestStore();
  before = await schemaOf();
});
afterAll(() => store?.close());

describe('the first council’s checks, deferred and put back', () => {
  it('drops the named keys and indexes inside a transaction and puts back exactly what was there', async () => {
    expect(before.some((d) => d.includes('FOREIGN KEY'))).toBe(true);
    await db()
      .transaction()
      .execute(async (trx) => {
        expect(await deferChecksOfFirstCouncil(trx, of)).toBeGreaterThan(0);
        const during = (
          await sql<{ n: number }>`
          select count(*)::int as n from pg_constraint where contype = 'f' and conrelid in ('chronology_entry'::regclass, 'visit'::regclass)`.execute(trx)
        ).rows[0]?.n;
        expect(during).toBe(0);
        await restoreChecksOfFirstCouncil(trx);
      });
    expect(await schemaOf()).toEqual(before);
  });

  it('refuses to commit a transaction that deferred the checks and did not put them back', async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await deferChecksOfFirstCouncil(trx, of);
        }),
    ).rejects.toThrow(/not put back: nothing is committed/);
    expect(await schemaOf()).toEqual(before);
  });

  it('refuses a lone call, which would commit on its own', async () => {
    await expect(deferChecksOfFirstCouncil(db(), of)).rejects.toThrow(/not put back: nothing is committed/);
    expect(await schemaOf()).toEqual(before);
  });

  it('empties the council tables for a load without WAL on the embedded store only, and never a table with a row', async () => {
    const emptied = (tables: Parameters<typeof emptyTablesOfFirstCouncil>[1]) =>
      db()
        .transaction()
        .execute((trx) => emptyTablesOfFirstCouncil(trx, tables));
    // PGlite runs with wal_level minimal (pglite-worker.mjs); a PostgreSQL server keeps WAL for its replicas.
    if (TEST_DB === 'pglite') expect(await emptied(['local_authority', 'record_version'])).toBeGreaterThan(50);
    else expect(await emptied(['local_authority', 'record_version'])).toBe(0);
    // calendar_day holds the calendar: a list naming it empties nothing.
    expect(await emptied(['calendar_day', 'record_version'])).toBe(0);
    expect(Number((await sql<{ n: number }>`select count(*) as n from calendar_day`.execute(db())).rows[0]?.n)).toBeGreaterThan(0);
    expect(await schemaOf()).toEqual(before);
  });

  it('does nothing once the database holds a council', async () => {
    await db().insertInto('local_authority').values({ la_code: 'E06000019', dfe_la_number: '116', name: 'Herefordshire' }).execute();
    await db()
      .transaction()
      .execute(async (trx) => {
        expect(await deferChecksOfFirstCouncil(trx, of)).toBe(0);
        expect(await restoreChecksOfFirstCouncil(trx)).toBe(0);
        expect(await emptyTablesOfFirstCouncil(trx, ['local_authority'])).toBe(0);
      });
    expect(await schemaOf()).toEqual(before);
  });
});
