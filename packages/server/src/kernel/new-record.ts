/** A new record under a new id: the insert most of the areas' steps make. */
import { randomUUID } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { Database } from './db/schema.ts';
import type { Ledger, Table, WriteOptions } from './ledger.ts';
import { type KeyedTable, RECORD_KEYS } from './record-keys.ts';

type Keys = typeof RECORD_KEYS;
/** The tables keyed by one column (besides the council). */
export type SingleKeyTable = { [T in KeyedTable]: Keys[T] extends readonly [string] ? T : never }[KeyedTable] & Table;
/** A table's key column. */
export type KeyColumn<T extends SingleKeyTable> = Keys[T][0];
/** What the area gives of a new record: every column but the council and the key. */
export type NewValues<T extends SingleKeyTable> = Omit<Insertable<Database[T]>, 'la_code' | KeyColumn<T>>;

/**
 * Inserts a new record of the acting council's under a new id in its key column (through the
 * ledger, so it is audited; the options reach the ledger as they are); returns the row as written.
 */
export function insertNew<T extends SingleKeyTable>(
  ledger: Ledger,
  table: T,
  values: NewValues<T>,
  options: WriteOptions = {},
): Promise<Selectable<Database[T]>> {
  const [key] = RECORD_KEYS[table] as readonly [string];
  const row = { la_code: ledger.laCode, [key]: randomUUID(), ...values };
  // The compiler cannot follow Omit over every table at once; the columns are checked by the signature above.
  return ledger.insert(table, row as unknown as Insertable<Database[T]>, options);
}
