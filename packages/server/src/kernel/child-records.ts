/**
 * A child's records of one table, for the council: the read most views of a child's case start
 * with ("this child's section 47 enquiries, oldest first"), written once. As in db/by-key.ts,
 * Kysely's builders typed for any table at once are more than the compiler will follow; the table
 * and its columns are checked by the signature.
 */
import { type Kysely, type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import { type Loose, matching, type Table } from './db/by-key.ts';
import type { Database } from './db/schema.ts';

/** The tables whose records are about one child. */
export type ChildTable = { [T in Table]: Selectable<Database[T]> extends { child_id: string } ? T : never }[Table];

/** Every record of `table` about the child, in `orderBy` order (the database's own order when none is named). */
export async function childRecords<T extends ChildTable>(
  db: Kysely<Database>,
  laCode: string,
  table: T,
  childId: string,
  orderBy?: keyof Selectable<Database[T]> & string,
  direction?: 'asc' | 'desc',
): Promise<Selectable<Database[T]>[]> {
  let query = matching((db as unknown as { selectFrom(t: string): Loose }).selectFrom(table).selectAll(), laCode, { child_id: childId });
  if (orderBy) query = direction ? query.orderBy(orderBy, direction) : query.orderBy(orderBy);
  return (await query.execute()) as Selectable<Database[T]>[];
}

/**
 * "This council's rows about this child" on the table at `alias`, for a query that joins others
 * (the joined tables' names and the like): `.where(ofChild('s', laCode, childId))`.
 */
export function ofChild(alias: string, laCode: string, childId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.la_code`)} = ${laCode} and ${sql.ref(`${alias}.child_id`)} = ${childId})`;
}
