/**
 * How the generator's rows reach the database: a chunk of households' rows as statements made
 * ready (serialised) before their turn, so the next chunk is generated while one is written.
 */
import type { Insertable, Kysely, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { insertRowsStatements } from '../kernel/db/insert-rows.ts';
import type { Database } from '../kernel/db/schema.ts';
import type { Rows } from './council-generator.ts';
import { LOOKED_AFTER_TABLES } from './looked-after.ts';
import { PATHWAY_TABLES } from './pathways.ts';
import { PERMANENCE_TABLES } from './permanence.ts';

/** Rows per INSERT statement (well under PostgreSQL's 65,535 parameters for the widest table). */
const ROWS_PER_INSERT = 1000;

/** The statements that insert a chunk, made ready (rows serialised) before its turn comes. */
export function insertStatements(rows: Rows, chunk: number): RawBuilder<unknown>[] {
  // The tables start empty, so the foreign-key checks' cached plans are sequential scans that
  // slow every insert as the tables grow (quadratic overall). Discarding cached plans while the
  // tables double in size lets PostgreSQL re-plan them as index lookups.
  const statements: RawBuilder<unknown>[] = (chunk & (chunk - 1)) === 0 ? [sql`discard plans`] : [];
  // People first: everything else points at them; casework records after what they refer to.
  statements.push(
    ...insertsFor('person', rows.person),
    ...insertsFor('relationship', rows.relationship),
    ...insertsFor('address', rows.address),
    ...insertsFor('allocation', rows.allocation),
  );
  for (const table of PATHWAY_TABLES) statements.push(...insertsFor(table, rows[table] as Insertable<Database[typeof table]>[]));
  for (const table of PERMANENCE_TABLES) statements.push(...insertsFor(table, rows[table] as Insertable<Database[typeof table]>[]));
  for (const table of LOOKED_AFTER_TABLES) statements.push(...insertsFor(table, rows[table] as Insertable<Database[typeof table]>[]));
  return statements;
}

/** Inserts of rows a thousand at a time, each statement's rows as one JSON parameter (kernel/db/insert-rows.ts). */
function insertsFor<T extends keyof Database & string>(table: T, rows: Insertable<Database[T]>[]): RawBuilder<unknown>[] {
  return insertRowsStatements(table, rows, ROWS_PER_INSERT);
}

export async function insertAll<T extends keyof Database & string>(trx: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  for (const statement of insertsFor(table, rows)) await statement.execute(trx);
}

/**
 * Runs an update joining a table written earlier in the seed's transaction to a list of its rows
 * by key, with the join hashed. The planner has no statistics for rows written since the last
 * refresh, takes the table for nearly empty and loops over it once per listed row: the plan
 * actions' completions (3,400 of 11,000 actions at 2,400 children) took a minute that way. The
 * setting holds for this statement only (the transaction's others are planned as before; if the
 * update fails, the transaction and its setting end with it).
 */
export async function joinedByHash(db: Kysely<Database>, update: RawBuilder<unknown>): Promise<void> {
  await sql`select set_config('enable_nestloop', 'off', true)`.execute(db);
  await update.execute(db);
  await sql`select set_config('enable_nestloop', 'on', true)`.execute(db);
}
