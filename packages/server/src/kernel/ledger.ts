/**
 * The ledger: the one write path. Every change to the record passes through one of its three
 * entry points, which open the transaction and, around the area's own work, write what the
 * statutory trail needs: an audit row for every record written, the child's chronology entries,
 * the deadlines the change opens, meets or ends, and — through the database's own triggers
 * (migration 0015) — a `record_version` row for every version of every versioned record.
 *
 *   step(db, actor, childId, work)   a step on a child's case: the user's right to act on the
 *                                    child is checked with the route's permission first
 *   change(db, actor, work)          a change to a record that is not a child's (a team, a provider,
 *                                    a setting, an improvement action…)
 *   batch(db, actor, work)           imports and the generator: many records in one transaction
 *
 * The area's work receives a `Ledger` and writes through it: `insert` and `update` do the SQL
 * and note the audit row (an update names the version it was made from, and loses with 409 if
 * the record moved on); `chronicle` adds a chronology entry. Reads use `ledger.db`.
 */
import { randomUUID } from 'node:crypto';
import type { Action } from '@lantern/core/permissions';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import { childFor } from './access.ts';
import { type AuditAction, type AuditEntry, auditRows, prepareAudit, writePreparedAudit } from './audit.ts';
import type { Actor } from './context.ts';
import { findByKey, type Key, matching, rowByKey } from './db/by-key.ts';
import { prepareBulkRows, writeBulkRows } from './db/copy-rows.ts';
import { insertRows } from './db/insert-rows.ts';
import type { Database, Person } from './db/schema.ts';
import { staleVersion } from './http/problem.ts';
import { refreshObligations } from './obligations.ts';
import { recordKey, recordType } from './record-keys.ts';

export type Table = keyof Database & string;

/** One entry on a child's chronology. */
export type Chronicle = {
  childId?: string;
  occurredOn: string;
  category: string;
  summary: string;
  recordType?: string | null;
  recordId?: string | null;
  /** A batch's history keeps its own: the entry's id, who recorded it and when (else new, the actor, now). */
  entryId?: string;
  recordedBy?: string | null;
  recordedAt?: string | Date;
};

/** How a written record is named in the audit trail, when not by its table. */
export type WriteOptions = { recordType?: string; action?: AuditAction; detail?: Record<string, unknown>; audit?: boolean };

/** How insertMany sends its rows: `copy` by COPY (kernel/db/copy-rows.ts: no string read as JSON), for a bulk load's long lists. */
export type ManyOptions = WriteOptions & { copy?: boolean };

export class Ledger {
  /** Read (and, for statements the helpers below do not cover, write) inside the transaction. */
  readonly db: Transaction<Database>;
  readonly actor: Actor | null;
  /** The child a step is on; chronology entries and audit rows name them unless told otherwise. */
  readonly childId: string | null;
  private readonly audits: AuditEntry[] = [];
  private readonly entries: (Chronicle & { childId: string; entryId: string })[] = [];
  private readonly touched = new Set<string>();
  /** The council a batch without a user writes for (the generator). */
  private readonly council: string | null;

  constructor(db: Transaction<Database>, actor: Actor | null, childId: string | null, laCode: string | null = null) {
    this.db = db;
    this.actor = actor;
    this.childId = childId;
    this.council = laCode;
    if (childId) this.touched.add(childId);
  }

  get laCode(): string {
    const laCode = this.actor?.user.laCode ?? this.council;
    if (!laCode) throw new Error('This ledger entry acts for no user and no council');
    return laCode;
  }

  /** One of the council's records by its key, or 404 naming it; `lock` holds it until the step commits. */
  find<T extends Table>(table: T, key: Key<T>, what: string, options: { lock?: boolean } = {}): Promise<Selectable<Database[T]>> {
    return findByKey(this.db, this.laCode, table, key, what, options);
  }

  /** One of the council's records by its key, or undefined. */
  row<T extends Table>(table: T, key: Key<T>, options: { lock?: boolean } = {}): Promise<Selectable<Database[T]> | undefined> {
    return rowByKey(this.db, this.laCode, table, key, options);
  }

  /** Inserts one record, noting its audit row; returns the row as written. */
  async insert<T extends Table>(table: T, values: Insertable<Database[T]>, options: WriteOptions = {}): Promise<Selectable<Database[T]>> {
    const row = (await this.db
      .insertInto(table)
      .values(values as never)
      .returningAll()
      .executeTakeFirstOrThrow()) as Selectable<Database[T]>;
    this.wrote(table, row as Record<string, unknown>, options.action ?? 'create', options);
    return row;
  }

