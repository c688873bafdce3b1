/** How the seed's parts write what they generated: one batch, table by table, each row on the audit trail. */
import type { Insertable, Kysely } from 'kysely';
import type { Table } from '../kernel/db/by-key.ts';
import { RowLoad, statementRows } from '../kernel/db/insert-rows.ts';
import type { Database } from '../kernel/db/schema.ts';
import { batch } from '../kernel/ledger.ts';

/** Rows of several tables, by table, in the order they go in (a table before those whose foreign keys name it). */
export type RowsByTable = { [T in Table]?: Insertable<Database[T]>[] };

/**
 * Writes the rows in one batch, table by table in the order given; returns how many rows each table had.
 * Each table goes in a statement's worth at a time (a long one by COPY, kernel/db/copy-rows.ts), and the caller's list is emptied once written:
 * the ledger notes an audit row for each row it inserts, and flushed after each statement the
 * generator's notes are dropped (it is no user) rather than held for the whole council.
 */
export async function writeRows<R extends RowsByTable>(db: Kysely<Database>, rows: R, options: { laCode?: string } = {}): Promise<{ [T in keyof R]: number }> {
  const tables = Object.entries(rows) as [Table, Insertable<Database[Table]>[]][];
  const counts = Object.fromEntries(tables.map(([table, list]) => [table, list.length])) as { [T in keyof R]: number };
  await batch(
    db,
    null,
    async (ledger) => {
      for (const [table, list] of tables) {
        for (const slice of statementRows(list)) {
          await ledger.insertMany(table, slice, { copy: true });
          await ledger.flush();
        }
        list.length = 0;
      }
    },
    options,
  );
  return counts;
}

/**
 * A load (kernel/db/insert-rows.ts RowLoad) of the lists a part generating the whole council keeps
 * pushing to, written through the ledger (writeRows) whenever 20,000 rows wait: the part calls
 * `writeIfFull` between one record's rows and the next's, so it holds a slice of what it makes
 * rather than all of it (at 50,000 children, the meetings' records alone were several hundred
 * megabytes). Tables are written in the order given, parents first.
 */
export function ledgerLoad(db: Kysely<Database>, rows: RowsByTable): RowLoad {
  const load = new RowLoad(db, 20_000, async (waiting) => {
    await writeRows(db, Object.fromEntries(waiting.map(({ table, rows }) => [table, rows])) as RowsByTable);
  });
  for (const [table, list] of Object.entries(rows) as [Table, object[]][]) load.track(table, list);
  return load;
}
