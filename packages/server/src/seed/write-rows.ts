/** How the seed's parts write what they generated: one batch, table by table, each row on the audit trail. */
import type { Insertable, Kysely } from 'kysely';
import type { Table } from '../kernel/db/by-key.ts';
import type { Database } from '../kernel/db/schema.ts';
import { batch } from '../kernel/ledger.ts';

/** Rows of several tables, by table, in the order they go in (a table before those whose foreign keys name it). */
export type RowsByTable = { [T in Table]?: Insertable<Database[T]>[] };

/** Writes the rows in one batch, table by table in the order given; returns how many rows each table had. */
export async function writeRows<R extends RowsByTable>(db: Kysely<Database>, rows: R, options: { laCode?: string } = {}): Promise<{ [T in keyof R]: number }> {
  const tables = Object.entries(rows) as [Table, Insertable<Database[Table]>[]][];
  await batch(
    db,
    null,
    async (ledger) => {
      for (const [table, list] of tables) await ledger.insertMany(table, list);
    },
    options,
  );
  return Object.fromEntries(tables.map(([table, list]) => [table, list.length])) as { [T in keyof R]: number };
}
