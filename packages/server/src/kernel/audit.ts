import { type Kysely, sql } from 'kysely';
import type { Actor } from './context.ts';
import { COPY_AT_LEAST, copyText, copyTextInto, ROWS_PER_COPY } from './db/copy-rows.ts';
import type { Database } from './db/schema.ts';
import { PREPARED } from './db/store.ts';

export type AuditAction =
  | 'read'
  | 'search'
  | 'create'
  | 'update'
  | 'allocate'
  | 'end-allocation'
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-in-locked'
  | 'sign-in-unlocked'
  | 'sign-out'
  | 'sign-out-everywhere'
  | 'export';

export type AuditEntry = {
  action: AuditAction;
  recordType?: string;
  recordId?: string;
  childId?: string | null;
  detail?: Record<string, unknown>;
};

/**
 * Writes one row of the audit trail. For a write, pass the transaction so the audit row and
 * the change commit or fail together; for a read, pass the database.
 */
export async function audit(db: Kysely<Database>, actor: Actor, entry: AuditEntry): Promise<void> {
  await auditMany(db, actor, [entry]);
}

/** The audit rows of what an actor did. */
export function auditRows(actor: Actor, entries: AuditEntry[]) {
  return entries.map((e) => ({
    la_code: actor.user.laCode,
    user_id: actor.user.userId,
    username: actor.user.username,
    user_role: actor.user.role,
    action: e.action,
    record_type: e.recordType ?? null,
    record_id: e.recordId ?? null,
    child_id: e.childId ?? null,
    ip: actor.ip,
    user_agent: actor.userAgent,
    detail: e.detail ?? null,
    request_id: actor.requestId ?? null,
  }));
}

/** One call for many rows, e.g. every child a search showed. */
export async function auditMany(db: Kysely<Database>, actor: Actor, entries: AuditEntry[]): Promise<void> {
  await writeAudit(db, auditRows(actor, entries));
}

const AUDIT_ROWS_PER_CALL = 2000;

/** What a row of the trail is given (its time and id are the table's own), as auditRows makes them. */
const AUDIT_COLUMNS = 'la_code user_id username user_role action record_type record_id child_id ip user_agent detail request_id'.split(' ');

/**
 * The one way rows enter the audit trail: the database's lantern_audit function (migration 0026),
 * which stamps the time itself and accepts rows only for the council the connection acts for. The
 * application's role may not insert into audit_event. A bulk load's long list (in a transaction)
 * goes by COPY into the staging table of migration 0042, moved in by lantern_audit_copied with
 * the same check.
 */
export async function writeAudit(db: Kysely<Database>, rows: readonly AuditRow[]): Promise<void> {
  await writePreparedAudit(db, prepareAudit(db, rows));
}

type AuditRow = ReturnType<typeof auditRows>[number];

/** Audit rows made ready to write: a long list's COPY text (made while the write before runs, as prepareCopy's), else the rows. */
export type PreparedAudit = { texts: string[] } | { rows: readonly AuditRow[] };

/** Makes writeAudit's rows ready to write; nothing is written. */
export function prepareAudit(db: Kysely<Database>, rows: readonly AuditRow[]): PreparedAudit {
  if (!(rows.length >= COPY_AT_LEAST && db.isTransaction)) return { rows };
  const texts: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_COPY) texts.push(copyText(AUDIT_COLUMNS, rows.slice(i, i + ROWS_PER_COPY)));
  return { texts };
}

/** Writes audit rows prepareAudit made ready. */
export async function writePreparedAudit(db: Kysely<Database>, prepared: PreparedAudit): Promise<void> {
  if ('texts' in prepared) {
    await sql`select lantern_audit_staging()`.execute(db);
    for (const text of prepared.texts) {
      await copyTextInto(db, 'pg_temp.audit_copied', AUDIT_COLUMNS, text);
      await sql`select lantern_audit_copied()`.execute(db);
    }
    return;
  }
  const { rows } = prepared;
  for (let i = 0; i < rows.length; i += AUDIT_ROWS_PER_CALL) {
    // Prepared once per connection: every read writes one.
    await sql`${sql.raw(PREPARED)}select lantern_audit(${JSON.stringify(rows.slice(i, i + AUDIT_ROWS_PER_CALL))}::jsonb)`.execute(db);
  }
}

/** Sign-in, a failed sign-in and sign-out: not a record's write, so outside the ledger, but one way in. */
export async function auditSession(
  db: Kysely<Database>,
  actor: Actor,
  action: 'sign-in' | 'sign-in-failed' | 'sign-in-locked' | 'sign-out' | 'sign-out-everywhere',
  detail?: Record<string, unknown>,
): Promise<void> {
  await auditMany(db, actor, [{ action, ...(detail ? { detail } : {}) }]);
}
