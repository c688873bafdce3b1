import type { Action } from '@lantern/core/permissions';
import type { Kysely } from 'kysely';
import type { Actor } from './context.ts';
import type { Database, Person } from './db/schema.ts';
import { conflict } from './http/problem.ts';
import { type StepOutcome, step } from './ledger.ts';

export type { StepOutcome } from './ledger.ts';

/**
 * One recorded step on a child's case, through the ledger (see ledger.ts `step`): the shape the
 * areas wrote before the ledger, kept while they move to `step` itself.
 */
export async function recordStep<T>(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  action: Action,
  work: (trx: Kysely<Database>, child: Person) => Promise<StepOutcome<T>>,
): Promise<T> {
  return step(db, actor, childId, (ledger, child) => work(ledger.db, child), { action });
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