  /** Inserts many records of one table (one statement), noting an audit row for each. */
  async insertMany<T extends Table>(table: T, rows: Insertable<Database[T]>[], options: ManyOptions = {}): Promise<void> {
    await (await this.prepareMany(table, rows, options))();
  }

  /**
   * insertMany in two steps: the rows made ready to send now (by COPY, their text), written, with
   * their audit rows noted, when the function returned is called. A bulk load makes its next chunk
   * ready while the database writes the one before, so the database does not wait for the text.
   */
  async prepareMany<T extends Table>(table: T, rows: Insertable<Database[T]>[], options: ManyOptions = {}): Promise<() => Promise<void>> {
    if (rows.length === 0) return async () => undefined;
    const prepared = options.copy ? await prepareBulkRows(this.db, table, rows as object[]) : null;
    return async () => {
      await (prepared ? writeBulkRows(this.db, prepared) : insertRows(this.db, table, rows as object[]));
      for (const row of rows) this.wrote(table, row as Record<string, unknown>, options.action ?? 'create', options);
    };
  }

  /**
   * Updates one record by its key. With `fromVersion`, the record must still be at that version
   * (else 409, nothing written) and moves to the next; without it the database raises the version
   * of a versioned record all the same. Returns the row as it now is.
   */
  async update<T extends Table>(
    table: T,
    key: Partial<Selectable<Database[T]>>,
    changes: Updateable<Database[T]>,
    options: WriteOptions & { fromVersion?: number } = {},
  ): Promise<Selectable<Database[T]>> {
    // Kysely's builders typed for any table at once are more than the compiler will follow;
    // the table and its columns are checked by the signature above.
    const db = this.db as unknown as { updateTable(t: string): unknown };
    const set = options.fromVersion === undefined ? changes : { ...changes, version: options.fromVersion + 1 };
    let query = matching((db.updateTable(table) as { set(v: object): unknown }).set(set), this.laCode, key);
    if (options.fromVersion !== undefined) query = query.where('version', '=', options.fromVersion);
    const row = (await query.returningAll().executeTakeFirst()) as Record<string, unknown> | undefined;
    if (!row) {
      const current = (await this.row(table, key)) as { version?: number } | undefined;
      if (!current) throw new Error(`No ${table} ${JSON.stringify(key)} to update`);
      throw staleVersion(current.version ?? 0, options.fromVersion ?? 0);
    }
    const version = typeof row.version === 'number' ? { version: row.version } : {};
    this.wrote(table, row, options.action ?? 'update', { ...options, detail: { ...options.detail, ...version } });
    return row as Selectable<Database[T]>;
  }

  /** Notes the audit row of a record written by a statement of the area's own (a set-based update). */
  wroteRecord(table: Table, row: Record<string, unknown>, action: AuditAction, options: WriteOptions = {}): void {
    this.wrote(table, row, action, options);
  }

  /** Adds an entry to a child's chronology (the step's child unless named); returns the entry's id. */
  chronicle(entry: Chronicle): string {
    const childId = entry.childId ?? this.childId;
    if (!childId) throw new Error('A chronology entry needs a child');
    const entryId = entry.entryId ?? randomUUID();
    this.entries.push({ ...entry, childId, entryId });
    this.touched.add(childId);
    return entryId;
  }

  /** Records an action in the audit trail that is not a record's write (an allocation, an export). */
  audit(entry: AuditEntry): void {
    this.audits.push({ ...entry, childId: entry.childId === undefined ? this.childId : entry.childId });
  }

  /** The deadlines of these children are derived again when the change commits. */
  touch(...childIds: string[]): void {
    for (const id of childIds) this.touched.add(id);
  }

  private wrote(table: Table, row: Record<string, unknown>, action: AuditAction, options: WriteOptions): void {
    if (options.audit === false) return;
    const childId = childOf(table, row) ?? this.childId;
    if (childId && table !== 'person') this.touched.add(childId);
    this.audits.push({
      action,
      recordType: options.recordType ?? recordType(table),
      recordId: recordKey(table, row),
      childId,
      ...(options.detail ? { detail: options.detail } : {}),
    });
  }

  /**
   * Writes the chronology and audit rows noted so far, now. A batch calls it after each chunk it
   * writes, so a council-sized import or the generator never holds its whole trail in memory.
   */
  async flush(): Promise<void> {
    await (await this.prepareFlush())();
  }

