/**
 * Statements sent to the database together, run one after the other in the caller's transaction:
 * a bulk load's chunk of inserts. The embedded store's database runs on its own thread
 * (pglite-dialect.ts), which otherwise waits between statements for the main thread to notice each
 * answer and send the next — while the main thread is busy making the next chunk. Sent as one
 * message, they run back to back there; the first to fail stops the rest and its error is thrown,
 * as when each was awaited in turn. PostgreSQL is sent them one at a time, as before.
 */
import { CompiledQuery, type Kysely, PostgresAdapter, type RawBuilder } from 'kysely';
import type { Database } from './schema.ts';

/** Starts the one query that carries the statements (its one parameter) to the embedded store's connection. */
export const STATEMENTS_IN_ORDER = '/* statements in order */';

/** The embedded store's adapter: PostgreSQL's, its connection taking statements sent together. */
export class StatementsTogetherAdapter extends PostgresAdapter {}

/** Runs the statements in order; on the embedded store, sent together (see above). */
export async function runInOrder(db: Kysely<Database>, statements: readonly (RawBuilder<unknown> | CompiledQuery)[]): Promise<void> {
  const compiled = statements.map((s) => ('compile' in s ? s.compile(db) : s));
  if (!(db.getExecutor().adapter instanceof StatementsTogetherAdapter)) {
    for (const statement of compiled) await db.executeQuery(statement);
    return;
  }
  if (compiled.length > 0) await db.executeQuery(CompiledQuery.raw(STATEMENTS_IN_ORDER, [compiled.map(({ sql, parameters }) => ({ sql, parameters }))]));
}
