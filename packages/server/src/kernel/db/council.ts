/**
 * Which council the database may show: the second wall behind the application's own `where
 * la_code = …`. Every council-owned table has a row-level security policy (migration 0026) that
 * shows a connection only the rows of the council named by its `lantern.la_code` setting; an
 * unset or empty setting shows nothing, and `*` (the command line, tests, start-up work that
 * spans councils) shows every council.
 *
 * The council is carried by an AsyncLocalStorage context rather than by hand: each request runs
 * in one (empty until the user is known), and the store sets the setting on whichever
 * connection a query takes, before the query runs (a pooled PostgreSQL connection, or PGlite's one
 * connection, held for that query or transaction alone). So no query can run on a connection
 * still set for an earlier request's council. Outside any context the store's default applies.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export const ALL_COUNCILS = '*';

type Context = { laCode: string };
const councils = new AsyncLocalStorage<Context>();

/** The council of the current context: a code, '' for none, or undefined outside any context. */
export function currentCouncil(): string | undefined {
  return councils.getStore()?.laCode;
}

/** Runs `work` for one council (or ALL_COUNCILS, or '' for none): every query it makes sees that. */
export function withCouncil<T>(laCode: string, work: () => T): T {
  return councils.run({ laCode }, work);
}

/** A context to run a request in: empty until `enter` names the council of the signed-in user. */
export function councilContext(): Context {
  return { laCode: '' };
}

/** Runs `next` inside the given context (Fastify hooks re-enter it where body parsing lost it). */
export function runInContext<T>(context: Context, next: () => T): T {
  return councils.run(context, next);
}

/** Names the council of the current context from here on (the request's user is now known). */
export function enterCouncil(laCode: string): void {
  const context = councils.getStore();
  if (!context) throw new Error('No council context to enter: run inside withCouncil or a request');
  context.laCode = laCode;
}

/**
 * Runs `work` for one council whatever the caller's context: in a transaction (whose connection is
 * already set) by a transaction-local setting, else in a council context.
 */
export async function forCouncil<T>(db: Kysely<Database>, laCode: string, work: () => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await setCouncil(db, laCode, true);
    return work();
  }
  return withCouncil(laCode, work);
}

/** Sets the council on the connection `db` holds (local: until its transaction ends). */
export async function setCouncil(db: Kysely<Database>, laCode: string, local: boolean): Promise<void> {
  await sql`select set_config('lantern.la_code', ${laCode}, ${local})`.execute(db);
}
