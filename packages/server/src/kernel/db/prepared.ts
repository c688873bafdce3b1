/**
 * Statements prepared once per connection on PostgreSQL: the reads made on every request (the
 * session, the child's record, the search, the landing pages' lists) and an event's deadline
 * refresh, whose planning cost more than running them. The store's pool hands out connections
 * wrapped by `preparing` (which also sends copy-rows.ts' COPY statements); PGlite runs these statements as any other (the markers are comments).
 */
import { createHash } from 'node:crypto';
import type { Compilable, Kysely } from 'kysely';
import type pg from 'pg';
import { COPY_FROM_STDIN, copyIn } from './copy-rows.ts';
import { sqlLiteral } from './literal.ts';
import type { Database } from './schema.ts';

/** Starts a statement the PostgreSQL store prepares once per connection (see `preparing`). */
export const PREPARED = '/* prepared */ ';

/**
 * Runs a built query as a statement each connection prepares once: for the reads made on every
 * request (the session, the child's record), whose planning cost more than running them.
 */
export async function runPrepared<O>(db: Kysely<Database>, query: Compilable<O>): Promise<O[]> {
  const compiled = query.compile();
  return (await db.executeQuery<O>({ ...compiled, sql: markedPrepared(compiled.sql) })).rows;
}

/** Starts a statement the PostgreSQL store prepares once per connection and always runs with its generic plan. */
export const GENERIC = '/* generic plan */ ';

/**
 * As runPrepared, but PostgreSQL runs it with its generic plan every time, never re-planning it for
 * the values. For a statement whose generic plan serves every value as well as a custom one, but
 * whose generic cost estimate stays above the custom plans' (a search for the beginning of a name:
 * a range of unknown bounds is costed as wider than most prefixes are), so that PostgreSQL would
 * re-plan it on every run. See `generic` below. PGlite runs it as any other statement.
 */
export async function runGeneric<O>(db: Kysely<Database>, query: Compilable<O>): Promise<O[]> {
  const compiled = query.compile();
  return (await db.executeQuery<O>({ ...compiled, sql: markedGeneric(compiled.sql) })).rows;
}

const prepared = new WeakSet<pg.PoolClient>();
const preparedByName = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * A GENERIC statement on a connection: prepared by name once (PREPARE), then each run is one
 * round trip that sets plan_cache_mode for that EXECUTE alone, its values written in as literals
 * (the simple protocol carries no parameters). Setting plan_cache_mode for the pool would give
 * every other statement a generic plan too, the unnamed ones included. An EXECUTE that fails
 * aborts the three statements' implicit transaction, and with it the SET.
 */
async function generic(query: (text: string) => Promise<unknown>, client: pg.PoolClient, text: string, values: unknown[] = []) {
  // Quoted: the name's base64url letters hold '-' and capitals.
  const name = `"${statementName(text)}"`;
  let names = preparedByName.get(client);
  if (!names) {
    names = new Set();
    preparedByName.set(client, names);
  }
  if (!names.has(name)) {
    await query(`prepare ${name} as ${text}`);
    names.add(name);
  }
  const args = values.length ? `(${values.map(sqlLiteral).join(', ')})` : '';
  const [, result] = (await query(`set plan_cache_mode = force_generic_plan; execute ${name}${args}; reset plan_cache_mode`)) as unknown[];
  return result;
}

/**
 * The store's PostgreSQL connections, wrapped once: a statement's leading marker says how it is sent.
 * - PREPARED: as a named prepared statement (named by a hash of its text), so each connection parses
 *   it once. An event's deadline refresh is one such statement: it unites every rule's derivation,
 *   and planning it took a hundred times as long as running it for one child, so the engine also
 *   asks for the generic plan, which the connection then keeps.
 * - GENERIC: see `generic` above.
 * - COPY_FROM_STDIN: its one parameter streamed as the COPY's data (copy-rows.ts `copyIn`).
 * Every other statement goes as it was.
 */
export function preparing(client: pg.PoolClient): pg.PoolClient {
  if (prepared.has(client)) return client;
  prepared.add(client);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, ...rest: unknown[]) => {
    if (typeof text === 'string' && text.startsWith(COPY_FROM_STDIN) && typeof rest[1] !== 'function') {
      const data = (rest[0] as unknown[] | undefined)?.[0];
      return copyIn(query, text, typeof data === 'string' ? data : '');
    }
    if (typeof text === 'string' && text.startsWith(GENERIC) && typeof rest[1] !== 'function') {
      return generic(query as (text: string) => Promise<unknown>, client, text, rest[0] as unknown[] | undefined);
    }
    if (typeof text === 'string' && text.startsWith(PREPARED)) {
      const name = statementName(text);
      const [values, callback] = rest;
      return query({ name, text, values }, callback);
    }
    return query(text, ...rest);
  };
  return client;
}

/**
 * `made`'s answer for each statement text, remembered: the texts are the code's few shapes, and a
 * query compiled once (compiled.ts) hands the same text each time, so a request neither hashes the
 * child's record's 6 kB of text (3% of its CPU) nor makes a marked copy of it to look up again.
 * The cap only guards the memory.
 */
function byText(made: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let answer = known.get(text);
    if (answer === undefined) {
      if (known.size >= 2000) known.clear();
      answer = made(text);
      known.set(text, answer);
    }
    return answer;
  };
}

const markedPrepared = byText((text) => PREPARED + text);
const markedGeneric = byText((text) => GENERIC + text);
const statementName = byText((text) => `lantern_${createHash('sha256').update(text).digest('base64url').slice(0, 40)}`);
