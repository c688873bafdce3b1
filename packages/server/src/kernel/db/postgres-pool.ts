/**
 * PostgreSQL's connection pools: how values come back, how a lost connection is heard, and how
 * long a request waits for a connection before it is answered 503.
 */
import pg from 'pg';

/** node-postgres gives dates as ISO strings and counts as numbers, as the embedded store does. */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1082) return (v: string) => v; // date
    if (oid === 20 || oid === 1700) return (v: string) => Number(v); // int8, numeric
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/**
 * A connection the server ends (a restart, a dropped database, a network fault) emits 'error' on
 * its client and, if idle, on the pool; an 'error' event no one hears ends the process. So every
 * client is heard from the moment it connects, and the pool too. The query that was running
 * fails (the request answers 503); the pool drops the broken client and connects afresh when the
 * server is back, so Lantern recovers by itself.
 */
export function heard(pool: pg.Pool): pg.Pool {
  let last = 0;
  const report = (error: Error) => {
    // One line a few seconds at most: a restart breaks every connection at once.
    if (Date.now() - last < 5_000) return;
    last = Date.now();
    process.stderr.write(`lantern: a database connection closed: ${error.message}\n`);
  };
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  return pool;
}

/**
 * How long a request waits for the database. Opening a new connection takes milliseconds or the
 * database is away, so after `connectMs` the request answers 503 at once. Waiting for a connection
 * other requests hold is a queue, not an outage: when many people open heavy pages together (100
 * heads of service's landing pages, each a few seconds of the database's time, on a pool of 10) the
 * wait is longer than that, and refusing it turned a busy minute into errors. So the queue waits up
 * to `queueMs` (less than a proxy's usual 60 s, so the user still gets Lantern's answer), then 503.
 */
export const DATABASE_WAITS = { connectMs: 5_000, queueMs: 30_000 };
export type DatabaseWaits = typeof DATABASE_WAITS;

const QUEUE_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * The application's pool. node-postgres has one setting for both waits (the pool's
 * connectionTimeoutMillis, which its clients inherit), so each new client is given the short one.
 */
export function applicationPool(connectionString: string, size: number, waits: DatabaseWaits = DATABASE_WAITS): pg.Pool {
  class Client extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: waits.connectMs });
    }
  }
  return heard(
    new pg.Pool({
      connectionString,
      max: size,
      types: pgTypes,
      // No JIT: the deadline derivations are one large set-based statement over dozens of rules, and
      // compiling its 1,500 expressions with LLVM took four times as long as running it.
      options: '-c jit=off',
      connectionTimeoutMillis: waits.queueMs,
      Client: Client as unknown as new () => pg.ClientBase,
    }),
  );
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** True when an error says the database cannot be reached now (not that the request was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: string; message?: string; errors?: unknown[] };
  if (e.code && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true;
  return /Connection terminated|not queryable|timeout expired|Connection ended/i.test(e.message ?? '');
}

/** True when a request waited the whole `queueMs` for a connection: the database is busy, not away. */
export function isDatabaseBusy(error: unknown): boolean {
  return !!error && typeof error === 'object' && (error as { message?: string }).message === QUEUE_TIMEOUT;
}
