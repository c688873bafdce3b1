/**
 * A second connection for a council's rebuild (obligations-rebuild.ts) on a PostgreSQL server: a
 * rebuild is minutes of one backend's work at national scale while the server's other processors
 * idle. The rebuild's transaction exports its snapshot before it has written anything, and a
 * transaction on a connection of the pool imports it, so both read the same records; the second
 * derives some of the rules' digests into temporary tables of its own (a session's temporary
 * tables are its own), and hands back only what the rebuild needs of them, a row a child.
 *
 * None on the embedded store (one connection: a second would wait for the rebuild to end), nor
 * once the transaction has written (an importer would not see its writes), nor when the pool has
 * no connection to spare in a second.
 */
import { type Kysely, sql } from 'kysely';
import { setCouncil } from './db/council.ts';
import type { Database } from './db/schema.ts';

/** Work run on the second connection in turn, each in its transaction. */
export type Alongside = {
  run<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Ends its transaction (it wrote only temporary tables). */
  end(): Promise<void>;
};

/** How long the rebuild waits for a connection of the pool before it goes on alone. */
const WAIT_MS = 1000;

/**
 * A second connection reading what `trx` reads, or null where there can be none (see above).
 * `pool` is the store's database (not a transaction), whose pool lends the connection.
 */
export async function openAlongside(trx: Kysely<Database>, pool: Kysely<Database>, laCode: string): Promise<Alongside | null> {
  if (pool.isTransaction) return null;
  const { rows } = await sql<{ embedded: boolean; written: boolean }>`
    select version() like '%PGlite%' as embedded, txid_current_if_assigned() is not null as written`.execute(trx);
  if (rows[0]?.embedded !== false || rows[0]?.written !== false) return null;
  const exported = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
  const snapshot = exported.rows[0]?.id ?? '';
  if (!/^[0-9A-F-]+$/i.test(snapshot)) return null;

  type Task = { work: (db: Kysely<Database>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  const tasks: Task[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let ready: (ok: boolean) => void = () => undefined;
  const started = new Promise<boolean>((resolve) => {
    ready = resolve;
  });
  const done = pool
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (db) => {
      if (ended) return;
      await sql`set transaction snapshot ${sql.lit(snapshot)}`.execute(db);
      await setCouncil(db, laCode, true);
      ready(true);
      for (;;) {
        const task = tasks.shift();
        if (task) {
          await task.work(db).then(task.resolve, task.reject);
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    })
    .catch((error: unknown) => {
      ready(false);
      for (const task of tasks.splice(0)) task.reject(error);
    });
  const timer = setTimeout(() => ready(false), WAIT_MS);
  const ok = await started;
  clearTimeout(timer);
  const end = async () => {
    ended = true;
    wake?.();
    await done;
  };
  if (!ok) {
    // The connection comes when it comes, finds the rebuild gone on alone, and ends.
    ended = true;
    return null;
  }
  return {
    run: <T>(work: (db: Kysely<Database>) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (ended) return reject(new Error('The rebuild’s second connection has ended'));
        tasks.push({ work, resolve: resolve as (v: unknown) => void, reject });
        const w = wake;
        wake = undefined;
        w?.();
      }),
    end,
  };
}

/**
 * A temporary table's rows (`columns`, each `name type`, none of them text with spaces) as one
 * text, a line a row, an empty field for null: read from one session, written by another with
 * `insertText` (a few megabytes; as arrays, parsed and written again by this process, they took twice as long).
 */
export async function tableText(
  db: Kysely<Database>,
  table: string,
  columns: readonly (readonly [string, string])[],
  where?: { column: string; values: readonly string[]; type: string },
): Promise<string | null | undefined> {
  const line = sql.raw(`concat_ws(' ', ${columns.map(([c]) => `coalesce(${c}::text, '')`).join(', ')})`);
  const filter = where ? sql`where ${sql.ref(where.column)} = any(string_to_array(${where.values.join(',')}::text, ',')::${sql.raw(where.type)}[])` : sql``;
  return (await sql<{ rows: string | null }>`select string_agg(${line}, E'\n') as rows from ${sql.raw(table)} ${filter}`.execute(db)).rows[0]?.rows;
}

/** `tableText`'s rows inserted into the same table in `db`'s session, split and cast by the server. */
export async function insertText(db: Kysely<Database>, table: string, columns: readonly (readonly [string, string])[], text: string | null | undefined) {
  if (!text) return;
  const names = sql.raw(columns.map(([c]) => c).join(', '));
  const fields = sql.raw(columns.map(([, type], i) => `nullif(f[${i + 1}], '')::${type}`).join(', '));
  await sql`insert into ${sql.raw(table)} (${names})
    select ${fields} from (select string_to_array(l, ' ') as f from unnest(string_to_array(${text}::text, E'\n')) as l) x`.execute(db);
}

/** A temporary table (gone at commit) of `columns` made in `db`'s session, holding `tableText`'s rows. */
export async function tableFromText(db: Kysely<Database>, table: string, columns: readonly (readonly [string, string])[], text: string | null | undefined) {
  await sql`create temporary table ${sql.raw(table)} (${sql.raw(columns.map(([c, type]) => `${c} ${type}`).join(', '))}) on commit drop`.execute(db);
  await insertText(db, table, columns, text);
}

/** Copies a temporary table's rows from the second connection's session into the same table in `trx`'s (see tableText). */
export async function copyAcross(
  alongside: Alongside,
  trx: Kysely<Database>,
  table: string,
  columns: readonly (readonly [string, string])[],
  where?: { column: string; values: readonly string[]; type: string },
): Promise<void> {
  await insertText(trx, table, columns, await alongside.run((db) => tableText(db, table, columns, where)));
}
