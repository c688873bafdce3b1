import type { Action } from '@lantern/core/permissions';
import type { Kysely } from 'kysely';
import { childFor } from './access.ts';
import { type AuditEntry, auditMany } from './audit.ts';
import type { Actor } from './context.ts';
import type { Database, Person } from './db/schema.ts';
import { conflict } from './http/problem.ts';
import { refreshObligations } from './obligations.ts';
import { addToChronology } from './records.ts';

export type StepOutcome<T> = {
  result: T;
  chronology: { occurredOn: string; category: string; summary: string; recordType: string; recordId: string }[];
  audit: AuditEntry[];
};

/**
 * One recorded step on a child's case, end to end: the user's right to act on this child, one
 * transaction holding the record, its chronology entries, its audit rows and the deadlines it
 * opens, meets or ends. Commit, or nothing.
 */
export async function recordStep<T>(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  action: Action,
  work: (trx: Kysely<Database>, child: Person) => Promise<StepOutcome<T>>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const child = await childFor(trx, actor.user, childId, action);
    const outcome = await work(trx, child);
    for (const entry of outcome.chronology) await addToChronology(trx, actor, { childId, ...entry });
    await auditMany(
      trx,
      actor,
      outcome.audit.map((a) => ({ ...a, childId })),
    );
    await refreshObligations(trx, actor.user.laCode, { childIds: [childId] });
    return outcome.result;
  });
}

/** The child's open child-in-need episode, or a 409 saying one is needed. */
export async function openEpisode(trx: Kysely<Database>, laCode: string, childId: string) {
  const episode = await trx
    .selectFrom('cin_episode')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('closure_date', 'is', null)
    .executeTakeFirst();
  if (!episode)
    throw conflict('The child has no open child-in-need episode: record a referral first', [
      { field: 'childId', rule: 'open-episode-required', message: 'Record a referral first' },
    ]);
  return episode;
}
