/**
 * A partner's list of children's records read: one audit row for each record shown, naming the
 * view; an empty list is one row saying nothing was shown, so the look itself is on the trail.
 */
import type { Kysely } from 'kysely';
import { auditMany } from './audit.ts';
import type { Actor } from './context.ts';
import type { Database } from './db/schema.ts';

export async function auditShown(
  db: Kysely<Database>,
  actor: Actor,
  view: string,
  shown: readonly { recordType: string; recordId: string; childId: string }[],
): Promise<void> {
  await auditMany(
    db,
    actor,
    shown.length ? shown.map((r) => ({ action: 'read' as const, ...r, detail: { view } })) : [{ action: 'read', recordType: view, detail: { shown: 0 } }],
  );
}
