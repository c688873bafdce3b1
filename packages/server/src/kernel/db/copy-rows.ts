/**
 * Many rows into one table by COPY, the database's own bulk path: its text format is parsed far
 * more cheaply than the JSON of insertRows (kernel/db/insert-rows.ts). PostgreSQL refuses COPY
 * into a table under row-level security (every council's table, migration 0026), so the rows are
 * copied into a temporary table of the same columns and go in from there by one INSERT … SELECT,
 * the council's policy, keys and triggers (the versions kept) applying as to any insert.
 *
 * The statement `copy … from stdin` carries its data as its one parameter, marked COPY_FROM_STDIN:
 * the PostgreSQL store's connections send it through pg-copy-streams (`copyIn`, reached through prepared.ts `preparing`), the embedded
 * store hands it to PGlite as the file /dev/blob (pglite-dialect.ts).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { insertRows, statementRows } from './insert-rows.ts';
import type { Database } from './schema.ts';
import { runInOrder } from './statements-in-order.ts';

/** Starts a `copy … from stdin` statement whose one parameter is its data, in COPY's text format. */
export const COPY_FROM_STDIN = '/* copy from stdin */ ';

/** Rows per COPY: a few megabytes of text at most. */
export const ROWS_PER_COPY = 10_000;

type Table = keyof Database & string;

/** Fewer rows than this go in as JSON (insertRows): a COPY's staging table costs more than it saves on a step's few rows. */
export const COPY_AT_LEAST = 1000;

/** The staging tables made in each transaction (they go at its commit). */
const staged = new WeakMap<Kysely<Database>, Set<string>>();

/** Each table's json/jsonb columns, asked once per transaction (copyText writes their values as JSON). */
const jsonOf = new WeakMap<Kysely<Database>, Map<string, Promise<ReadonlySet<string>>>>();

function jsonColumns(db: Kysely<Database>, table: Table): Promise<ReadonlySet<string>> {
  const known = jsonOf.get(db) ?? new Map<string, Promise<ReadonlySet<string>>>();
  jsonOf.set(db, known);
  let json = known.get(table);
  if (!json) {
    json = sql<{ name: string }>`select attname as name from pg_attribute
      where attrelid = ${table}::regclass and attnum > 0 and not attisdropped and atttypid in ('json'::regtype, 'jsonb'::regtype)`
      .execute(db)
      .then(({ rows }) => new Set(rows.map((c) => c.name)));
    known.set(table, json);
  }
  return json;
}

/**
 * A long list's rows made into COPY's text, each statement's columns with it, before they are
 * written (writeCopy): a bulk load makes the next chunk's text while the database writes the one
 * before, rather than the database waiting for it.
 */
export type PreparedCopy = { table: Table; statements: { columns: string[]; text: string }[] };

/** The rows as copyRows sends them (grouped by the columns they name), as text; nothing is written. */
export async function prepareCopy(db: Kysely<Database>, table: Table, rows: readonly object[]): Promise<PreparedCopy> {
  const json = rows.length === 0 ? NONE : await jsonColumns(db, table);
  const statements: PreparedCopy['statements'] = [];
  for (const same of statementRows(rows, ROWS_PER_COPY)) {
    const columns = Object.keys(same[0] ?? {});
    statements.push({ columns, text: copyText(columns, same, json) });
  }
  return { table, statements };
}

/** Writes prepared rows: COPY into the table's staging table, then one INSERT … SELECT, a statement at a time. */
export async function writeCopy(db: Kysely<Database>, { table, statements }: PreparedCopy): Promise<void> {
  if (!db.isTransaction) throw new Error('copyRows runs inside a transaction (its staging table goes at commit)');
  if (statements.length === 0) return;
  const staging = `copy_${table}`;
  const made = staged.get(db) ?? new Set<string>();
  staged.set(db, made);
  if (!made.has(staging)) {
    // Every column, none of them required: a column the rows leave out is left out of the insert too.
    await sql`create temporary table ${sql.table(staging)} on commit drop as select * from ${sql.table(table)} with no data`.execute(db);
    made.add(staging);
  }
  // Sent together (statements-in-order.ts): the embedded store runs them back to back.
  await runInOrder(
    db,
    statements.flatMap(({ columns, text }) => {
      const names = sql.join(columns.map((c) => sql.ref(c)));
      return [
        copyTextStatement(`pg_temp.${staging}`, columns, text),
        sql`insert into ${sql.table(table)} (${names}) select ${names} from ${sql.table(`pg_temp.${staging}`)}`,
        sql`truncate ${sql.table(`pg_temp.${staging}`)}`,
      ];
    }),
  );
}

