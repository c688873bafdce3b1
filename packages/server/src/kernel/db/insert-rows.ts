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
  return [...statementRows(rows, perStatement)].map((same) => insertStatement(table, same));
}

/**
 * The rows as insert statements take them: grouped by the columns they name (`shapeOf`), in order
 * of first appearance, then a statement's worth at a time. A caller writing a long list a slice at
 * a time (the generator, flushing its trail as it goes) slices it here, so the database receives
 * the same statements as for the whole list.
 */
export function* statementRows<R extends object>(rows: readonly R[], perStatement = ROWS_PER_INSERT, shapeOf?: (row: R) => string): Generator<R[]> {
  const shapes = new Map<string, R[]>();
  // By default a row's shape is its columns in order. A row naming the same columns as the one
  // before (nearly every row of a generated list) is known by walking its keys against that row's,
  // not by joining them into a new string: at 10,000 children the joins were 0.6 s of the seed's CPU.
  let lastKeys: string[] = [];
  let lastSame: R[] | undefined;
  for (const row of rows) {
    if (!shapeOf && lastSame && namesColumns(row, lastKeys)) {
      lastSame.push(row);
      continue;
    }
    const keys = shapeOf ? null : Object.keys(row);
    const key = shapeOf ? shapeOf(row) : (keys as string[]).join(',');
    let same = shapes.get(key);
    if (same) same.push(row);
    else {
      same = [row];
      shapes.set(key, same);
    }
    if (keys) {
      lastKeys = keys;
      lastSame = same;
    }
  }
  for (const same of shapes.values()) for (let i = 0; i < same.length; i += perStatement) yield same.slice(i, i + perStatement);
}

/** Whether the row (a plain object: every key it enumerates is its own) names exactly `columns`, in that order. */
function namesColumns(row: object, columns: readonly string[]): boolean {
  let i = 0;
  for (const key in row) if (key !== columns[i++]) return false;
  return i === columns.length;
}

/** One statement: rows that all name the same columns. */
function insertStatement(table: keyof Database & string, rows: readonly object[]): RawBuilder<unknown> {
  const cols = sql.join(Object.keys(rows[0] ?? {}).map((c) => sql.ref(c)));
  return sql`insert into ${sql.table(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)})`;
}

/**
 * Inserts the rows (see insertRowsStatements), in order, each statement's JSON made just before it
 * runs: made all at once, a council-sized list was held a second time as text.
 */
export async function insertRows(db: Kysely<Database>, table: keyof Database & string, rows: readonly object[], perStatement = ROWS_PER_INSERT): Promise<void> {
  for (const same of statementRows(rows, perStatement)) await insertStatement(table, same).execute(db);
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

/** The rows of a load waiting to be written, by table, parents first. */
export type WaitingRows = { table: keyof Database & string; rows: object[] }[];

/**
 * The rows of a long load (the generator, an import), gathered in arrays the caller fills and
 * written whenever `limit` rows wait: table by table in the order they were tracked (parents
 * before the rows naming them), each array emptied as it is written. So a council-sized load
 * holds a slice of its rows at a time, not all of them. They are inserted as they are unless
 * `write` says how (the generator's parts write theirs through the ledger, seed/write-rows.ts).
 */
export class RowLoad {
  private readonly tables: { table: keyof Database & string; rows: object[]; written: number }[] = [];
  private readonly db: Kysely<Database>;
  private readonly limit: number;
  private readonly writeWaiting: (waiting: WaitingRows) => Promise<void>;

  constructor(db: Kysely<Database>, limit = 20_000, write?: (waiting: WaitingRows) => Promise<void>) {
    this.db = db;
    this.limit = limit;
    this.writeWaiting =
      write ??
      (async (waiting) => {
        for (const { table, rows } of waiting) await insertRows(this.db, table, rows);
      });
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
    const waiting: WaitingRows = [];
    for (const t of this.tables) {
      if (t.rows.length === 0) continue;
      const rows = t.rows.splice(0);
      t.written += rows.length;
      waiting.push({ table: t.table, rows });
    }
    if (waiting.length > 0) await this.writeWaiting(waiting);
  }

  /** Rows of the table written so far and waiting. */
  count(table: keyof Database & string): number {
    return this.tables.filter((t) => t.table === table).reduce((n, t) => n + t.written + t.rows.length, 0);
  }

  /** Rows of each table tracked, written so far and waiting. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.tables.map((t) => [t.table, this.count(t.table)]));
  }
}
