// @ts-check
// The embedded database lives on this worker thread, not the HTTP thread: PGlite runs queries
// synchronously on the thread that calls it, so a slow query on the main thread would stall
// every other request. The main thread sends { id, sql, params } and gets back rows or an error.
// (Plain JavaScript so the worker starts without a TypeScript loader, under any runner.)
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import { sqlProfile } from './pglite-profile.mjs';

if (!parentPort) throw new Error('pglite-worker must run as a worker thread');
const port = parentPort;

/** Values come back the way node-postgres gives them in Lantern, so both stores agree. */
const parsers = {
  [types.DATE]: (/** @type {string} */ v) => v,
  [types.INT8]: (/** @type {string} */ v) => Number(v),
  [types.NUMERIC]: (/** @type {string} */ v) => Number(v),
};

/**
 * PGlite's own start, keeping no more WAL than recovery needs (wal_level minimal: one process, no
 * replica, no archive). A table emptied in a transaction is then written without WAL until it
 * commits, as a new database's first council is (migration 0046).
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'wal_level=minimal', '-c', 'max_wal_senders=0'];

/** @type {PGlite} */
let db;
try {
  db = await PGlite.create(workerData.dataDir ?? undefined, { parsers, relaxedDurability: false, startParams: START_PARAMS });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: toPlainError(error) });
  process.exit(1);
}

/**
 * A long text or JSON parameter (a bulk insert's rows as one JSON text) goes to PGlite as its UTF-8
 * bytes, in the binary format (for these types the text itself; jsonb's after a version byte).
 * Given a string, PGlite measures its UTF-8 length character by character in JavaScript, twice,
 * then encodes it; the bytes are made natively in one pass. Other types and short values go as before.
 */
const BYTES_FROM = 64 * 1024;
/** @type {Record<number, (v: any) => any>} */
const bytesOfLongText = {};
for (const [oid, version] of /** @type {[number, number | null][]} */ ([
  [25, null],
  [1043, null],
  [114, null],
  [3802, 1],
])) {
  const base = db.serializers[oid];
  bytesOfLongText[oid] = (v) => {
    if (typeof v !== 'string' || v.length < BYTES_FROM) return base ? base(v) : v.toString();
    if (version === null) return Buffer.from(v, 'utf8');
    const bytes = Buffer.allocUnsafe(Buffer.byteLength(v, 'utf8') + 1);
    bytes[0] = version;
    bytes.write(v, 1, 'utf8');
    return bytes;
  };
}

/** LANTERN_SQL_PROFILE=1: CPU per kind of statement (pglite-profile.mjs). */
const profile = sqlProfile();

/**
 * One statement: a query, or (kind 'copy') a `copy … from '/dev/blob'` whose one parameter is its data.
 * @param {'query'|'copy'} kind @param {string} text @param {unknown[]} params
 */
async function run(kind, text, params) {
  if (kind === 'copy') {
    // COPY … FROM '/dev/blob' reads the blob given: the rows' text (kernel/db/copy-rows.ts). Reading
    // a file is the superuser's, who this one connection's session user is (kernel/db/store.ts):
    // the copy runs as it, and the role the connection acted as is set again after. A failed copy
    // aborts its transaction, whose rollback sets the role back.
    const role = /** @type {{ r: string }[]} */ ((await db.query('select current_user as r')).rows)[0]?.r;
    await db.exec('reset role');
    let copied;
    const t0 = profile ? profile.cpuNs() : 0;
    const w0 = profile ? performance.now() : 0;
    try {
      copied = await db.query(text, [], { blob: new Blob([String(params[0] ?? '')]) });
    } finally {
      await db.query(`select set_config('role', $1, false)`, [role]).catch(() => undefined);
    }
    if (profile) profile.statement(text, profile.cpuNs() - t0, performance.now() - w0, String(params[0] ?? '').length);
    return { rows: [], affectedRows: copied.affectedRows ?? 0 };
  }
  const t0 = profile ? profile.cpuNs() : 0;
  const w0 = profile ? performance.now() : 0;
  const result = await db.query(text, params, { rowMode: 'object', serializers: bytesOfLongText });
  if (profile)
    profile.statement(
      text,
      profile.cpuNs() - t0,
      performance.now() - w0,
      params.reduce((n, p) => n + (typeof p === 'string' ? p.length : 0), 0),
    );
  return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
}

/** @typedef {{ kind: 'query'|'copy', sql: string, params: unknown[] }} Statement */

port.on(
  'message',
  async (/** @type {{id:number, kind:'query'|'exec'|'copy'|'close'|'in order', sql?:string, params?:unknown[], statements?: Statement[]}} */ msg) => {
    try {
      if (msg.kind === 'close') {
        await db.close();
        port.postMessage({ id: msg.id, rows: [], affectedRows: 0 });
        return;
      }
      if (msg.kind === 'exec') {
        await db.exec(/** @type {string} */ (msg.sql));
        port.postMessage({ id: msg.id, rows: [], affectedRows: 0 });
        return;
      }
      if (msg.kind === 'in order') {
        // Statements sent together (a bulk load's chunk): run back to back, without waiting for the
        // main thread between them; the first to fail stops the rest, and its error is the answer.
        let affectedRows = 0;
        for (const s of msg.statements ?? []) affectedRows += (await run(s.kind, s.sql, s.params)).affectedRows;
        port.postMessage({ id: msg.id, rows: [], affectedRows });
        return;
      }
      const result = await run(msg.kind, /** @type {string} */ (msg.sql), msg.params ?? []);
      port.postMessage({ id: msg.id, rows: result.rows, affectedRows: result.affectedRows });
    } catch (error) {
      port.postMessage({ id: msg.id, error: toPlainError(error) });
    }
  },
);

/** Database errors cross the thread boundary as plain objects with Postgres's fields. */
function toPlainError(/** @type {any} */ error) {
  return {
    message: String(error?.message ?? error),
    code: error?.code,
    detail: error?.detail,
    constraint: error?.constraint,
    table: error?.table,
    column: error?.column,
    schema: error?.schema,
  };
}
