/**
 * One record of a council by its key: the lookup nearly every step and read starts with
 * ("this child's escalation, or 404"), written once. Kysely's builders typed for any table at
 * once are more than the compiler will follow; the table and its key are checked by the signatures.
 */
import type { Kysely, Selectable } from 'kysely';
import { notFound } from '../http/problem.ts';
import type { Database } from './schema.ts';

export type Table = keyof Database & string;
export type Key<T extends Table> = Partial<Selectable<Database[T]>>;

/** The few builder methods these untyped-by-table reads use. */
export type Loose = {
  where(column: string, op: string, value: unknown): Loose;
  selectAll(): Loose;
  forUpdate(): Loose;
  returningAll(): Loose;
  orderBy(column: string, direction?: 'asc' | 'desc'): Loose;
  execute(): Promise<unknown[]>;
  executeTakeFirst(): Promise<unknown>;
};

/** A query builder over `table` narrowed to the council and the key's columns (`null` means `is null`). */
export function matching(q: unknown, laCode: string, key: Record<string, unknown>): Loose {
  return Object.entries({ la_code: laCode, ...key }).reduce(
    (out, [column, value]) => (value === null ? out.where(column, 'is', null) : out.where(column, '=', value)),
    q as Loose,
  );
}

/** The record, or undefined; `lock` holds it (select … for update) until the transaction ends. */
export async function rowByKey<T extends Table>(
  db: Kysely<Database>,
  laCode: string,
  table: T,
  key: Key<T>,
  options: { lock?: boolean } = {},
): Promise<Selectable<Database[T]> | undefined> {
  let query = matching((db as unknown as { selectFrom(t: string): Loose }).selectFrom(table).selectAll(), laCode, key);
  if (options.lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) as Selectable<Database[T]> | undefined;
}

/** The record, or a 404 that names it as a person would ("No escalation here…"). */
export async function findByKey<T extends Table>(
  db: Kysely<Database>,
  laCode: string,
  table: T,
  key: Key<T>,
  what: string,
  options: { lock?: boolean } = {},
): Promise<Selectable<Database[T]>> {
  const row = await rowByKey(db, laCode, table, key, options);
  if (!row) throw notFound(what);
  return row;
}
