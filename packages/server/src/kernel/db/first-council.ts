import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

type Table = keyof Database & string;

/**
 * A new database's first council (the demo at a first start, a seed into an empty database) is
 * written with the foreign keys of the tables `keysOf` names checked once at the end instead of row
 * by row, and the secondary indexes of those `indexesOf` names built once at the end (migration
 * 0041, as the tables' owner). Does
 * nothing when the database already holds a council. Runs inside the load's transaction, with
 * `restoreChecksOfFirstCouncil` in the same one: a transaction that has not put them back cannot commit.
 */
export async function deferChecksOfFirstCouncil(db: Kysely<Database>, of: { keysOf: Table[]; indexesOf: Table[] }): Promise<number> {
  const { rows } = await sql<{ n: number }>`select defer_checks_of_first_council(${of.keysOf}::text[], ${of.indexesOf}::text[]) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * A new database's first council: the primary keys of the history tables named (record_version,
 * chronology_entry; none that a foreign key names) built once at the end, with the rest that
 * `restoreChecksOfFirstCouncil` puts back (migration 0047; on the embedded store too, 0050). The
 * number dropped: none once the database holds a council.
 */
export async function deferHistoryKeysOfFirstCouncil(db: Kysely<Database>, tables: ('record_version' | 'chronology_entry')[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select defer_history_keys_of_first_council(${tables}::text[]) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * A new database's first council: the secondary indexes of the tables named dropped until
 * `restoreIndexesOfFirstCouncil` names them again (or `restoreChecksOfFirstCouncil` puts back
 * everything), each then built once from its rows (migration 0047; on the embedded store too, 0050).
 */
export async function deferIndexesOfFirstCouncil(db: Kysely<Database>, tables: Table[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select defer_indexes_of_first_council(${tables}::text[]) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * A new database's first council on a PostgreSQL server: the primary keys of the tables named that no
 * foreign key names dropped until `restoreIndexesOfFirstCouncil` names the tables again (or
 * `restoreChecksOfFirstCouncil` puts back everything), each then built once from its rows and checked
 * against them all (migration 0051). The number dropped: none once the database holds a council, none
 * on the embedded store.
 */
export async function deferKeysOfFirstCouncil(db: Kysely<Database>, tables: Table[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select defer_keys_of_first_council(${tables}::text[]) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Builds the deferred secondary indexes (and keys, deferKeysOfFirstCouncil) of the tables named, now (before a statement that reads them). */
export async function restoreIndexesOfFirstCouncil(db: Kysely<Database>, tables: Table[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select restore_indexes_of_first_council(${tables}::text[]) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * A new database's first deadlines: the secondary indexes of those of the deadline tables named that
 * hold no row at all (any council's) dropped until `restoreChecksOfFirstCouncil`, in the caller's
 * transaction, so a council's first derivation builds them once from its rows (migration 0043).
 * The number of indexes dropped; none when the tables hold rows.
 */
export async function deferIndexesOfFirstDeadlines(db: Kysely<Database>, tables: DeadlineTable[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select defer_indexes_of_first_deadlines(${tables}::text[]) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export type DeadlineTable = 'obligation' | 'worker_obligation' | 'foster_obligation';

/** Puts back every key and index deferred in this transaction, each key checked against all its rows. */
export async function restoreChecksOfFirstCouncil(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select restore_checks_of_first_council() as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Empties the named tables, and every table whose keys name them, when the database holds no
 * council, none of them holds a row, and the store keeps no WAL for replicas (the embedded one,
 * migration 0046): the first council is then written into them without WAL. Returns how many were
 * emptied (0 on a PostgreSQL server). Runs inside the load's transaction, before anything is written.
 */
export async function emptyTablesOfFirstCouncil(db: Kysely<Database>, tables: Table[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select empty_tables_of_first_council(${tables}::text[]) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