/**
 * Inserts the rows as insertRows does (grouped by the columns they name, a column a row leaves
 * out taking its default), inside the caller's transaction. Values are strings, numbers, booleans,
 * dates or null; an array is a PostgreSQL array of its values; another object is written as JSON
 * (a json/jsonb column). Whatever a json/jsonb column is given is written as JSON, as insertRows
 * writes it: an array is a JSON array there (not a PostgreSQL one), a string a JSON string.
 */
export async function copyRows(db: Kysely<Database>, table: Table, rows: readonly object[]): Promise<void> {
  if (!db.isTransaction) throw new Error('copyRows runs inside a transaction (its staging table goes at commit)');
  if (rows.length === 0) return;
  await writeCopy(db, await prepareCopy(db, table, rows));
}

/** A bulk load's rows made ready to write: COPY's text for a long list in a transaction, else the rows, for insertRows. */
export type PreparedRows = PreparedCopy | { table: Table; rows: readonly object[] };

/** Makes bulkRows's rows ready to write (prepareCopy's text, when it would copy them); nothing is written. */
export async function prepareBulkRows(db: Kysely<Database>, table: Table, rows: readonly object[]): Promise<PreparedRows> {
  return rows.length >= COPY_AT_LEAST && db.isTransaction ? prepareCopy(db, table, rows) : { table, rows };
}

/** Writes rows prepareBulkRows made ready. */
export async function writeBulkRows(db: Kysely<Database>, prepared: PreparedRows): Promise<void> {
  await ('statements' in prepared ? writeCopy(db, prepared) : insertRows(db, prepared.table, prepared.rows));
}

/**
 * A bulk load's rows into one table: a long list inside a transaction by COPY (copyRows), a short
 * one (or outside a transaction) as JSON (insertRows). The same rows either way.
 */
export async function bulkRows(db: Kysely<Database>, table: Table, rows: readonly object[]): Promise<void> {
  await writeBulkRows(db, await prepareBulkRows(db, table, rows));
}

/** One COPY of the rows' `columns` into `target` (a table COPY may write: not one under row-level security). */
export async function copyInto(
  db: Kysely<Database>,
  target: string,
  columns: readonly string[],
  rows: readonly object[],
  json: ReadonlySet<string> = NONE,
): Promise<void> {
  await copyTextInto(db, target, columns, copyText(columns, rows, json));
}

/** One COPY of text already in COPY's format (copyText) into `target`'s `columns`. */
export async function copyTextInto(db: Kysely<Database>, target: string, columns: readonly string[], text: string): Promise<void> {
  await db.executeQuery(copyTextStatement(target, columns, text));
}

/** The statement copyTextInto runs. */
function copyTextStatement(target: string, columns: readonly string[], text: string): CompiledQuery {
  const name = target
    .split('.')
    .map((part) => quoted(part))
    .join('.');
  return CompiledQuery.raw(`${COPY_FROM_STDIN}copy ${name} (${columns.map(quoted).join(', ')}) from stdin`, [text]);
}

const NONE: ReadonlySet<string> = new Set();

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The rows in COPY's text format: a line a row, tab between values, \N for null; the `json` columns' values as JSON. */
export function copyText(columns: readonly string[], rows: readonly object[], json: ReadonlySet<string> = NONE): string {
  const asJson = columns.map((c) => json.has(c));
  // Joined rather than concatenated: one flat string that holds none of the rows' values, so text
  // made ahead of its write (prepareCopy) keeps no row alive while it waits.
  const lines: string[] = new Array(rows.length + 1);
  const cells: string[] = new Array(columns.length);
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r] as Record<string, unknown>;
    for (let c = 0; c < columns.length; c++) {
      const v = values[columns[c] as string];
      cells[c] = asJson[c] && v !== null && v !== undefined ? copyValue(JSON.stringify(v)) : copyValue(v);
    }
    lines[r] = cells.join('\t');
  }
  lines[rows.length] = '';
  return rows.length === 0 ? '' : lines.join('\n');
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return copyValue(`{${v.map(arrayElement).join(',')}}`);
  return copyValue(JSON.stringify(v));
}

/** An element of an array literal: quoted, its quotes and backslashes escaped; NULL for null. */
function arrayElement(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  const text = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * Sends a COPY_FROM_STDIN statement's data through pg-copy-streams on a PostgreSQL connection
 * (`query` is its own query function; prepared.ts `preparing` routes the statement here),
 * answering as a query would: the rows copied, no rows returned.
 */
export async function copyIn(query: (...args: unknown[]) => unknown, text: string, data: string) {
  const stream = query(copyFrom(text)) as ReturnType<typeof copyFrom>;
  await pipeline(Readable.from([data]), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [], fields: [] };
}
