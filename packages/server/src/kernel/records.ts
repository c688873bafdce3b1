import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from './context.ts';
import type { Database } from './db/schema.ts';

/** Keeps a version of a record: its values at that version, who made it and when. */
export async function keepVersion(
  trx: Kysely<Database>,
  actor: Actor,
  record: { type: string; id: string; version: number; childId: string | null; data: Record<string, unknown> },
  madeBy?: { userId: string | null; at: Date | string },
): Promise<void> {
  await trx
    .insertInto('record_version')
    .values({
      la_code: actor.user.laCode,
      record_type: record.type,
      record_id: record.id,
      version: record.version,
      child_id: record.childId,
      data: JSON.stringify(record.data),
      changed_by: madeBy ? madeBy.userId : actor.user.userId,
      ...(madeBy ? { changed_at: madeBy.at } : {}),
    })
    // A version already kept stays as it was: history is never rewritten.
    .onConflict((c) => c.doNothing())
    .execute();
}

/** Adds an entry to a child's chronology. */
export async function addToChronology(
  trx: Kysely<Database>,
  actor: Actor,
  entry: { childId: string; occurredOn: string; category: string; summary: string; recordType?: string; recordId?: string },
): Promise<string> {
  const entryId = randomUUID();
  await trx
    .insertInto('chronology_entry')
    .values({
      la_code: actor.user.laCode,
      entry_id: entryId,
      child_id: entry.childId,
      occurred_on: entry.occurredOn,
      category: entry.category,
      summary: entry.summary,
      record_type: entry.recordType ?? null,
      record_id: entry.recordId ?? null,
      recorded_by: actor.user.userId,
    })
    .execute();
  return entryId;
}
