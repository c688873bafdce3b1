/** How the seed's parts write what they generated: one batch, table by table, each row on the audit trail. */
import type { Insertable, Kysely } from 'kysely';
import type { Table } from '../kernel/db/by-key.ts';
import { ROWS_PER_INSERT } from '../kernel/db/insert-rows.ts';
import type { Database } from '../kernel/db/schema.ts';
import { batch } from '../kernel/ledger.ts';

/** Rows of several tables, by table, in the order they go in (a table before those whose foreign keys name it). */
export type RowsByTable = { [T in Table]?: Insertable<Database[T]>[] };

/**
 * Writes the rows in one batch, table by table in the order given; returns how many rows each table had.
 * Each table goes in a statement's worth at a time, and the caller's list is emptied once written:
 * handed whole to the ledger, every statement's JSON was made before the first ran, a second copy
 * of the council's rows at the seed's peak.
 */
export async function writeRows<R extends RowsByTable>(db: Kysely<Database>, rows: R, options: { laCode?: string } = {}): Promise<{ [T in keyof R]: number }> {
  const tables = Object.entries(rows) as [Table, Insertable<Database[Table]>[]][];
  const counts = Object.fromEntries(tables.map(([table, list]) => [table, list.length])) as { [T in keyof R]: number };
  await batch(
    db,
    null,
    async (ledger) => {
      for (const [table, list] of tables) {
        for (const slice of statementSlices(list)) {
          await ledger.insertMany(table, slice);
          await ledger.flush(); // the generator is no user: its audit notes are dropped, not kept to the end
        }
        list.length = 0;
      }
    },
    options,
  );
  return counts;
}

/**
 * The rows as the statements insertRows (kernel/db/insert-rows.ts) would make of the whole list:
 * grouped by the columns they name, in order of first appearance, then a statement's worth at a
 * time. So the database receives the same statements, in the same order, as before.
 */
export function* statementSlices<R extends object>(
  rows: readonly R[],
  shapeOf: (row: R) => string = (row) => Object.keys(row).join(','),
  perStatement = ROWS_PER_INSERT,
): Generator<R[]> {
  const shapes = new Map<string, R[]>();
  for (const row of rows) {
    const key = shapeOf(row);
    const same = shapes.get(key);
    if (same) same.push(row);
    else shapes.set(key, [row]);
  }
  for (const same of shapes.values()) for (let i = 0; i < same.length; i += perStatement) yield same.slice(i, i + perStatement);
}

/**
 * writeRows a slice at a time for a part that generates the whole council: the part keeps pushing
 * to the lists it gave, and calls `writeIfFull` between one record's rows and the next's. The
 * rows waiting are written (and the lists emptied) once `limit` of them wait, so the part holds a
 * slice of what it makes rather than all of it (at 50,000 children, the meetings' records alone
 * were several hundred megabytes). Tables are written in the order given, parents first.
 */
export class RowsWriter<R extends RowsByTable> {
  private readonly written = {} as { [T in keyof R]: number };
  private readonly db: Kysely<Database>;
  private readonly rows: R;
  private readonly options: { laCode?: string };
  private readonly limit: number;

  constructor(db: Kysely<Database>, rows: R, options: { laCode?: string } = {}, limit = 20_000) {
    this.db = db;
    this.rows = rows;
    this.options = options;
    this.limit = limit;
    for (const table of Object.keys(rows) as (keyof R)[]) this.written[table] = 0;
  }

  async writeIfFull(): Promise<void> {
    let waiting = 0;
    for (const list of Object.values(this.rows) as unknown[][]) waiting += list.length;
    if (waiting >= this.limit) await this.write();
  }

  /** Rows of the table made so far: written and waiting. */
  count(table: keyof R): number {
    return this.written[table] + (this.rows[table] as unknown[]).length;
  }

  /** Writes what waits; returns how many rows each table has had in all. */
  async write(): Promise<{ [T in keyof R]: number }> {
    const counts = await writeRows(this.db, this.rows, this.options);
    for (const table of Object.keys(counts) as (keyof R)[]) this.written[table] += counts[table];
    return { ...this.written };
  }
}
