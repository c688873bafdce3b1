/**
 * A new database's first council is loaded with its biggest tables' foreign keys checked once, at
 * the end (migration 0041, kernel/db/first-council.ts). The application role may ask for that, so
 * it must never be able to leave a table without its keys: not by a lone call, not by committing
 * without putting them back, and not once the database holds a council. The first deadlines' indexes
 * (migration 0043) the same: and only a deadline table's, only while it holds no row at all. Its
 * tables are emptied first, for a load without WAL, only on the embedded store and only when they
 * hold nothing (0046). The history tables' primary keys and the children's tables' secondary indexes
 * too (0047; on the embedded store since 0050), the latter put back on their own once the children
 * are in, and an empty deadline table's primary key with its indexes (0049, 0050). On a PostgreSQL
 * server the children's tables' keys that no foreign key names, put back with their indexes (0051).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCouncil } from '../../src/kernel/db/council.ts';
import {
  deferChecksOfFirstCouncil,
  deferHistoryKeysOfFirstCouncil,
  deferIndexesOfFirstCouncil,
  deferIndexesOfFirstDeadlines,
  deferKeysOfFirstCouncil,
  emptyTablesOfFirstCouncil,
  restoreChecksOfFirstCouncil,
  restoreIndexesOfFirstCouncil,
} from '../../src/kernel/db/first-council.ts';
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

/** The deadline tables' indexes, as the catalogue defines them. */
async function deadlineIndexes(): Promise<string[]> {
  const { rows } = await sql<{ def: string }>`
    select indexdef as def from pg_indexes where schemaname = 'public' and tablename in ('obligation', 'worker_obligation', 'foster_obligation')
    order by 1`.execute(db());
  return rows.map((r) => r.def);
}

