/**
 * A step on a child's case reached through one of its records rather than through the child: a
 * transfer the receiving team answers, work sent to a manager, an audit action its owner marks
 * done. Who may act is set by the record (the receiving team, the owner), not by who holds the
 * child, so the step checks only that the user may read the child; the work checks the rest.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from './context.ts';
import type { ChildTable } from './child-records.ts';
import { findByKey, type Key } from './db/by-key.ts';
import type { Database } from './db/schema.ts';
import { type Ledger, step } from './ledger.ts';

/** The council's record by its key (or a 404 naming it), then a step on its child with the record in hand. */
export async function stepOnRecord<T extends ChildTable, R>(
  db: Kysely<Database>,
  actor: Actor,
  table: T,
  key: Key<T>,
  what: string,
  work: (ledger: Ledger, record: Selectable<Database[T]>) => Promise<R>,
): Promise<R> {
  const record = await findByKey(db, actor.user.laCode, table, key, what);
  return step(db, actor, (record as { child_id: string }).child_id, (ledger) => work(ledger, record), { action: 'child:read' });
}
