import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.ts';

/** Rows per statement: large enough that a statement's round trip is small beside its work. */
export const ROWS_PER_INSERT = 2000;

/**
 * The statements inserting many rows into one table, each sending its rows as one JSON parameter
 * expanded by json_populate_recordset. Parsing one JSON text is much cheaper, on both sides, than
 * a VALUES list of tens of thousands of bind parameters; the same SQL runs on PGlite and
 * PostgreSQL. Rows naming different columns go in separate statements, so a column a row leaves
 * out takes its default. Values are JSON: a json/jsonb column takes an object (not a string of
 * one, which would be stored as a JSON string), an array column takes an array.
 */
export function insertRowsStatements(table: keyof Database & string, rows: readonly object[], perStatement = ROWS_PER_INSERT): RawBuilder<unknown>[] {
  const shapes = new Map<string, object[]>();
  for (const row of rows) {
    const key = Object.keys(row).join(',');
    const same = shapes.get(key);
    if (same) same.push(row);
    else shapes.set(key, [row]);
  }
  const statements: RawBuilder<unknown>[] = [];
  for (const [key, same] of shapes) {
    const cols = sql.join(key.split(',').map((c) => sql.ref(c)));
    for (let i = 0; i < same.length; i += perStatement)
      statements.push(
        sql`insert into ${sql.table(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(same.slice(i, i + perStatement))})`,
      );
  }
  return statements;
}

/** Inserts the rows (see insertRowsStatements), in order. */
export async function insertRows(db: Kysely<Database>, table: keyof Database & string, rows: readonly object[], perStatement = ROWS_PER_INSERT): Promise<void> {
  for (const statement of insertRowsStatements(table, rows, perStatement)) await statement.execute(db);
}

/**
 * Before the n-th batch (from 0) of a long load into one transaction: forgets cached plans each
 * time the tables have doubled. The foreign-key checks' plans are cached from the first rows,
 * when the tables referred to are small enough for a sequential scan to be cheapest, and kept
 * as they grow — each insert then scans them (quadratic overall: a 10,000-child import's later
 * batches ran twenty times slower than its first, until something else flushed the cache).
 */
export async function replanAsTablesGrow(db: Kysely<Database>, n: number): Promise<void> {
  if ((n & (n - 1)) === 0) await sql`discard plans`.execute(db);
}

/**
 * The rows of a long load (the generator, an import), gathered in arrays the caller fills and
 * written whenever `limit` rows wait: table by table in the order they were tracked (parents
 * before the rows naming them), each array emptied as it is written. So a council-sized load
 * holds a slice of its rows at a time, not all of them.
 */
export class RowLoad {
  private readonly tables: { table: keyof Database & string; rows: object[]; written: number }[] = [];
  private readonly db: Kysely<Database>;
  private readonly limit: number;

  constructor(db: Kysely<Database>, limit = 20_000) {
    this.db = db;
    this.limit = limit;
  }

  /** Writes `rows` (the caller keeps pushing to it) with the load; returns the same array. */
  track<R extends object>(table: keyof Database & string, rows: R[] = []): R[] {
    this.tables.push({ table, rows, written: 0 });
    return rows;
  }

  /** Writes what waits once `limit` rows do: call it between one record's rows and the next's. */
  async writeIfFull(): Promise<void> {
    if (this.tables.reduce((n, t) => n + t.rows.length, 0) >= this.limit) await this.write();
  }

  /** Writes everything waiting, now (before a statement that reads or updates the rows). */
  async write(): Promise<void> {
    for (const t of this.tables) {
      if (t.rows.length === 0) continue;
      const rows = t.rows.splice(0);
      t.written += rows.length;
      await insertRows(this.db, t.table, rows);
    }
  }

  /** Rows of the table written so far and waiting. */
  count(table: keyof Database & string): number {
    return this.tables.filter((t) => t.table === table).reduce((n, t) => n + t.written + t.rows.length, 0);
  }
}
