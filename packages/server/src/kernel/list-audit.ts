/** The audit trail of a list a user was shown: the records on it, or that it showed none. */
import type { Kysely } from 'kysely';
import { auditMany } from './audit.ts';
import type { Actor } from './context.ts';
import type { Database } from './db/schema.ts';

/** A list as the audit trail names it: the list itself, the records on it, and what each record's row says of the read. */
export type AuditedList = { name: string; recordType?: string; detail?: Record<string, unknown> };

/**
 * Audits the read of a list: one read row for each record it showed, naming the record's child
 * (as the list's `recordType`, or its name), or — when it showed none — one row for the list itself
 * saying so.
 */
export async function auditListRead(db: Kysely<Database>, actor: Actor, list: AuditedList, shown: { recordId: string; childId: string }[]): Promise<void> {
  await auditMany(
    db,
    actor,
    shown.length
      ? shown.map((s) => ({
          action: 'read' as const,
          recordType: list.recordType ?? list.name,
          recordId: s.recordId,
          childId: s.childId,
          ...(list.detail ? { detail: list.detail } : {}),
        }))
      : [{ action: 'read', recordType: list.name, detail: { shown: 0 } }],
  );
}
