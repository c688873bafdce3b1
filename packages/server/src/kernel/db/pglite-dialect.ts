import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { COPY_FROM_STDIN } from './copy-rows.ts';
import { STATEMENTS_IN_ORDER, StatementsTogetherAdapter } from './statements-in-order.ts';

/** A Postgres error as it crossed from the worker: the same fields node-postgres gives. */
export class EmbeddedDatabaseError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
  constructor(fields: { message: string; code?: string; detail?: string; constraint?: string; table?: string; column?: string }) {
    super(fields.message);
    this.name = 'EmbeddedDatabaseError';
    Object.assign(this, fields);
  }
}

type Reply = { id: number; rows?: unknown[]; affectedRows?: number; error?: ConstructorParameters<typeof EmbeddedDatabaseError>[0] };

/**
 * The embedded PostgreSQL (PGlite) on its own worker thread. It has one connection, so the
 * driver hands that connection to one user at a time: a transaction holds it until commit,
 * and everyone else waits their turn (keep transactions short).
 */
export class EmbeddedPostgres {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private exited: Error | null = null;

  private constructor(worker: Worker) {
    this.worker = worker;
    worker.on('message', (msg: Reply) => {
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      waiter.resolve(msg);
    });
    worker.on('exit', (code) => {
      this.exited = new Error(`The embedded database stopped (worker exit code ${code})`);
      for (const w of this.pending.values()) w.reject(this.exited);
      this.pending.clear();
    });
    worker.on('error', (err) => {
      for (const w of this.pending.values()) w.reject(err);
      this.pending.clear();
    });
  }

  /** Starts PGlite on a worker; dataDir undefined means in memory. */
  static async start(dataDir: string | undefined): Promise<EmbeddedPostgres> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (msg: { ready: boolean; error?: { message: string } }) =>
        msg.ready ? resolve() : reject(new Error(`The embedded database did not start: ${msg.error?.message}`)),
      );
      worker.once('error', reject);
    });
    return new EmbeddedPostgres(worker);
  }

  private send(
    kind: 'query' | 'exec' | 'copy' | 'close' | 'in order',
    sql?: string,
    params?: readonly unknown[],
    statements?: WorkerStatement[],
  ): Promise<Reply> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, kind, sql, params, statements });
    }).then((reply) => {
      const r = reply as Reply;
      if (r.error) throw new EmbeddedDatabaseError(r.error);
      return r;
    });
  }

  async query<R>(sql: string, params: readonly unknown[] = []): Promise<{ rows: R[]; affectedRows: number }> {
    const r = await this.send('query', sql, params);
    return { rows: (r.rows ?? []) as R[], affectedRows: r.affectedRows ?? 0 };
  }

  /** A `copy … from '/dev/blob'` statement, `data` (COPY's text format) as the file it reads. */
  async copy(sql: string, data: string): Promise<number> {
    return (await this.send('copy', sql, [data])).affectedRows ?? 0;
  }

  /** Statements run back to back on the database's thread (statements-in-order.ts); the rows they changed. */
  async inOrder(statements: readonly { sql: string; parameters: readonly unknown[] }[]): Promise<number> {
    return (await this.send('in order', undefined, undefined, statements.map(asWorkerStatement))).affectedRows ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.send('exec', sql);
  }

  async close(): Promise<void> {
    if (this.exited) return;
    await this.send('close');
    await this.worker.terminate();
  }
}

type WorkerStatement = { kind: 'query' | 'copy'; sql: string; params: readonly unknown[] };

/** A statement as the worker runs it: a COPY_FROM_STDIN statement reads its one parameter as the file /dev/blob. */
function asWorkerStatement({ sql, parameters }: { sql: string; parameters: readonly unknown[] }): WorkerStatement {
  return sql.startsWith(COPY_FROM_STDIN)
    ? { kind: 'copy', sql: sql.replace(/from stdin$/, "from '/dev/blob'"), params: [String(parameters[0] ?? '')] }
    : { kind: 'query', sql, params: parameters };
}

/** One-at-a-time access to the single connection. */
class ConnectionMutex {
  private tail: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;

  async lock(): Promise<void> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => {
      release = r;
    });
    await previous;
    this.release = release;
  }

  unlock(): void {
    const r = this.release;
    this.release = null;
    r?.();
  }
}

class EmbeddedConnection implements DatabaseConnection {
  constructor(private readonly pg: EmbeddedPostgres) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (compiled.sql.startsWith(COPY_FROM_STDIN)) {
      const copied = await this.pg.copy(compiled.sql.replace(/from stdin$/, "from '/dev/blob'"), String(compiled.parameters[0] ?? ''));
      return { rows: [], numAffectedRows: BigInt(copied) };
    }
    if (compiled.sql === STATEMENTS_IN_ORDER) {
      const statements = compiled.parameters[0] as { sql: string; parameters: readonly unknown[] }[];
      return { rows: [], numAffectedRows: BigInt(await this.pg.inOrder(statements)) };
    }
    const result = await this.pg.query<R>(compiled.sql, compiled.parameters);
    // Raw SQL counts too: an INSERT … SELECT written with sql`` reports its rows like a builder's.
    const kind = compiled.query.kind;
    const changes =
      kind === 'InsertQueryNode' ||
      kind === 'UpdateQueryNode' ||
      kind === 'DeleteQueryNode' ||
      kind === 'MergeQueryNode' ||
      /^\s*(insert|update|delete|merge)\b/i.test(compiled.sql);
    return changes ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) } : { rows: result.rows };
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    const result = await this.pg.query<R>(compiled.sql, compiled.parameters);
    for (let i = 0; i < result.rows.length; i += chunkSize) yield { rows: result.rows.slice(i, i + chunkSize) };
  }
}

class EmbeddedDriver implements Driver {
  private readonly mutex = new ConnectionMutex();
  private readonly connection: EmbeddedConnection;
  /** The council the one connection is set for (see council.ts); undefined until first set. */
  private council: string | undefined;

  constructor(
    pg: EmbeddedPostgres,
    private readonly councilWanted: () => string,
  ) {
    this.connection = new EmbeddedConnection(pg);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    // Whoever takes the connection gets it set for their own council before their first query, so
    // nothing set for an earlier request is ever in force (a transaction's local setting ends with it).
    const want = this.councilWanted();
    if (want !== this.council) {
      try {
        await this.connection.executeQuery(CompiledQuery.raw(`select set_config('lantern.la_code', $1, false)`, [want]));
      } catch (error) {
        this.mutex.unlock();
        throw error;
      }
      this.council = want;
    }
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }

  async destroy(): Promise<void> {}
}

export class EmbeddedDialect implements Dialect {
  constructor(
    private readonly pg: EmbeddedPostgres,
    /** The council each acquisition of the connection is set for ('' for none, '*' for all). */
    private readonly councilWanted: () => string = () => '*',
  ) {}
  createAdapter(): DialectAdapter {
    return new StatementsTogetherAdapter();
  }
  createDriver(): Driver {
    return new EmbeddedDriver(this.pg, this.councilWanted);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