let before: string[];
let deadlinesBefore: string[];
beforeAll(async () => {
  store = await openTestStore();
  before = await schemaOf();
  deadlinesBefore = await deadlineIndexes();
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

  it('builds the history tables’ keys and the children’s indexes once on both stores (0047, 0050), putting back exactly what was there', async () => {
    const keys = async (trx: typeof store.db) =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from pg_constraint where contype = 'p' and conrelid in ('chronology_entry'::regclass, 'record_version'::regclass)`.execute(
          trx,
        )
      ).rows[0]?.n;
    const visitIndexes = async (trx: typeof store.db) =>
      (await sql<{ def: string }>`select indexdef as def from pg_indexes where tablename = 'visit' order by 1`.execute(trx)).rows.map((r) => r.def);
    const visitBefore = await visitIndexes(db());
    const keysNow = () => keys(db());
    await db()
      .transaction()
      .execute(async (trx) => {
        // Keys a foreign key names (person's) are never dropped, nor the keys of other tables.
        expect(await deferHistoryKeysOfFirstCouncil(trx, ['record_version', 'chronology_entry', 'person' as 'record_version'])).toBe(2);
        expect(await keys(trx)).toBe(0);
        expect(await deferIndexesOfFirstCouncil(trx, ['visit'])).toBe(1);
        // Only the key stays while the children are written; the index is back when asked for by its table.
        expect((await visitIndexes(trx)).every((d) => d.includes('_pkey'))).toBe(true);
        expect(await restoreIndexesOfFirstCouncil(trx, ['person'])).toBe(0);
        expect(await restoreIndexesOfFirstCouncil(trx, ['visit'])).toBe(1);
        expect(await visitIndexes(trx)).toEqual(visitBefore);
        await restoreChecksOfFirstCouncil(trx);
        expect(await keys(trx)).toBe(2);
      });
    expect(await schemaOf()).toEqual(before);
    const withoutKey = db()
      .transaction()
      .execute((trx) => deferHistoryKeysOfFirstCouncil(trx, ['record_version']));
    await expect(withoutKey).rejects.toThrow(/not put back: nothing is committed/);
    expect(await keysNow()).toBe(2);
  });

  it('builds the children’s tables’ keys once on a PostgreSQL server (0051), putting back exactly what was there', async () => {
    const visitIndexes = async (trx: typeof store.db) =>
      (await sql<{ def: string }>`select indexdef as def from pg_indexes where tablename = 'visit' order by 1`.execute(trx)).rows.map((r) => r.def);
    const visitBefore = await visitIndexes(db());
    await db()
      .transaction()
      .execute(async (trx) => {
        expect(await deferIndexesOfFirstCouncil(trx, ['visit'])).toBe(1);
        // person's key is named by foreign keys: it stays. Not on the embedded store (wal_level minimal).
        const server = TEST_DB !== 'pglite';
        expect(await deferKeysOfFirstCouncil(trx, ['visit', 'person'])).toBe(server ? 1 : 0);
        expect(await visitIndexes(trx)).toHaveLength(server ? 0 : 1);
        expect(await restoreIndexesOfFirstCouncil(trx, ['person'])).toBe(0);
        expect(await restoreIndexesOfFirstCouncil(trx, ['visit'])).toBe(server ? 2 : 1);
        expect(await visitIndexes(trx)).toEqual(visitBefore);
        expect(await restoreChecksOfFirstCouncil(trx)).toBe(0);
      });
    expect(await schemaOf()).toEqual(before);
    const withoutKey = db()
      .transaction()
      .execute((trx) => deferKeysOfFirstCouncil(trx, ['visit']));
    if (TEST_DB === 'pglite') await expect(withoutKey).resolves.toBe(0);
    else await expect(withoutKey).rejects.toThrow(/not put back: nothing is committed/);
    expect(await visitIndexes(db())).toEqual(visitBefore);
  });

  it('does nothing once the database holds a council', async () => {
    await db().insertInto('local_authority').values({ la_code: 'E06000019', dfe_la_number: '116', name: 'Herefordshire' }).execute();
    await db()
      .transaction()
      .execute(async (trx) => {
        expect(await deferChecksOfFirstCouncil(trx, of)).toBe(0);
        expect(await restoreChecksOfFirstCouncil(trx)).toBe(0);
        expect(await emptyTablesOfFirstCouncil(trx, ['local_authority'])).toBe(0);
        expect(await deferHistoryKeysOfFirstCouncil(trx, ['record_version'])).toBe(0);
        expect(await deferIndexesOfFirstCouncil(trx, ['visit'])).toBe(0);
        expect(await deferKeysOfFirstCouncil(trx, ['visit'])).toBe(0);
      });
    expect(await schemaOf()).toEqual(before);
  });

  it('builds the first deadlines’ indexes once: dropped while the tables hold nothing, put back before commit', async () => {
    expect(deadlinesBefore.length).toBeGreaterThan(3);
    await db()
      .transaction()
      .execute(async (trx) => {
        // Every secondary index of the three tables, and their keys (0049; on the embedded store too, 0050).
        expect(await deferIndexesOfFirstDeadlines(trx, ['obligation', 'worker_obligation', 'foster_obligation'])).toBe(deadlinesBefore.length);
        const { rows } = await sql<{ def: string }>`
          select indexdef as def from pg_indexes where tablename in ('obligation', 'worker_obligation', 'foster_obligation')`.execute(trx);
        expect(rows).toHaveLength(0);
        await restoreChecksOfFirstCouncil(trx);
      });
    expect(await deadlineIndexes()).toEqual(deadlinesBefore);
  });

  it('refuses to commit the first deadlines without their indexes, and any table but a deadline table', async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await deferIndexesOfFirstDeadlines(trx, ['obligation']);
        }),
    ).rejects.toThrow(/not put back: nothing is committed/);
    await expect(deferIndexesOfFirstDeadlines(db(), ['obligation'])).rejects.toThrow(/not put back: nothing is committed/);
    await expect(deferIndexesOfFirstDeadlines(db(), ['chronology_entry' as 'obligation'])).rejects.toThrow(/not a deadline table/);
    // The owner's functions underneath are not the application's to call.
    await expect(sql`select defer_indexes_of('{chronology_entry}')`.execute(db())).rejects.toThrow(/permission denied/);
    expect(await deadlineIndexes()).toEqual(deadlinesBefore);
  });

  it('leaves a deadline table’s indexes alone once it holds a row, whichever council’s', async () => {
    await db()
      .transaction()
      .execute(async (trx) => {
        await setCouncil(trx, 'E06000019', true);
        await sql`insert into obligation (la_code, child_id, rule_id, source_id, start_date, due_date)
          values ('E06000019', gen_random_uuid(), 'visit', gen_random_uuid(), '2026-01-05', '2026-01-12')`.execute(trx);
      });
    await db()
      .transaction()
      .execute(async (trx) => {
        // Another council's first derivation sees none of its own rows, and still none are dropped.
        await setCouncil(trx, 'E06000020', true);
        expect(await deferIndexesOfFirstDeadlines(trx, ['obligation'])).toBe(0);
        // The empty ones still are, with its key (0049, 0050).
        expect(await deferIndexesOfFirstDeadlines(trx, ['obligation', 'foster_obligation'])).toBe(2);
        await restoreChecksOfFirstCouncil(trx);
      });
    expect(await deadlineIndexes()).toEqual(deadlinesBefore);
  });
});