  /**
   * flush in two steps: the chronology and audit rows noted so far taken and made ready to send
   * now (prepareMany's reason), written when the function returned is called.
   */
  async prepareFlush(): Promise<() => Promise<void>> {
    const actor = this.actor;
    const entries = this.entries.splice(0);
    const audits = this.audits.splice(0);
    const audit = actor && audits.length > 0 ? prepareAudit(this.db, auditRows(actor, audits)) : null;
    // A batch's long list by COPY, a step's few entries as one statement of JSON.
    const chronology =
      entries.length === 0
        ? null
        : await prepareBulkRows(
            this.db,
            'chronology_entry',
            entries.map((e) => ({
              la_code: this.laCode,
              entry_id: e.entryId,
              child_id: e.childId,
              occurred_on: e.occurredOn,
              category: e.category,
              summary: e.summary,
              record_type: e.recordType ?? null,
              record_id: e.recordId ?? null,
              recorded_by: e.recordedBy === undefined ? (actor?.user.userId ?? null) : e.recordedBy,
              ...(e.recordedAt ? { recorded_at: e.recordedAt } : {}),
            })),
          );
    return async () => {
      if (chronology) await writeBulkRows(this.db, chronology);
      if (audit) await writePreparedAudit(this.db, audit);
    };
  }

  /** Writes what the work noted: the chronology, the audit rows, then the deadlines. */
  async settle(options: { refresh: boolean }): Promise<void> {
    await this.flush();
    const actor = this.actor;
    if (options.refresh && actor && this.touched.size > 0)
      await refreshObligations(this.db, actor.user.laCode, { childIds: [...this.touched], rules: 'changed' });
  }
}

function childOf(table: Table, row: Record<string, unknown>): string | null {
  if (table === 'person') return row.is_child ? (row.person_id as string) : null;
  return typeof row.child_id === 'string' ? row.child_id : null;
}

/**
 * Opens the ledger's transaction, stamped with the acting user for the versions it keeps and with
 * their council (or a batch's) for the database's row-level security (kernel/db/council.ts).
 */
async function open<T>(db: Kysely<Database>, actor: Actor | null, work: (trx: Transaction<Database>) => Promise<T>, laCode?: string): Promise<T> {
  const council = actor?.user.laCode ?? laCode;
  const run = async (trx: Transaction<Database>) => {
    await sql`select set_config('lantern.user_id', ${actor?.user.userId ?? ''}, true)${council ? sql`, set_config('lantern.la_code', ${council}, true)` : sql``}`.execute(
      trx,
    );
    return work(trx);
  };
  // A step inside a larger unit (a test's, or a batch's) joins it rather than nesting.
  if (db.isTransaction) return run(db as Transaction<Database>);
  return db.transaction().execute(run);
}

/**
 * One recorded step on a child's case, end to end: the user's right to act on this child (the
 * route's permission unless the step names another), the record, its versions, its chronology
 * entries, its audit rows and the deadlines it opens, meets or ends, in one transaction.
 */
export async function step<T>(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  work: (ledger: Ledger, child: Person) => Promise<T>,
  options: { action?: Action } = {},
): Promise<T> {
  const action = options.action ?? actor.permission;
  if (!action) throw new Error('A step on a child’s case needs the permission it is taken under');
  return open(db, actor, async (trx) => {
    const child = await childFor(trx, actor.user, childId, action);
    const ledger = new Ledger(trx, actor, childId);
    const result = await work(ledger, child);
    await ledger.settle({ refresh: true });
    return result;
  });
}

/** A change to records that are not one child's: the same trail, no child to check. */
export async function change<T>(db: Kysely<Database>, actor: Actor, work: (ledger: Ledger) => Promise<T>): Promise<T> {
  return open(db, actor, async (trx) => {
    const ledger = new Ledger(trx, actor, null);
    const result = await work(ledger);
    await ledger.settle({ refresh: true });
    return result;
  });
}

/**
 * Many records in one transaction (an import, the generator). The work writes in bulk through
 * `ledger.db` and `insertMany`; versions are kept by the database; deadlines are derived by the
 * caller once at the end, council-wide, rather than per child. Without a user (the generator),
 * `laCode` names the council its chronology is written for.
 */
export async function batch<T>(db: Kysely<Database>, actor: Actor | null, work: (ledger: Ledger) => Promise<T>, options: { laCode?: string } = {}): Promise<T> {
  return open(
    db,
    actor,
    async (trx) => {
      const ledger = new Ledger(trx, actor, null, options.laCode ?? null);
      const result = await work(ledger);
      await ledger.settle({ refresh: false });
      return result;
    },
    options.laCode,
  );
}
